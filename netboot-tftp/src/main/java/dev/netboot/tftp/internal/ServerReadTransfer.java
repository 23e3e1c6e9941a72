package dev.netboot.tftp.internal;

import dev.netboot.tftp.TftpAck;
import dev.netboot.tftp.TftpErrorCode;
import dev.netboot.tftp.TftpOptionAck;
import dev.netboot.tftp.TftpOutbox;
import dev.netboot.tftp.TftpPacket;
import dev.netboot.tftp.TftpReadableFile;
import dev.netboot.tftp.TftpRequest;
import dev.netboot.tftp.TftpRetransmitSettings;
import dev.netboot.tftp.TftpTransferResult.Outcome;
import java.io.IOException;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * A server sending a file (RRQ; RFC 1350, options RFC 2347, windows RFC 7440).
 *
 * <p>The first answer is the OACK, or DATA 1 without options. Until the client acknowledges it
 * the client has not proved it is there (its address may be spoofed), so the timer never
 * resends: only a repeated request from the client does, once per request and at most
 * {@code maxRetries} times. An ERROR right after the OACK is a client that only wanted the
 * options, such as a tsize probe: the transfer ends cleanly with
 * {@link Outcome#ENDED_AFTER_OPTIONS}.
 */
public final class ServerReadTransfer extends TransferBase {
  private final TftpRequest request;
  private final TftpReadableFile file;
  private final boolean netascii;
  private final Map<String, String> oack;
  private final RetransmitTimer timer;
  private final WindowSender sender;
  private boolean optionsAcknowledged;
  private boolean proven;
  private int requestRepeats;
  private int oackResends;

  /**
   * Creates the transfer.
   *
   * @param request the client's request
   * @param file the opened file; closed when the transfer ends
   * @param negotiation the options answer
   * @param settings how to retransmit
   */
  public ServerReadTransfer(TftpRequest request, TftpReadableFile file,
      ServerOptionNegotiation negotiation, TftpRetransmitSettings settings) {
    super(request.filename(), settings);
    this.request = request;
    this.file = file;
    this.netascii = TftpRequest.MODE_NETASCII.equals(request.mode());
    this.oack = negotiation.oack();
    this.options = negotiation.options();
    this.timer = new RetransmitTimer(settings, options.timeoutNanos());
    int blksize = options.blksize();
    int windowsize = options.windowsize();
    BlockSource source = netascii
        ? new NetasciiBlockSource(file, blksize, windowsize)
        : new OctetBlockSource(file, blksize);
    this.sender = new WindowSender(
        source, blksize, windowsize, new BlockNumbering(options.rollover()), timer);
  }

  @Override
  public long expectedBytes() {
    // The file's size is the transfer's in octet mode; netascii adds a CR per line end.
    return netascii ? -1 : file.size();
  }

  @Override
  void begin(long now, TftpOutbox out) throws IOException {
    if (oack.isEmpty()) {
      optionsAcknowledged = true;
      sender.start(now, out);
    } else {
      out.send(TftpOptionAck.of(oack));
    }
  }

  @Override
  void handle(TftpPacket packet, long now, TftpOutbox out) throws IOException {
    if (packet instanceof TftpRequest) {
      if (!proven && packet.equals(request) && requestRepeats < settings.maxRetries()) {
        requestRepeats++;
        if (optionsAcknowledged) {
          sender.resend(now, out);
        } else {
          oackResends++;
          out.send(TftpOptionAck.of(oack));
        }
      }
      return;
    }
    if (!(packet instanceof TftpAck)) {
      fail(TftpErrorCode.ILLEGAL_OPERATION, "unexpected " + packet.opcode().name(), now, out);
      return;
    }
    int block = ((TftpAck) packet).block();
    if (!optionsAcknowledged) {
      if (block == 0) {
        proven = true;
        optionsAcknowledged = true;
        if (oackResends == 0) {
          timer.sample(now - startNanos); // Karn: only an OACK sent once gives a sample
        }
        timer.progress();
        sender.start(now, out);
      }
      return;
    }
    WindowSender.AckResult r = sender.onAck(block, now, out);
    if (r != WindowSender.AckResult.IGNORED) {
      proven = true;
    }
    if (r == WindowSender.AckResult.DONE) {
      finish(Outcome.COMPLETED, null, "", now);
    }
  }

  @Override
  void expire(long now, TftpOutbox out) throws IOException {
    if (!proven) {
      if (now >= proofDeadline()) {
        finish(Outcome.TIMED_OUT, null, "the client never acknowledged", now);
      }
      return;
    }
    if (!sender.onDeadline(now, out)) {
      finish(Outcome.TIMED_OUT, null, "no ACK after " + settings.maxRetries() + " retries", now);
    }
  }

  @Override
  long phaseDeadline() {
    return proven ? sender.deadline() : proofDeadline();
  }

  @Override
  Outcome outcomeOfReceivedError() {
    return optionsAcknowledged || oack.isEmpty() ? Outcome.ERROR_RECEIVED
        : Outcome.ENDED_AFTER_OPTIONS;
  }

  @Override
  boolean peerProven() {
    return proven;
  }

  @Override
  long bytes() {
    return sender.bytesAcknowledged();
  }

  @Override
  int retransmissions() {
    return sender.retransmissions() + oackResends;
  }

  @Override
  void release(boolean completed) {
    try {
      file.close();
    } catch (IOException | RuntimeException e) {
      LoggerFactory.getLogger(ServerReadTransfer.class).debug("closing {}", filename, e);
    }
  }
}
