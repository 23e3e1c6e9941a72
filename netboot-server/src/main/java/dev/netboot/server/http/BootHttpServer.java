package dev.netboot.server.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An HTTP/1.1 server for network boot: iPXE, UEFI HTTP boot and curl fetch kernels, initrds
 * and generated scripts from it. It serves only what its {@link BootHttpContent} resolves,
 * answers {@code GET} and {@code HEAD} (others get 405), streams files with zero-copy
 * {@code sendfile}, and supports keep-alive, conditional requests (RFC 9110 section 13: 304)
 * and single byte ranges (RFC 9110 section 14: 206, 416; a request for several ranges gets the
 * whole file with 200, which the RFC allows).
 *
 * <pre>{@code
 * FileCatalog files = new FileCatalog();
 * String url = files.register(Path.of("/srv/boot/vmlinuz"));
 * BootHttpServer http = BootHttpServer.builder(files)
 *     .bind(new InetSocketAddress("192.168.1.1", 80))
 *     .build()
 *     .start();
 * ...
 * http.close();   // stops accepting, lets responses in flight finish, closes the rest
 * }</pre>
 *
 * <p><b>Hostile clients.</b> Request paths are decoded and checked before resolution
 * ({@code ..} and {@code .} segments, encoded slashes, backslashes and control characters get
 * 400); heads over {@link BootHttpLimits} get 414 or 431; a client that does not send a whole
 * request head in time, idles too long between requests or stops reading a response is
 * disconnected; connections over the cap are closed when accepted.
 */
public final class BootHttpServer implements AutoCloseable {
  /** The well-known HTTP port. */
  public static final int DEFAULT_PORT = 80;
  /** The default time between two progress reports of a body going out. */
  public static final Duration DEFAULT_PROGRESS_INTERVAL = Duration.ofSeconds(1);

