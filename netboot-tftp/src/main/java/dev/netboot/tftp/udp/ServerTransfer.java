package dev.netboot.tftp.udp;

import dev.netboot.tftp.TftpRequest;
import dev.netboot.tftp.TftpRequestInfo;
import dev.netboot.tftp.TftpServerTransfers;
import dev.netboot.tftp.TftpTransfer;
import dev.netboot.tftp.TftpTransferResult;
import java.net.InetSocketAddress;
import org.jspecify.annotations.Nullable;

/** The server's side of one transfer: a new socket for the request's client (RFC 1350 s. 4). */
final class ServerTransfer extends TransferEndpoint {
  private final RequestDispatcher dispatcher;
  private final TftpRequest request;
  private final InetSocketAddress client;
  private @Nullable TftpTransferEvent startedEvent;
  private long nextProgressNanos;

  ServerTransfer(
      RequestDispatcher dispatcher, EventLoop loop, TftpRequest request, InetSocketAddress client) {
    super(loop, client, true);
    this.dispatcher = dispatcher;
    this.request = request;
    this.client = client;
  }

  /** Returns the request this transfer answers. */
  TftpRequest request() {
    return request;
  }

  /** Returns the client's address and port. */
  InetSocketAddress client() {
    return client;
  }

  @Override
  TftpTransfer newTransfer() {
    TftpRequestInfo info =
        new TftpRequestInfo(request.filename(), request.mode(), request.options(), client);
    return request.isRead()
        ? TftpServerTransfers.read(request, info, dispatcher.fileSource(), dispatcher.settings())
        : TftpServerTransfers.write(request, info, dispatcher.fileSource(), dispatcher.settings());
  }

  @Override
  void onStarted(InetSocketAddress local, TftpTransfer transfer) {
    startedEvent = event(local);
    dispatcher.events().started(startedEvent);
    nextProgressNanos = System.nanoTime() + dispatcher.events().progressIntervalNanos();
  }

  @Override
  void onProgress(TftpTransfer transfer, long nowNanos) {
    TftpTransferEvent started = startedEvent;
    if (started != null && nowNanos - nextProgressNanos >= 0) {
      nextProgressNanos = nowNanos + dispatcher.events().progressIntervalNanos();
      dispatcher.events().progress(started, transfer.bytesTransferred(), transfer.expectedBytes());
    }
  }

  @Override
  void onResult(TftpTransferResult result) {
    TftpTransferEvent started = startedEvent;
    if (started == null) {
      // The socket could not be opened: still a started-then-failed pair for the listener.
      started = event(localAddress());
      dispatcher.events().started(started);
    }
    dispatcher.resolved(this);
    dispatcher.events().ended(started.withResult(result));
  }

  @Override
  void onClosed() {
    dispatcher.closed(this);
  }

  @Override
  String filename() {
    return request.filename();
  }

  private TftpTransferEvent event(InetSocketAddress local) {
    return new TftpTransferEvent(
        request.isRead() ? TftpTransferEvent.Direction.READ : TftpTransferEvent.Direction.WRITE,
        request.filename(), request.mode(), client, local, request.options(), null);
  }
}
