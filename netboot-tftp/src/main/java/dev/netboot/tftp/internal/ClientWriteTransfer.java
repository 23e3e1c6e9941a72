package dev.netboot.tftp.internal;

import dev.netboot.tftp.TftpAck;
import dev.netboot.tftp.TftpErrorCode;
import dev.netboot.tftp.TftpOptionAck;
import dev.netboot.tftp.TftpOptions;
import dev.netboot.tftp.TftpOutbox;
import dev.netboot.tftp.TftpPacket;
import dev.netboot.tftp.TftpReadableFile;
import dev.netboot.tftp.TftpRequest;
import dev.netboot.tftp.TftpRetransmitSettings;
import dev.netboot.tftp.TftpTransferResult.Outcome;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

/**
 * A client uploading a file (WRQ; RFC 1350, options RFC 2347, windows RFC 7440). It resends
 * the WRQ until the server answers: an OACK (checked by {@link OptionAckCheck}; ERROR 8 if
 * wrong) or ACK 0, which means the server ignored the options and the transfer is plain RFC
 * 1350. Then it sends like a server's read.
 */
public final class ClientWriteTransfer extends RequestingTransfer {
  private final TftpReadableFile source;
  private @Nullable WindowSender sender;

  /**
   * Creates the transfer.
   *
   * @param request the WRQ to send
   * @param source the file to send; closed when the transfer ends
   * @param settings how to retransmit
   */
  public ClientWriteTransfer(TftpRequest request, TftpReadableFile source,
      TftpRetransmitSettings settings) {
    super(request, settings, "ACK");
    this.source = source;
  }

  @Override
  void handle(TftpPacket packet, long now, TftpOutbox out) throws IOException {
    WindowSender s = sender;
    if (packet instanceof TftpOptionAck) {
      if (s == null) {
        OptionAckCheck check =
            OptionAckCheck.check(request.options(), ((TftpOptionAck) packet).options());
        TftpOptions accepted = check.options();
        if (accepted == null) {
          fail(TftpErrorCode.OPTION_REFUSED, check.refusal(), now, out);
        } else {
          options = accepted;
          startSending(now, out);
        }
      }
      return;
    }
    if (!(packet instanceof TftpAck)) {
      if (!(packet instanceof TftpRequest)) {
        fail(TftpErrorCode.ILLEGAL_OPERATION, "unexpected " + packet.opcode().name(), now, out);
      }
      return;
    }
    int block = ((TftpAck) packet).block();
    if (s == null) {
      if (block == 0) {
        options = TftpOptions.DEFAULTS; // the server ignored our options (RFC 2347 section 3)
        startSending(now, out);
      }
      return;
    }
    if (s.onAck(block, now, out) == WindowSender.AckResult.DONE) {
      finish(Outcome.COMPLETED, null, "", now);
    }
  }

  private void startSending(long now, TftpOutbox out) throws IOException {
    requestAnswered(now);
    int blksize = options.blksize();
    BlockSource blocks = TftpRequest.MODE_NETASCII.equals(request.mode())
        ? new NetasciiBlockSource(source, blksize, options.windowsize())
        : new OctetBlockSource(source, blksize);
    WindowSender s = new WindowSender(blocks, blksize, options.windowsize(),
        new BlockNumbering(options.rollover()), timer);
    sender = s;
    s.start(now, out);
  }

  @Override
  @Nullable TransferWindow window() {
    return sender;
  }

  @Override
  long bytes() {
    WindowSender s = sender;
    return s == null ? 0 : s.bytesAcknowledged();
  }

  @Override
  void release(boolean completed) {
    try {
      source.close();
    } catch (IOException e) {
      LoggerFactory.getLogger(ClientWriteTransfer.class).debug("closing {}", filename, e);
    }
  }
}
