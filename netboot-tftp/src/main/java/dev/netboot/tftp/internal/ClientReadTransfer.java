package dev.netboot.tftp.internal;

import dev.netboot.tftp.TftpData;
import dev.netboot.tftp.TftpErrorCode;
import dev.netboot.tftp.TftpFileException;
import dev.netboot.tftp.TftpOptionAck;
import dev.netboot.tftp.TftpOptions;
import dev.netboot.tftp.TftpOutbox;
import dev.netboot.tftp.TftpPacket;
import dev.netboot.tftp.TftpRequest;
import dev.netboot.tftp.TftpRetransmitSettings;
import dev.netboot.tftp.TftpWritableFile;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * A client downloading a file (RRQ; RFC 1350, options RFC 2347, windows RFC 7440). It resends
 * the RRQ until the server answers. An OACK is checked ({@link OptionAckCheck}) and answered
 * with ACK 0, or with ERROR 8 if wrong. DATA 1 in answer to a request with options means the
 * server ignored them: the transfer falls back to plain RFC 1350 (512-byte blocks, window 1).
 * The target is committed when the last block has arrived.
 */
public final class ClientReadTransfer extends RequestingTransfer {
  private final TftpWritableFile target;
  private @Nullable WindowReceiver receiver;
  private int oackRepeats;

  /**
   * Creates the transfer.
   *
   * @param request the RRQ to send
   * @param target where the file goes; committed on success, closed always
   * @param settings how to retransmit
   */
  public ClientReadTransfer(TftpRequest request, TftpWritableFile target,
      TftpRetransmitSettings settings) {
    super(request, settings, "DATA");
    this.target = target;
  }

  @Override
  void handle(TftpPacket packet, long now, TftpOutbox out) throws IOException, TftpFileException {
    WindowReceiver r = receiver;
    if (packet instanceof TftpOptionAck) {
      if (r == null) {
        accept((TftpOptionAck) packet, now, out);
      } else if (r.bytes() == 0 && oackRepeats++ < settings.maxRetries()) {
        r.acknowledgeOptions(now, out); // the server did not hear our ACK 0
      }
      return;
    }
    if (!(packet instanceof TftpData)) {
      if (!(packet instanceof TftpRequest)) {
        fail(TftpErrorCode.ILLEGAL_OPERATION, "unexpected " + packet.opcode().name(), now, out);
      }
      return;
    }
    if (r == null) {
      // DATA without OACK: the server ignored our options (RFC 2347 section 3).
      options = TftpOptions.DEFAULTS;
      r = receiver(now);
    }
    switch (r.onData((TftpData) packet, now, out)) {
      case TOO_LONG:
        fail(TftpErrorCode.ILLEGAL_OPERATION, "block larger than blksize", now, out);
        break;
      case DONE:
        target.commit();
        r.acknowledgeLast(out);
        completeAndLinger(now);
        break;
      default:
        break;
    }
  }

  private void accept(TftpOptionAck oack, long now, TftpOutbox out) {
    OptionAckCheck check = OptionAckCheck.check(request.options(), oack.options());
    TftpOptions accepted = check.options();
    if (accepted == null) {
      fail(TftpErrorCode.OPTION_REFUSED, check.refusal(), now, out);
      return;
    }
    options = accepted;
    receiver(now).acknowledgeOptions(now, out);
  }

  private WindowReceiver receiver(long now) {
    requestAnswered(now);
    BlockSink sink = TftpRequest.MODE_NETASCII.equals(request.mode())
        ? new NetasciiBlockSink(target) : new OctetBlockSink(target);
    WindowReceiver r = new WindowReceiver(sink, options.blksize(), options.windowsize(),
        options.rollover(), timer);
    receiver = r;
    return r;
  }

  @Override
  boolean answerWhileLingering(TftpPacket packet, TftpOutbox out) {
    WindowReceiver r = receiver;
    if (r != null && packet instanceof TftpData && r.isOld((TftpData) packet)) {
      r.reacknowledgeLast(out);
      return true;
    }
    return false;
  }

  @Override
  @Nullable TransferWindow window() {
    return receiver;
  }

  @Override
  long bytes() {
    WindowReceiver r = receiver;
    return r == null ? 0 : r.bytes();
  }

  @Override
  int retransmissions() {
    return super.retransmissions() + oackRepeats;
  }

  @Override
  void release(boolean completed) {
    target.close();
  }
}
