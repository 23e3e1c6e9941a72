package dev.netboot.server.internal;

import dev.netboot.pxe.ChainloadMemory;
import dev.netboot.server.DhcpMode;
import dev.netboot.server.dhcp.DhcpTransport;
import dev.netboot.server.dhcp.EpollDhcpTransport;
import dev.netboot.server.dhcp.NioDhcpTransport;
import dev.netboot.server.http.BootHttpServer;
import dev.netboot.server.lease.Leases;
import dev.netboot.tftp.TftpFileSource;
import dev.netboot.tftp.files.ChainedFileSource;
import dev.netboot.tftp.files.DirectoryFileSource;
import dev.netboot.tftp.files.DynamicFileSource;
import dev.netboot.tftp.udp.TftpServer;
import dev.netboot.tftp.udp.TftpServerLimits;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running parts of a {@code NetbootServer} and the order they start and stop in: HTTP first
 * (its port goes into every boot URL), TFTP, then DHCP and the boot server; at close DHCP first
 * (no new clients), then TFTP and HTTP drain side by side.
 */
public final class ServerRuntime {
  private static final Logger log = LoggerFactory.getLogger(ServerRuntime.class);
  /** Threads that call the boot policy and encode answers: the work is short, the waits async. */
  private static final int DECISION_THREADS = 4;

  private final ServerConfig config;
  private final Clock clock = Clock.systemUTC();
  private final List<DhcpTransport> dhcpTransports = new ArrayList<>();
  private @Nullable BootHttpServer http;
  private @Nullable TftpServer tftp;
  private @Nullable ExecutorService decisionThreads;
  private int dhcpPort;
  private int bootServerPort;
  private int tftpPort;
  private int httpPort;

  /**
   * Creates the runtime, not started.
   *
   * @param config the settings
   */
  public ServerRuntime(ServerConfig config) {
    this.config = config;
  }

  /**
   * Binds everything; on failure closes what was bound and throws.
   *
   * @throws IOException if a socket cannot be bound
   */
  public void start() throws IOException {
    try {
      startAll();
    } catch (IOException | RuntimeException e) {
      stop(Duration.ZERO);
      throw e;
    }
    log.info("netboot server up: {} DHCP on {} port {}, boot server {}, TFTP {}, HTTP {}",
        config.dhcpMode(), config.interfaces().isEmpty() ? bindAddress().getHostAddress()
            : config.interfaces(), dhcpPort, bootServerPort, tftpPort, httpPort);
  }

  /** Returns the bound DHCP port. */
  public int dhcpPort() {
    return dhcpPort;
  }

  /** Returns the bound boot server port. */
  public int bootServerPort() {
    return bootServerPort;
  }

  /** Returns the bound TFTP port. */
  public int tftpPort() {
    return tftpPort;
  }

  /** Returns the bound HTTP port. */
  public int httpPort() {
    return httpPort;
  }

  private Inet4Address bindAddress() {
    // With per-interface DHCP sockets, TFTP and HTTP listen everywhere: TFTP answers from the
    // address a request came to and HTTP connections carry their local address.
    Inet4Address one = config.address();
    return one != null && config.interfaces().isEmpty() ? one : Ipv4Text.parse("0.0.0.0");
  }

  private void startAll() throws IOException {
    Inet4Address address = bindAddress();
    EventSink events = new EventSink(config.listener());
    DecisionMemory decisions = new DecisionMemory(
        DecisionMemory.DEFAULT_CAPACITY, DecisionMemory.DEFAULT_TTL);
    TransferEvents transferEvents = new TransferEvents(decisions, events, clock);

    // HTTP first: its port goes into every boot URL.
    AtomicReference<SettingsByAddress> settingsRef = new AtomicReference<>();
    BootContent content = new BootContent(config.pxeSettings().scriptPath(), decisions,
        settingsRef::get, config.files(), clock);
    InetSocketAddress httpBind = new InetSocketAddress(address, config.httpPort());
    BootHttpServer h = BootHttpServer.builder(content).bind(httpBind).listener(transferEvents)
        .build();
    http = h;
    try {
      h.start();
    } catch (IOException e) {
      throw BindErrors.explain("HTTP", "--http-port", httpBind, e);
    }
    httpPort = h.boundAddress().getPort();
    SettingsByAddress settings = new SettingsByAddress(config.pxeSettings(), httpPort);
    settingsRef.set(settings);

    InetSocketAddress tftpBind = new InetSocketAddress(address, config.tftpPort());
    TftpServer t = TftpServer.builder(tftpFiles(decisions, settings)).bind(tftpBind)
        .limits(TftpServerLimits.builder().shutdownTimeout(config.shutdownGrace()).build())
        .listener(transferEvents).build();
    tftp = t;
    try {
      t.start();
    } catch (IOException e) {
      throw BindErrors.explain("TFTP", "--tftp-port", tftpBind, e);
    }
    tftpPort = t.boundAddress().getPort();

    ExecutorService threads = decisionThreads(config.maxDecisionsInFlight());
    decisionThreads = threads;
    Leases leases = config.dhcpMode() == DhcpMode.FULL
        ? new Leases(Objects.requireNonNull(config.addressPool()), config.leaseStore()) : null;
    ServiceContext ctx = new ServiceContext(
        new DecisionGate(Objects.requireNonNull(config.policy()), threads,
            config.maxDecisionsInFlight(), config.decisionTimeout()),
        decisions, ChainloadMemory.create(), settings, config.loader(), events, leases,
        config.dhcpPort() == 0 ? 67 : config.dhcpPort(), config.dhcpClientPort(), clock,
        new MalformedLog(LoggerFactory.getLogger(DhcpService.class)));
    DhcpService dhcp = new DhcpService(config.dhcpMode() == DhcpMode.FULL
        ? DhcpService.Role.FULL_DHCP : DhcpService.Role.PROXY_DHCP, ctx);
    dhcpPort = bindDhcp(dhcp, address, config.dhcpPort(), "DHCP", "--dhcp-port");
    DhcpService bootServer = new DhcpService(DhcpService.Role.BOOT_SERVER, ctx);
    bootServerPort = bindDhcp(bootServer, address, config.bootServerPort(), "boot server",
        "--boot-server-port");
  }

