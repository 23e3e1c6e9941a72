package dev.netboot.tftp.udp;

import dev.netboot.tftp.TftpTransfer;
import dev.netboot.tftp.TftpTransferResult;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client's side of one transfer: the request goes to the server's well-known port, and the
 * first answer fixes the server's port for the rest of it (RFC 1350 section 4). Completes its
 * future with the result, on the client's callback executor.
 */
final class ClientTransfer extends TransferEndpoint {
  private static final Logger log = LoggerFactory.getLogger(ClientTransfer.class);

  private final String filename;
  private final Supplier<TftpTransfer> factory;
  private final Closeable file;
  private final CompletableFuture<TftpTransferResult> future;
  private final Executor callbacks;

  /**
   * @param file the source or target, closed once the outcome is known (closing is idempotent)
   */
  ClientTransfer(EventLoop loop, InetSocketAddress server, String filename,
      Supplier<TftpTransfer> factory, Closeable file, CompletableFuture<TftpTransferResult> future,
      Executor callbacks) {
    super(loop, server, false);
    this.filename = filename;
    this.factory = factory;
    this.file = file;
    this.future = future;
    this.callbacks = callbacks;
  }

  @Override
  TftpTransfer newTransfer() {
    return factory.get();
  }

  @Override
  void onStarted(InetSocketAddress local, TftpTransfer transfer) {
    log.debug("{} from {} on {}", filename, peer(), local);
  }

  @Override
  void onResult(TftpTransferResult result) {
    try {
      file.close();
    } catch (IOException e) {
      log.debug("closing {}", filename, e);
    }
    // Off the I/O thread: what the caller chains on the future may block.
    Runnable complete = () -> {
      if (result.isSuccess()) {
        future.complete(result);
      } else {
        future.completeExceptionally(new TftpTransferException(result));
      }
    };
    try {
      callbacks.execute(complete);
    } catch (RejectedExecutionException e) {
      complete.run();
    }
  }

  @Override
  void onClosed() {
    // The result was reported already; nothing else to release.
  }

  @Override
  String filename() {
    return filename;
  }
}
