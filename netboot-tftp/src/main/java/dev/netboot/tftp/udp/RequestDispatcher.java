package dev.netboot.tftp.udp;

import dev.netboot.tftp.TftpError;
import dev.netboot.tftp.TftpErrorCode;
import dev.netboot.tftp.TftpFileSource;
import dev.netboot.tftp.TftpRequest;
import dev.netboot.tftp.TftpServerSettings;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a server's requests into transfers: admits them against the limits, hands a repeated
 * request to the transfer it repeats, and spreads new transfers over the event loops. Called by
 * listeners on their loops and by transfers on theirs.
 */
final class RequestDispatcher {
  private static final Logger log = LoggerFactory.getLogger(TftpServer.class);
  private static final TftpError BUSY = TftpError.of(TftpErrorCode.NOT_DEFINED, "server busy");

  private final EventLoopGroup loops;
  private final TftpFileSource fileSource;
  private final TftpServerSettings settings;
  private final TransferAdmission admission;
  private final TransferEvents events;
  private final Map<InetSocketAddress, ServerTransfer> byClient = new ConcurrentHashMap<>();
  private final RateLimitedWarning fullWarning =
      new RateLimitedWarning(log, "TFTP server full: requests refused with ERROR 0");
  private final RateLimitedWarning clientFullWarning = new RateLimitedWarning(
      log, "TFTP client over its concurrent transfer limit: requests refused with ERROR 0");
  private volatile boolean accepting = true;

  RequestDispatcher(EventLoopGroup loops, TftpFileSource fileSource, TftpServerSettings settings,
      TransferAdmission admission, TransferEvents events) {
    this.loops = loops;
    this.fileSource = fileSource;
    this.settings = settings;
    this.admission = admission;
    this.events = events;
  }

  TftpFileSource fileSource() {
    return fileSource;
  }

  TftpServerSettings settings() {
    return settings;
  }

  TransferEvents events() {
    return events;
  }

  /** Stops admitting requests; running transfers go on. */
  void stopAccepting() {
    accepting = false;
  }

  /** Handles a request that {@code listener} received from {@code client}. */
  void onRequest(TftpRequest request, InetSocketAddress client, RequestListener listener) {
    ServerTransfer running = byClient.get(client);
    if (running != null && running.request().equals(request)) {
      // The client did not hear the first answer and asked again: the running transfer
      // resends it (see TftpTransfer). A second transfer would double the traffic.
      running.loop.execute(() -> running.deliver(request));
      return;
    }
    if (!accepting) {
      return;
    }
    TransferAdmission.Verdict verdict = admission.tryAdmit(client.getAddress());
    if (verdict != TransferAdmission.Verdict.ADMITTED) {
      log.debug("refused {} from {}: {}", request, client, verdict);
      (verdict == TransferAdmission.Verdict.SERVER_FULL ? fullWarning : clientFullWarning)
          .occurred(client.getAddress().getHostAddress());
      listener.reply(BUSY, client);
      return;
    }
    EventLoop loop = loops.reserveLeastBusy();
    ServerTransfer transfer = new ServerTransfer(this, loop, request, client);
    // A different request from the same port replaces the entry: the client gave up on the
    // old transfer (OVMF's tsize probe), which ends on its own.
    byClient.put(client, transfer);
    InetSocketAddress local = new InetSocketAddress(listener.localAddress().getAddress(), 0);
    loop.execute(() -> transfer.open(local));
  }

  /** Called by a transfer once its outcome is known, before it is reported. */
  void resolved(ServerTransfer transfer) {
    admission.release(transfer.client().getAddress());
  }

  /** Called by a transfer once its socket is closed (after any lingering). */
  void closed(ServerTransfer transfer) {
    byClient.remove(transfer.client(), transfer);
  }
}