  private int bindDhcp(DhcpService service, Inet4Address address, int port, String name,
      String option) throws IOException {
    DhcpTransport transport;
    String device = interfaceOf(address);
    if (!config.interfaces().isEmpty()) {
      transport = new EpollDhcpTransport(config.interfaces(), port, name, option);
    } else if (device != null) {
      transport = new EpollDhcpTransport(device, address, port, name, option);
    } else {
      transport = new NioDhcpTransport(new InetSocketAddress(address, port), name, option);
    }
    dhcpTransports.add(transport);
    transport.start(service);
    int bound = transport.boundAddresses().get(0).getPort();
    service.boundPort(bound);
    return bound;
  }

  /**
   * Returns the interface that holds {@code address} when DHCP must listen there with the Linux
   * transport: Linux delivers a broadcast only to sockets bound to 0.0.0.0, so a socket bound to
   * a LAN address would never see a DISCOVER. Loopback and the wildcard keep the portable
   * transport, as does a host without Netty's epoll library.
   */
  private static @Nullable String interfaceOf(Inet4Address address) {
    if (address.isAnyLocalAddress() || address.isLoopbackAddress()
        || !EpollDhcpTransport.isAvailable()) {
      return null;
    }
    try {
      NetworkInterface nif = NetworkInterface.getByInetAddress(address);
      return nif == null ? null : nif.getName();
    } catch (SocketException e) {
      return null;
    }
  }

  private TftpFileSource tftpFiles(DecisionMemory decisions, SettingsByAddress settings)
      throws IOException {
    ChainedFileSource.Builder chain = ChainedFileSource.builder();
    // Loader directories are the operator's own configuration, not client input, and Debian's
    // are symlink farms: /usr/lib/ipxe/ipxe.efi points into /boot, pxelinux's into syslinux.
    if (config.ipxeDirectory() != null) {
      chain.add(DirectoryFileSource.builder(config.ipxeDirectory())
          .allowSymlinksOutsideRoot(true).build());
    }
    if (config.pxelinuxDirectory() != null) {
      chain.add(DirectoryFileSource.builder(config.pxelinuxDirectory())
          .allowSymlinksOutsideRoot(true).build());
    }
    chain.add(DynamicFileSource.of(new PxelinuxConfigs(decisions, settings, clock)));
    if (config.tftpFiles() != null) {
      chain.add(config.tftpFiles());
    }
    return chain.build();
  }

  private static ExecutorService decisionThreads(int maxInFlight) {
    AtomicInteger n = new AtomicInteger();
    // Each decision in flight queues at most two tasks (the call, then the answer), so with the
    // DecisionGate's bound the queue never fills; a task is refused only after close(), when
    // dropping it is right (the sockets are gone).
    return new ThreadPoolExecutor(DECISION_THREADS, DECISION_THREADS, 60, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(2 * maxInFlight + DECISION_THREADS), r -> {
          Thread t = new Thread(r, "netboot-decisions-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        }, new ThreadPoolExecutor.DiscardPolicy());
  }

  /**
   * Stops DHCP at once, then lets TFTP and HTTP transfers finish for up to {@code grace}.
   *
   * @param grace the grace period
   */
  public void stop(Duration grace) {
    for (AutoCloseable t : dhcpTransports) {
      closeQuietly(t);
    }
    dhcpTransports.clear();
    ExecutorService threads = decisionThreads;
    if (threads != null) {
      threads.shutdownNow();
    }
    // TFTP and HTTP drain side by side, so the whole close takes one grace period, not two.
    TftpServer t = tftp;
    Thread tftpCloser = null;
    if (t != null) {
      tftpCloser = new Thread(() -> closeQuietly(t), "netboot-tftp-close");
      tftpCloser.start();
    }
    BootHttpServer h = http;
    if (h != null) {
      h.close(grace);
    }
    if (tftpCloser != null) {
      try {
        tftpCloser.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception e) {
      log.warn("error while closing {}", c, e);
    }
  }
}