  private static final Logger log = LoggerFactory.getLogger(BootHttpServer.class);
  /** How long close() waits for an owned event loop group to stop after the grace period. */
  private static final long GROUP_SHUTDOWN_SECONDS = 5;
  /** How often a refused connection may be logged as a warning. */
  private static final long REFUSAL_WARNING_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);

  private final BootHttpContent content;
  private final InetSocketAddress bindAddress;
  private final BootHttpLimits limits;
  private final HttpTransferListener listener;
  private final Duration progressInterval;
  private final @Nullable EventLoopGroup sharedGroup;
  private final int threads;
  private final ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
  private final AtomicInteger connectionCount = new AtomicInteger();
  private final AtomicLong lastRefusalWarning =
      new AtomicLong(System.nanoTime() - REFUSAL_WARNING_INTERVAL_NANOS);
  private volatile boolean draining;
  private @Nullable EventLoopGroup group;
  private @Nullable Channel serverChannel;
  private boolean started;
  private boolean closed;

  private BootHttpServer(Builder b) {
    this.content = b.content;
    this.bindAddress = b.bindAddress;
    this.limits = b.limits;
    this.listener = b.listener;
    this.progressInterval = b.progressInterval;
    this.sharedGroup = b.eventLoopGroup;
    this.threads = b.threads;
  }

  /**
   * Returns a builder of a server of {@code content}.
   *
   * @param content what the server serves, e.g. a {@link FileCatalog}
   * @return the builder: port 80 on all addresses, default limits
   */
  public static Builder builder(BootHttpContent content) {
    return new Builder(content);
  }

  /**
   * Binds the listening socket and starts serving.
   *
   * @return this server
   * @throws IOException if the address cannot be bound (in use; port 80 needs root or
   *     {@code CAP_NET_BIND_SERVICE}); nothing stays bound then
   * @throws IllegalStateException if the server was already started
   */
  public synchronized BootHttpServer start() throws IOException {
    if (started) {
      throw new IllegalStateException("server already started (expected: start() once)");
    }
    started = true;
    EventLoopGroup loops = sharedGroup != null ? sharedGroup
        : new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory("netboot-http", true),
            NioIoHandler.newFactory());
    group = loops;
    ServerBootstrap bootstrap = new ServerBootstrap()
        .group(loops)
        .channel(NioServerSocketChannel.class)
        .option(ChannelOption.SO_REUSEADDR, true)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            admit(ch);
          }
        });
    ChannelFuture bound = bootstrap.bind(bindAddress).awaitUninterruptibly();
    if (!bound.isSuccess()) {
      closed = true;
      shutdownOwnedGroup();
      Throwable cause = bound.cause();
      throw cause instanceof IOException io ? io
          : new IOException("cannot bind HTTP server to " + bindAddress, cause);
    }
    serverChannel = bound.channel();
    log.info("HTTP server listening on {}", boundAddress());
    return this;
  }

  private void admit(SocketChannel ch) {
    if (draining || connectionCount.incrementAndGet() > limits.maxConnections()) {
      if (!draining) {
        connectionCount.decrementAndGet();
        warnRefusal(ch);
      }
      ch.close();
      return;
    }
    ch.closeFuture().addListener(f -> connectionCount.decrementAndGet());
    connections.add(ch);
    HttpExchangeHandler.configure(ch.pipeline(), content, limits, listener, progressInterval);
  }

  /** Warns at most every {@link #REFUSAL_WARNING_INTERVAL_NANOS}: a flood must not flood logs. */
  private void warnRefusal(SocketChannel ch) {
    long now = System.nanoTime();
    long last = lastRefusalWarning.get();
    if (now - last >= REFUSAL_WARNING_INTERVAL_NANOS
        && lastRefusalWarning.compareAndSet(last, now)) {
      log.warn("HTTP connection from {} refused: {} connections open (limit); further refusals "
          + "are logged at debug level for a while", ch.remoteAddress(), limits.maxConnections());
    } else {
      log.debug("HTTP connection from {} refused: connection limit", ch.remoteAddress());
    }
  }

  /**
   * Returns the address the server listens on, with the actual port when port 0 was asked.
   *
   * @return the bound address
   * @throws IllegalStateException if the server was not started
   */
  public InetSocketAddress boundAddress() {
    Channel ch = serverChannel;
    if (ch == null) {
      throw new IllegalStateException("server not started (expected: start() first)");
    }
    return (InetSocketAddress) ch.localAddress();
  }

  /**
   * Returns the number of open client connections.
   *
   * @return connections accepted and not yet closed
   */
  public int openConnections() {
    return connections.size();
  }

  /** Closes with the {@linkplain BootHttpLimits#shutdownGrace() configured grace period}. */
  @Override
  public void close() {
    close(limits.shutdownGrace());
  }

  /**
   * Stops accepting connections at once, closes idle connections, lets responses in flight
   * finish for up to {@code grace} (their connections close after them), then closes what is
   * left. Blocks until done; does nothing the second time.
   *
   * @param grace how long responses in flight may take, zero to close them at once
   */
  public void close(Duration grace) {
    Objects.requireNonNull(grace, "grace");
    synchronized (this) {
      if (closed || !started) {
        closed = true;
        return;
      }
      closed = true;
    }
    draining = true;
    Channel server = serverChannel;
    if (server != null) {
      server.close().awaitUninterruptibly();
    }
    for (Channel ch : connections) {
      ch.eventLoop().execute(() -> {
        HttpExchangeHandler handler = ch.pipeline().get(HttpExchangeHandler.class);
        if (handler != null) {
          handler.drain();
        } else {
          ch.close();
        }
      });
    }
    if (!grace.isNegative() && !grace.isZero()
        && !connections.newCloseFuture().awaitUninterruptibly(grace.toMillis())) {
      log.info("HTTP server closing {} connections still busy after {}", connections.size(),
          grace);
    }
    connections.close().awaitUninterruptibly(GROUP_SHUTDOWN_SECONDS, TimeUnit.SECONDS);
    shutdownOwnedGroup();
    log.info("HTTP server on {} closed", bindAddress);
  }

  private void shutdownOwnedGroup() {
    EventLoopGroup loops = group;
    if (loops != null && sharedGroup == null) {
      loops.shutdownGracefully(0, GROUP_SHUTDOWN_SECONDS, TimeUnit.SECONDS)
          .awaitUninterruptibly(GROUP_SHUTDOWN_SECONDS * 2, TimeUnit.SECONDS);
    }
  }

  /** Builds a {@link BootHttpServer}. */
  public static final class Builder {
    /** The most I/O threads a server may own. */
    public static final int MAX_THREADS = 256;

    private final BootHttpContent content;
    private InetSocketAddress bindAddress = new InetSocketAddress(DEFAULT_PORT);
    private BootHttpLimits limits = BootHttpLimits.DEFAULTS;
    private HttpTransferListener listener = HttpTransferListener.NONE;
    private Duration progressInterval = DEFAULT_PROGRESS_INTERVAL;
    private @Nullable EventLoopGroup eventLoopGroup;
    private int threads = Math.min(4, Runtime.getRuntime().availableProcessors());

    private Builder(BootHttpContent content) {
      this.content = Objects.requireNonNull(content, "content");
    }

    /**
     * Sets the address and port to listen on.
     *
     * @param address the address; port 0 picks a free port (see
     *     {@link BootHttpServer#boundAddress()})
     * @return this builder
     */
    public Builder bind(InetSocketAddress address) {
      this.bindAddress = Objects.requireNonNull(address, "address");
      return this;
    }

    /**
     * Sets the limits.
     *
     * @param limits the limits
     * @return this builder
     */
    public Builder limits(BootHttpLimits limits) {
      this.limits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    /**
     * Sets who is told about every response.
     *
     * @param listener called on an I/O thread once per response
     * @return this builder
     */
    public Builder listener(HttpTransferListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Sets how long a body goes out between two {@link HttpTransferListener#onProgress} calls.
     *
     * @param interval 1 ms or more; default {@link #DEFAULT_PROGRESS_INTERVAL}
     * @return this builder
     */
    public Builder progressInterval(Duration interval) {
      if (interval.compareTo(Duration.ofMillis(1)) < 0) {
        throw new IllegalArgumentException("progressInterval: " + interval
            + " (expected: 1 ms or more)");
      }
      this.progressInterval = interval;
      return this;
    }

    /**
     * Runs the server on an existing event loop group, which must run {@link NioIoHandler}s;
     * the server does not shut it down. By default the server owns a group of its own.
     *
     * @param group the group
     * @return this builder
     */
    public Builder eventLoopGroup(EventLoopGroup group) {
      this.eventLoopGroup = Objects.requireNonNull(group, "group");
      return this;
    }

    /**
     * Sets the number of I/O threads of the server's own group (ignored with
     * {@link #eventLoopGroup}): a few serve many clients, since files go out by
     * {@code sendfile}.
     *
     * @param threads 1 to {@value #MAX_THREADS}; by default up to 4
     * @return this builder
     */
    public Builder threads(int threads) {
      if (threads < 1 || threads > MAX_THREADS) {
        throw new IllegalArgumentException(
            "threads: " + threads + " (expected: 1 to " + MAX_THREADS + ")");
      }
      this.threads = threads;
      return this;
    }

    /**
     * Returns the server, not yet started.
     *
     * @return the server; call {@link BootHttpServer#start()}
     */
    public BootHttpServer build() {
      return new BootHttpServer(this);
    }
  }
}
