package dev.netboot.tftp.internal;

import dev.netboot.tftp.TftpAck;
import dev.netboot.tftp.TftpData;
import dev.netboot.tftp.TftpErrorCode;
import dev.netboot.tftp.TftpFileException;
import dev.netboot.tftp.TftpOptionAck;
import dev.netboot.tftp.TftpOutbox;
import dev.netboot.tftp.TftpPacket;
import dev.netboot.tftp.TftpRequest;
import dev.netboot.tftp.TftpRetransmitSettings;
import dev.netboot.tftp.TftpWritableFile;
import dev.netboot.tftp.TftpTransferResult.Outcome;
import java.io.IOException;
import java.util.Map;

/**
 * A server receiving a file (WRQ; RFC 1350, options RFC 2347, windows RFC 7440).
 *
 * <p>The first answer is the OACK, or ACK 0 without options; like a read, it is resent only
 * when the client repeats its request, until the first DATA proves the client is there. The
 * file is committed when the last block has arrived and before the final ACK is sent, so the
 * ACK never promises a file that was not kept; any failure discards what was written.
 */
public final class ServerWriteTransfer extends TransferBase {
  private final TftpRequest request;
  private final TftpWritableFile file;
  private final Map<String, String> oack;
  private final RetransmitTimer timer;
  private final WindowReceiver receiver;
  private boolean proven;
  private int requestRepeats;

  /**
   * Creates the transfer.
   *
   * @param request the client's request
   * @param file the file being written; committed on success, closed always
   * @param negotiation the options answer
   * @param maxWriteSize the upload limit in bytes
   * @param settings how to retransmit
   */
  public ServerWriteTransfer(TftpRequest request, TftpWritableFile file,
      ServerOptionNegotiation negotiation, long maxWriteSize, TftpRetransmitSettings settings) {
    super(request.filename(), settings);
    this.request = request;
    this.file = file;
    this.oack = negotiation.oack();
    this.options = negotiation.options();
    this.timer = new RetransmitTimer(settings, options.timeoutNanos());
    BlockSink sink = TftpRequest.MODE_NETASCII.equals(request.mode())
        ? new NetasciiBlockSink(file) : new OctetBlockSink(file);
    this.receiver = new WindowReceiver(new LimitedSink(sink, maxWriteSize), options.blksize(),
        options.windowsize(), options.rollover(), timer);
  }

  @Override
  void begin(long now, TftpOutbox out) {
    sendFirst(out);
  }

  private void sendFirst(TftpOutbox out) {
    out.send(oack.isEmpty() ? TftpAck.of(0) : TftpOptionAck.of(oack));
  }

  @Override
  void handle(TftpPacket packet, long now, TftpOutbox out) throws IOException, TftpFileException {
    if (packet instanceof TftpRequest) {
      if (!proven && packet.equals(request) && requestRepeats < settings.maxRetries()) {
        requestRepeats++;
        sendFirst(out);
      }
      return;
    }
    if (!(packet instanceof TftpData)) {
      fail(TftpErrorCode.ILLEGAL_OPERATION, "unexpected " + packet.opcode().name(), now, out);
      return;
    }
    if (!proven && requestRepeats == 0) {
      timer.sample(now - startNanos); // Karn: only a first answer sent once gives a sample
    }
    proven = true;
    switch (receiver.onData((TftpData) packet, now, out)) {
      case TOO_LONG:
        fail(TftpErrorCode.ILLEGAL_OPERATION, "block larger than blksize", now, out);
        break;
      case DONE:
        file.commit();
        receiver.acknowledgeLast(out);
        completeAndLinger(now);
        break;
      default:
        break;
    }
  }

  @Override
  boolean answerWhileLingering(TftpPacket packet, TftpOutbox out) {
    if (packet instanceof TftpData && receiver.isOld((TftpData) packet)) {
      receiver.reacknowledgeLast(out);
      return true;
    }
    return false;
  }

  @Override
  void expire(long now, TftpOutbox out) {
    if (!proven) {
      if (now >= proofDeadline()) {
        finish(Outcome.TIMED_OUT, null, "the client never sent data", now);
      }
      return;
    }
    if (!receiver.onDeadline(now, out)) {
      finish(Outcome.TIMED_OUT, null, "no DATA after " + settings.maxRetries() + " retries", now);
    }
  }

  @Override
  long phaseDeadline() {
    return proven ? receiver.deadline() : proofDeadline();
  }

  @Override
  boolean peerProven() {
    return proven;
  }

  @Override
  long bytes() {
    return receiver.bytes();
  }

  @Override
  int retransmissions() {
    return receiver.retransmissions() + requestRepeats;
  }

  @Override
  void release(boolean completed) {
    file.close();
  }
}
