package dev.netboot.tftp.udp;

import dev.netboot.tftp.TftpFileSource;
import dev.netboot.tftp.TftpServerSettings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TFTP server over UDP (RFC 1350, with the options of RFC 2347, 2348, 2349 and 7440): it
 * listens on one or more addresses, answers each request from a new socket on an ephemeral
 * port, and runs all transfers on a few event-loop threads.
 *
 * <pre>{@code
 * TftpServer server = TftpServer.builder(DirectoryFileSource.of(root))
 *     .bind(new InetSocketAddress(InetAddress.getByName("192.168.1.1"), 69))
 *     .build()
 *     .start();
 * ...
 * server.close();   // stops listening, lets transfers finish, then aborts what is left
 * }</pre>
 *
 * <p><b>Multi-homed hosts.</b> Each transfer's socket is bound to the address its request
 * arrived on, which the JDK only knows when the listener is bound to a specific address. Bind
 * one listener per address ({@link Builder#bind}, repeatable) instead of the wildcard address,
 * or replies may leave from another address than the client asked, and clients drop them.
 *
 * <p><b>Robustness.</b> Requests over the {@linkplain TftpServerLimits limits} get one ERROR 0
 * and are dropped; datagrams to the well-known port that are not requests get no answer (see
 * the package documentation). Each transfer retransmits a bounded number of times and gives up
 * on a silent peer ({@link TftpServerSettings#retransmit()}).
 */
public final class TftpServer implements AutoCloseable {
  /** The well-known TFTP port (RFC 1350 section 4). */
  public static final int DEFAULT_PORT = 69;

  private static final Logger log = LoggerFactory.getLogger(TftpServer.class);
  /** How long start() and close() wait for an I/O thread to register or close a listener. */
  private static final long LOOP_CALL_TIMEOUT_SECONDS = 10;
  /** The default time between two progress reports of a running transfer. */
  public static final Duration DEFAULT_PROGRESS_INTERVAL = Duration.ofSeconds(1);

  private final List<InetSocketAddress> bindAddresses;
  private final TftpServerLimits limits;
  private final int eventLoopCount;
  private final TransferAdmission admission;
  private final TransferEvents events;
  private final TftpFileSource fileSource;
  private final TftpServerSettings settings;
  private final List<RequestListener> listeners = new ArrayList<>();
  private @Nullable EventLoopGroup loops;
  private @Nullable RequestDispatcher dispatcher;
  private boolean started;
  private boolean closed;

  private TftpServer(Builder b) {
    this.bindAddresses = b.bindAddresses.isEmpty()
        ? List.of(new InetSocketAddress(DEFAULT_PORT))
        : List.copyOf(b.bindAddresses);
    this.limits = b.limits;
    this.eventLoopCount = b.eventLoops;
    this.admission = new TransferAdmission(b.limits);
    this.events = new TransferEvents(b.listener, b.listenerExecutor, b.progressInterval.toNanos());
    this.fileSource = b.fileSource;
    this.settings = b.settings;
  }

  /**
   * Returns a builder of a server of {@code fileSource}'s files.
   *
   * @param fileSource where files come from (see {@code dev.netboot.tftp.files})
   * @return the builder: port 69 on all addresses, default settings and limits
   */
  public static Builder builder(TftpFileSource fileSource) {
    return new Builder(fileSource);
  }

  /**
   * Binds the listening sockets and starts serving.
   *
   * @return this server
   * @throws IOException if an address cannot be bound (in use; port 69 needs root or
   *     {@code CAP_NET_BIND_SERVICE}); nothing stays bound then
   * @throws IllegalStateException if the server was already started
   */
  public synchronized TftpServer start() throws IOException {
    if (started) {
      throw new IllegalStateException("server already started (expected: start() once)");
    }
    started = true;
    EventLoopGroup group = new EventLoopGroup("tftp-server", eventLoopCount);
    loops = group;
    RequestDispatcher d = new RequestDispatcher(group, fileSource, settings, admission, events);
    dispatcher = d;
    try {
      for (int i = 0; i < bindAddresses.size(); i++) {
        EventLoop loop = group.get(i);
        DatagramChannel channel = Sockets.openDatagramChannel(bindAddresses.get(i));
        RequestListener listener = new RequestListener(loop, channel, d);
        listeners.add(listener);
        onLoop(loop, () -> {
          listener.register();
          return null;
        });
        log.info("TFTP server listening on {}", listener.localAddress());
      }
    } catch (IOException | RuntimeException e) {
      closed = true;
      // The loops close what they registered; a channel that never got that far is closed here.
      group.shutdown(1000);
      for (RequestListener listener : listeners) {
        listener.closeChannel();
      }
      throw e;
    }
    return this;
  }

  /**
   * Returns the address of the first listener, with its actual port: what a test that bound
   * port 0 connects to.
   *
   * @throws IllegalStateException if the server is not started
   */
  public synchronized InetSocketAddress boundAddress() {
    return boundAddresses().get(0);
  }

  /** Returns the addresses of all listeners, with their actual ports. */
  public synchronized List<InetSocketAddress> boundAddresses() {
    if (!started) {
      throw new IllegalStateException("server not started (expected: start() first)");
    }
    List<InetSocketAddress> addresses = new ArrayList<>();
    for (RequestListener listener : listeners) {
      addresses.add(listener.localAddress());
    }
    return addresses;
  }

  /**
   * Returns the number of transfers running now: admitted and not yet ended. Transfers that
   * only linger to repeat a final ACK are not counted.
   */
  public int activeTransfers() {
    return admission.active();
  }

  /**
   * Stops the server: closes the listeners, lets running transfers finish for up to the
   * {@linkplain TftpServerLimits#shutdownTimeout() shutdown timeout}, aborts the rest with
   * ERROR 0 "server shutting down", and stops the threads. Transfers that only linger to
   * repeat a final ACK (RFC 1350 section 6) are closed without waiting. Idempotent. Not to be
   * called from a listener running on the I/O threads.
   *
   * @throws IllegalStateException if called on one of the server's I/O threads
   */
  @Override
  public synchronized void close() {
    if (loops != null && loops.inLoop()) {
      // It waits for the loops, so from one of them it would wait for itself.
      throw new IllegalStateException(
          "close() called on a TFTP I/O thread (expected: another thread, e.g. the listener's"
              + " executor)");
    }
    if (closed || !started) {
      closed = true;
      return;
    }
    closed = true;
    EventLoopGroup group = Objects.requireNonNull(loops);
    Objects.requireNonNull(dispatcher).stopAccepting();
    for (RequestListener listener : listeners) {
      try {
        onLoop(listener.loop(), () -> {
          listener.close();
          return null;
        });
      } catch (IOException e) {
        log.debug("closing listener", e);
      }
    }
    try {
      if (!admission.awaitIdle(limits.shutdownTimeout().toNanos())) {
        log.info("TFTP server closing: aborting {} running transfers", admission.active());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    group.shutdown(5000);
    log.info("TFTP server stopped");
  }

  private interface LoopCall {
    @Nullable Object call() throws IOException;
  }

  // Channels are registered and closed on their loop's thread, which owns the selector.
  private static void onLoop(EventLoop loop, LoopCall call) throws IOException {
    CompletableFuture<@Nullable Object> done = new CompletableFuture<>();
    loop.execute(() -> {
      try {
        done.complete(call.call());
      } catch (IOException | RuntimeException e) {
        done.completeExceptionally(e);
      }
    });
    try {
      done.get(LOOP_CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new IOException("TFTP I/O thread did not answer within "
          + LOOP_CALL_TIMEOUT_SECONDS + " s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException) {
        throw (IOException) e.getCause();
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /** Builds a {@link TftpServer}. */
  public static final class Builder {
    private final TftpFileSource fileSource;
    private final List<InetSocketAddress> bindAddresses = new ArrayList<>();
    private TftpServerSettings settings = TftpServerSettings.DEFAULTS;
    private TftpServerLimits limits = TftpServerLimits.DEFAULTS;
    private TftpTransferListener listener = new TftpTransferListener() {};
    private @Nullable Executor listenerExecutor;
    private int eventLoops = EventLoopGroup.DEFAULT_LOOPS;
    private Duration progressInterval = DEFAULT_PROGRESS_INTERVAL;

    private Builder(TftpFileSource fileSource) {
      this.fileSource = Objects.requireNonNull(fileSource, "fileSource");
    }

    /**
     * Adds an address to listen on; call once per address of a multi-homed host. Without any,
     * the server listens on port 69 of all IPv4 addresses.
     *
     * @param address the address and port; port 0 picks a free one (tests)
     * @return this builder
     */
    public Builder bind(InetSocketAddress address) {
      if (address.isUnresolved()) {
        throw new IllegalArgumentException("address: " + address + " (expected: resolved)");
      }
      bindAddresses.add(address);
      return this;
    }

    /**
     * Adds an address to listen on.
     *
     * @param address the local address; {@code 0.0.0.0} or {@code ::} for all
     * @param port the port, 0..65535; 0 picks a free one
     * @return this builder
     */
    public Builder bind(InetAddress address, int port) {
      return bind(new InetSocketAddress(address, port));
    }

    /**
     * Sets what transfers grant: block and window size caps, uploads, retransmission.
     *
     * @param settings the settings
     * @return this builder
     */
    public Builder settings(TftpServerSettings settings) {
      this.settings = Objects.requireNonNull(settings, "settings");
      return this;
    }

    /**
     * Sets the concurrency caps and the shutdown timeout.
     *
     * @param limits the limits
     * @return this builder
     */
    public Builder limits(TftpServerLimits limits) {
      this.limits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    /**
     * Sets who hears about transfers.
     *
     * @param listener the listener; see its class comment for the threads it runs on
     * @return this builder
     */
    public Builder listener(TftpTransferListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Runs the listener's methods on {@code executor} instead of the I/O threads, for
     * listeners that block (a database, a slow log).
     *
     * @param executor the executor
     * @return this builder
     */
    public Builder listenerExecutor(Executor executor) {
      this.listenerExecutor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /**
     * Sets the number of I/O threads; every transfer runs on one of them.
     *
     * @param count 1..64; default {@code min(2, available processors)}
     * @return this builder
     */
    public Builder eventLoops(int count) {
      this.eventLoops = EventLoopGroup.checkCount(count);
      return this;
    }

    /**
     * Sets how long a transfer runs between two {@link TftpTransferListener#transferProgress}
     * reports.
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

    /** Returns the server, not yet listening: call {@link TftpServer#start()}. */
    public TftpServer build() {
      return new TftpServer(this);
    }
  }
}
