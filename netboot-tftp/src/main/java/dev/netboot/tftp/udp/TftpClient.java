package dev.netboot.tftp.udp;

import dev.netboot.tftp.TftpClientSettings;
import dev.netboot.tftp.TftpClientTransfers;
import dev.netboot.tftp.TftpReadableFile;
import dev.netboot.tftp.TftpRequest;
import dev.netboot.tftp.TftpTransfer;
import dev.netboot.tftp.TftpTransferResult;
import dev.netboot.tftp.TftpWritableFile;
import io.netty.buffer.ByteBuf;
import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A TFTP client over UDP (RFC 1350, with the options of RFC 2347, 2348, 2349 and 7440). Each
 * transfer gets its own socket on an ephemeral port; the first answer fixes the server's port
 * (RFC 1350 section 4), and packets from any other port get ERROR 5. The first answer must come
 * from the address the request was sent to: an answer from another address is treated as a
 * stranger's. Without an OACK the transfer falls back to plain RFC 1350.
 *
 * <pre>{@code
 * try (TftpClient client = TftpClient.create()) {
 *   client.get(server, "pxelinux.0", Map.of("blksize", "1468", "windowsize", "4"), target);
 * }
 * }</pre>
 *
 * <p>Options are asked for as the client sends them (names as in
 * {@link dev.netboot.tftp.TftpOptions}, values as decimal strings). The blocking methods throw
 * {@link TftpTransferException} when the server refuses or the transfer fails; the
 * asynchronous ones complete their future with it. Futures complete on the callback executor
 * (the common pool unless set), never on the I/O thread; cancelling one aborts its transfer.
 * A thread-safe client runs many transfers at once on its few threads.
 */
public final class TftpClient implements AutoCloseable {
  private final EventLoopGroup loops;
  private final TftpClientSettings settings;
  private final Executor callbacks;
  private final @Nullable InetAddress localAddress;
  private volatile boolean closed;

  private TftpClient(Builder b) {
    this.settings = b.settings;
    this.callbacks = b.callbackExecutor;
    this.localAddress = b.localAddress;
    this.loops = new EventLoopGroup("tftp-client", b.eventLoops);
  }

  /** Returns a client with default settings and one I/O thread. */
  public static TftpClient create() {
    return builder().build();
  }

  /** Returns a builder of a client. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Downloads a file into {@code target}, asynchronously.
   *
   * @param server the server's address and well-known port
   * @param filename the file name to ask for
   * @param mode {@code octet} or {@code netascii}
   * @param options the options to ask for (RFC 2347), in order
   * @param target where the bytes go; committed when complete, closed either way. Its methods
   *     run on the I/O thread and must not block on anything slower than a local disk.
   * @return the result, or a {@link TftpTransferException}
   */
  public CompletableFuture<TftpTransferResult> getAsync(InetSocketAddress server, String filename,
      String mode, Map<String, String> options, TftpWritableFile target) {
    checkRequest(server, filename, mode, options);
    return run(server, filename, target,
        () -> TftpClientTransfers.read(filename, mode, options, target, settings));
  }

  /**
   * Uploads {@code source}, asynchronously.
   *
   * @param server the server's address and well-known port
   * @param filename the file name to write
   * @param mode {@code octet} or {@code netascii}
   * @param options the options to ask for (RFC 2347), in order
   * @param source the bytes to send; closed once the outcome is known
   * @return the result, or a {@link TftpTransferException}
   */
  public CompletableFuture<TftpTransferResult> putAsync(InetSocketAddress server, String filename,
      String mode, Map<String, String> options, TftpReadableFile source) {
    checkRequest(server, filename, mode, options);
    return run(server, filename, source,
        () -> TftpClientTransfers.write(filename, mode, options, source, settings));
  }

  /**
   * Downloads a file to {@code target}, asynchronously, in octet mode. The file appears only
   * once complete: it is written beside {@code target} and moved into place.
   *
   * @param server the server's address and well-known port
   * @param filename the file name to ask for
   * @param options the options to ask for, in order
   * @param target the local file
   * @return the result, or a {@link TftpTransferException}
   * @throws IOException if the temporary file cannot be created
   */
  public CompletableFuture<TftpTransferResult> getAsync(InetSocketAddress server, String filename,
      Map<String, String> options, Path target) throws IOException {
    return getAsync(server, filename, TftpRequest.MODE_OCTET, options, ClientFiles.toPath(target));
  }

  /**
   * Uploads a local file, asynchronously, in octet mode.
   *
   * @param server the server's address and well-known port
   * @param filename the file name to write
   * @param options the options to ask for, in order
   * @param source the local file
   * @return the result, or a {@link TftpTransferException}
   * @throws IOException if the file cannot be opened
   */
  public CompletableFuture<TftpTransferResult> putAsync(InetSocketAddress server, String filename,
      Map<String, String> options, Path source) throws IOException {
    return putAsync(server, filename, TftpRequest.MODE_OCTET, options,
        ClientFiles.fromPath(source));
  }

  /**
   * Downloads a file to {@code target} in octet mode; see {@link #getAsync(InetSocketAddress,
   * String, Map, Path)}.
   *
   * @return the result
   * @throws TftpTransferException if the server refused or the transfer failed
   * @throws IOException if the local file cannot be written, or the wait was interrupted
   */
  public TftpTransferResult get(InetSocketAddress server, String filename,
      Map<String, String> options, Path target) throws IOException {
    return await(getAsync(server, filename, options, target));
  }

  /**
   * Downloads a file into {@code target} in octet mode. The stream is written on the I/O
   * thread; a failure leaves what was written.
   *
   * @return the result
   * @throws TftpTransferException if the server refused or the transfer failed
   * @throws IOException if the wait was interrupted
   */
  public TftpTransferResult get(InetSocketAddress server, String filename,
      Map<String, String> options, OutputStream target) throws IOException {
    return await(getAsync(server, filename, TftpRequest.MODE_OCTET, options,
        ClientFiles.toStream(target)));
  }

  /**
   * Downloads a file into {@code target} in octet mode, appending at its writer index.
   *
   * @return the result
   * @throws TftpTransferException if the server refused or the transfer failed
   * @throws IOException if the wait was interrupted
   */
  public TftpTransferResult get(InetSocketAddress server, String filename,
      Map<String, String> options, ByteBuf target) throws IOException {
    return await(getAsync(server, filename, TftpRequest.MODE_OCTET, options,
        ClientFiles.toBuffer(target)));
  }

  /**
   * Uploads a local file in octet mode.
   *
   * @return the result
   * @throws TftpTransferException if the server refused or the transfer failed
   * @throws IOException if the file cannot be read, or the wait was interrupted
   */
  public TftpTransferResult put(InetSocketAddress server, String filename,
      Map<String, String> options, Path source) throws IOException {
    return await(putAsync(server, filename, options, source));
  }

  /**
   * Uploads {@code source}'s readable bytes in octet mode; its indexes are not changed.
   *
   * @return the result
   * @throws TftpTransferException if the server refused or the transfer failed
   * @throws IOException if the wait was interrupted
   */
  public TftpTransferResult put(InetSocketAddress server, String filename,
      Map<String, String> options, ByteBuf source) throws IOException {
    return await(putAsync(server, filename, TftpRequest.MODE_OCTET, options,
        ClientFiles.fromBuffer(source)));
  }

  /** Aborts running transfers and stops the I/O threads. Idempotent. */
  @Override
  public void close() {
    closed = true;
    loops.shutdown(5000);
  }

  private CompletableFuture<TftpTransferResult> run(InetSocketAddress server, String filename,
      Closeable file, Supplier<TftpTransfer> factory) {
    if (closed) {
      throw new IllegalStateException("client closed (expected: an open client)");
    }
    CompletableFuture<TftpTransferResult> future = new CompletableFuture<>();
    EventLoop loop = loops.reserveLeastBusy();
    ClientTransfer transfer =
        new ClientTransfer(loop, server, filename, factory, file, future, callbacks);
    future.whenComplete((result, failure) -> {
      if (future.isCancelled()) {
        loop.execute(() -> transfer.abort("transfer cancelled"));
      }
    });
    InetSocketAddress local = localAddress != null
        ? new InetSocketAddress(localAddress, 0)
        : Sockets.wildcardLike(server.getAddress());
    loop.execute(() -> transfer.open(local));
    return future;
  }

  private static void checkRequest(InetSocketAddress server, String filename, String mode,
      Map<String, String> options) {
    Objects.requireNonNull(filename, "filename");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(options, "options");
    if (server.isUnresolved()) {
      throw new IllegalArgumentException("server: " + server + " (expected: resolved)");
    }
  }

  private TftpTransferResult await(CompletableFuture<TftpTransferResult> future)
      throws IOException {
    if (loops.inLoop()) {
      // A file callback blocking on another transfer of the same loop would wait forever.
      future.cancel(true);
      throw new IllegalStateException(
          "blocking TFTP call on the client's I/O thread (expected: the async variant)");
    }
    try {
      return future.get();
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for a TFTP transfer");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof TftpTransferException) {
        // A fresh exception, so the stack trace shows the caller's thread too.
        throw new TftpTransferException(((TftpTransferException) cause).result());
      }
      if (cause instanceof IOException) {
        throw (IOException) cause;
      }
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      throw new IOException(cause);
    }
  }

  /** Builds a {@link TftpClient}. */
  public static final class Builder {
    private TftpClientSettings settings = TftpClientSettings.DEFAULTS;
    private Executor callbackExecutor = ForkJoinPool.commonPool();
    private int eventLoops = 1;
    private @Nullable InetAddress localAddress;

    private Builder() {}

    /**
     * Binds every transfer's socket to {@code address} (port chosen by the system), for hosts
     * with several addresses. By default sockets bind to the wildcard address of the server
     * address's family.
     *
     * @param address a local address of the same family as the servers asked
     * @return this builder
     */
    public Builder localAddress(InetAddress address) {
      this.localAddress = Objects.requireNonNull(address, "address");
      return this;
    }

    /**
     * Sets how transfers retransmit and when they give up.
     *
     * @param settings the settings
     * @return this builder
     */
    public Builder settings(TftpClientSettings settings) {
      this.settings = Objects.requireNonNull(settings, "settings");
      return this;
    }

    /**
     * Sets where futures complete; the common pool by default.
     *
     * @param executor the executor
     * @return this builder
     */
    public Builder callbackExecutor(Executor executor) {
      this.callbackExecutor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /**
     * Sets the number of I/O threads.
     *
     * @param count 1..64; default 1
     * @return this builder
     */
    public Builder eventLoops(int count) {
      this.eventLoops = EventLoopGroup.checkCount(count);
      return this;
    }

    /** Returns the client, ready to use; close it to stop its threads. */
    public TftpClient build() {
      return new TftpClient(this);
    }
  }
}
