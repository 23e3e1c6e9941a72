package dev.netboot.server;

import dev.netboot.pxe.BootPolicy;
import dev.netboot.pxe.PxeServerSettings;
import dev.netboot.server.http.FileCatalog;
import dev.netboot.server.internal.DecisionGate;
import dev.netboot.server.internal.ServerConfig;
import dev.netboot.server.internal.ServerRuntime;
import dev.netboot.server.lease.AddressPool;
import dev.netboot.server.lease.InMemoryLeaseStore;
import dev.netboot.server.lease.LeaseStore;
import dev.netboot.tftp.TftpFileSource;
import dev.netboot.tftp.udp.TftpServerLimits;
import java.io.IOException;
import java.net.Inet4Address;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One network-boot server: ProxyDHCP or full DHCP on UDP 67, the PXE boot server on UDP 4011, TFTP
 * and HTTP, wired from the protocol modules. It only wires: what to answer comes from
 * netboot-pxe's responders and the {@link AsyncBootPolicy}, how to send it from the transports.
 *
 * <pre>{@code
 * FileCatalog files = new FileCatalog();
 * BootDecision linux = BootDecision.linux(files.register(Path.of("vmlinuz")),
 *     List.of(files.register(Path.of("initrd.img"))), "console=ttyS0");
 * try (NetbootServer server = NetbootServer.builder()
 *     .files(files)
 *     .policy(BootPolicies.always(linux))
 *     .ipxeDirectory(Path.of("/usr/lib/ipxe"))
 *     .build().start()) {
 *   ...
 * }
 * }</pre>
 *
 * <p>Every answer names the server by the address the client reached it on. On a host with
 * several segments use {@link Builder#interfaces} (Linux): one DHCP socket per interface is the
 * only way to know which segment a broadcast came from.
 */
public final class NetbootServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(NetbootServer.class);
  /** The default time {@link #close()} lets transfers in flight finish. */
  public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(10);
  private static final int MAX_PORT = 0xFFFF;

  private final ServerConfig config;
  private final ServerRuntime runtime;
  private boolean started;
  private boolean closed;

  private NetbootServer(ServerConfig config) {
    this.config = config;
    this.runtime = new ServerRuntime(config);
  }

  /** Returns a builder with the defaults: ProxyDHCP on all addresses, standard ports. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Binds every socket and starts serving: HTTP, TFTP, then DHCP and the boot server. On any
   * failure closes what it had bound and throws.
   *
   * @return this server
   * @throws IOException if a socket cannot be bound; the message says why and what to do
   * @throws IllegalStateException if called twice
   */
  public synchronized NetbootServer start() throws IOException {
    if (started) {
      throw new IllegalStateException("already started (expected: start() once)");
    }
    started = true;
    runtime.start();
    return this;
  }

  /** Returns the bound DHCP port (67 unless configured; the real one when configured 0). */
  public synchronized int dhcpPort() {
    return runtime.dhcpPort();
  }

  /** Returns the bound PXE boot server port (4011 unless configured). */
  public synchronized int bootServerPort() {
    return runtime.bootServerPort();
  }

  /** Returns the bound TFTP port (69 unless configured). */
  public synchronized int tftpPort() {
    return runtime.tftpPort();
  }

  /** Returns the bound HTTP port (80 unless configured). */
  public synchronized int httpPort() {
    return runtime.httpPort();
  }

  /**
   * Returns the files the HTTP port serves under opaque ids: register a kernel here and put the
   * returned path in a {@code BootDecision.linux(...)}.
   */
  public FileCatalog files() {
    return config.files();
  }

  /**
   * Stops answering DHCP at once, lets TFTP and HTTP transfers in flight finish for up to the
   * {@linkplain Builder#shutdownGrace shutdown grace}, then stops. Idempotent.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (started) {
      runtime.stop(config.shutdownGrace());
      log.info("netboot server closed");
    }
  }

  /**
   * Settings of a {@link NetbootServer}. Only a boot policy is required; everything else has a
   * default that works on a single-homed host with root privileges.
   */
  public static final class Builder {
    private @Nullable Inet4Address address;
    private List<String> interfaces = List.of();
    private DhcpMode dhcpMode = DhcpMode.PROXY;
    private @Nullable AddressPool addressPool;
    private LeaseStore leaseStore = new InMemoryLeaseStore();
    private @Nullable AsyncBootPolicy policy;
    private PxeServerSettings pxeSettings = PxeServerSettings.builder().build();
    private @Nullable TftpFileSource tftpFiles;
    private @Nullable Path ipxeDirectory;
    private @Nullable Path pxelinuxDirectory;
    private Loader loader = Loader.IPXE;
    private @Nullable FileCatalog files;
    private int dhcpPort = 67;
    private int dhcpClientPort = 68;
    private int bootServerPort = 4011;
    private int tftpPort = 69;
    private int httpPort = 80;
    private NetbootListener listener = NetbootListener.NONE;
    private Duration shutdownGrace = DEFAULT_SHUTDOWN_GRACE;
    private int maxDecisionsInFlight = DecisionGate.DEFAULT_MAX_IN_FLIGHT;
    private Duration decisionTimeout = DecisionGate.DEFAULT_TIMEOUT;

    private Builder() {}

    /**
     * Serves on this address only, with the portable transport (default: 0.0.0.0, answering as
     * the host's address on the sender's subnet). Ignored for DHCP when {@link #interfaces} are
     * set.
     *
     * @param address one of this host's IPv4 addresses
     * @return this builder
     */
    public Builder address(Inet4Address address) {
      this.address = Objects.requireNonNull(address, "address");
      return this;
    }

    /**
     * Serves DHCP and the boot server with one socket per interface (Linux only), answering on
     * each with that interface's IPv4 address; TFTP and HTTP then listen on 0.0.0.0.
     *
     * @param interfaces interface names such as {@code eth1}
     * @return this builder
     */
    public Builder interfaces(List<String> interfaces) {
      this.interfaces = List.copyOf(interfaces);
      return this;
    }

    /**
     * Chooses ProxyDHCP (the default) or full DHCP, which needs an {@link #addressPool}.
     *
     * @param mode the mode
     * @return this builder
     */
    public Builder dhcpMode(DhcpMode mode) {
      this.dhcpMode = Objects.requireNonNull(mode, "mode");
      return this;
    }

    /**
     * Sets the addresses handed out in {@link DhcpMode#FULL}.
     *
     * @param pool the pool
     * @return this builder
     */
    public Builder addressPool(AddressPool pool) {
      this.addressPool = Objects.requireNonNull(pool, "pool");
      return this;
    }

    /**
     * Sets where leases are kept in {@link DhcpMode#FULL} (default: in memory).
     *
     * @param store the store
     * @return this builder
     */
    public Builder leaseStore(LeaseStore store) {
      this.leaseStore = Objects.requireNonNull(store, "store");
      return this;
    }

    /**
     * Decides what each client boots, synchronously: it must answer quickly.
     *
     * @param policy the policy
     * @return this builder
     */
    public Builder policy(BootPolicy policy) {
      this.policy = AsyncBootPolicy.of(Objects.requireNonNull(policy, "policy"));
      return this;
    }

    /**
     * Decides what each client boots, asynchronously (e.g. over HTTP).
     *
     * @param policy the policy
     * @return this builder
     */
    public Builder asyncPolicy(AsyncBootPolicy policy) {
      this.policy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Sets the PXE settings template. Its HTTP base URL is filled per server address as
     * {@code http://<address>:<httpPort>} unless set (e.g. for a server behind NAT).
     *
     * @param settings the settings
     * @return this builder
     */
    public Builder pxeSettings(PxeServerSettings settings) {
      this.pxeSettings = Objects.requireNonNull(settings, "settings");
      return this;
    }

    /**
     * Adds TFTP files, tried after the iPXE and pxelinux directories and generated configs.
     *
     * @param files the files
     * @return this builder
     */
    public Builder tftpFiles(TftpFileSource files) {
      this.tftpFiles = Objects.requireNonNull(files, "files");
      return this;
    }

    /**
     * Sets the directory holding undionly.kpxe, ipxe.efi and snp.efi (nothing is bundled;
     * Debian's ipxe package installs them in /usr/lib/ipxe).
     *
     * @param directory the directory
     * @return this builder
     */
    public Builder ipxeDirectory(Path directory) {
      this.ipxeDirectory = Objects.requireNonNull(directory, "directory");
      return this;
    }

    /**
     * Sets the directory holding lpxelinux.0 and ldlinux.c32, for {@link Loader#PXELINUX}.
     *
     * @param directory the directory
     * @return this builder
     */
    public Builder pxelinuxDirectory(Path directory) {
      this.pxelinuxDirectory = Objects.requireNonNull(directory, "directory");
      return this;
    }

    /**
     * Chooses what BIOS PXE ROMs load for a Linux decision (default {@link Loader#IPXE}).
     *
     * @param loader the loader
     * @return this builder
     */
    public Builder loader(Loader loader) {
      this.loader = Objects.requireNonNull(loader, "loader");
      return this;
    }

    /**
     * Uses this catalog for the files served over HTTP, e.g. one a policy was built with.
     *
     * @param files the catalog
     * @return this builder
     */
    public Builder files(FileCatalog files) {
      this.files = Objects.requireNonNull(files, "files");
      return this;
    }

    /**
     * Sets the DHCP port (default 67; 0 picks a free one, for tests).
     *
     * @param port the port
     * @return this builder
     */
    public Builder dhcpPort(int port) {
      this.dhcpPort = checkPort(port, "dhcpPort");
      return this;
    }

    /**
     * Sets the port broadcast answers go to (default 68).
     *
     * @param port the port
     * @return this builder
     */
    public Builder dhcpClientPort(int port) {
      if (port < 1 || port > MAX_PORT) {
        throw new IllegalArgumentException("dhcpClientPort: " + port + " (expected: 1-65535)");
      }
      this.dhcpClientPort = port;
      return this;
    }

    /**
     * Sets the PXE boot server port (default 4011; 0 picks a free one).
     *
     * @param port the port
     * @return this builder
     */
    public Builder bootServerPort(int port) {
      this.bootServerPort = checkPort(port, "bootServerPort");
      return this;
    }

    /**
     * Sets the TFTP port (default 69; 0 picks a free one).
     *
     * @param port the port
     * @return this builder
     */
    public Builder tftpPort(int port) {
      this.tftpPort = checkPort(port, "tftpPort");
      return this;
    }

    /**
     * Sets the HTTP port (default 80; 0 picks a free one).
     *
     * @param port the port
     * @return this builder
     */
    public Builder httpPort(int port) {
      this.httpPort = checkPort(port, "httpPort");
      return this;
    }

    /**
     * Sets who hears about machines and transfers.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder listener(NetbootListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Sets how long {@link #close()} lets transfers in flight finish (default 10 s).
     *
     * @param grace the grace period
     * @return this builder
     */
    public Builder shutdownGrace(Duration grace) {
      if (grace.isNegative() || grace.compareTo(TftpServerLimits.MAX_SHUTDOWN_TIMEOUT) > 0) {
        throw new IllegalArgumentException("shutdownGrace: " + grace + " (expected: 0 to "
            + TftpServerLimits.MAX_SHUTDOWN_TIMEOUT + ")");
      }
      this.shutdownGrace = grace;
      return this;
    }

    /**
     * Sets how many boot decisions may be pending at once (default 256); requests beyond are
     * dropped, and their clients retry.
     *
     * @param max the bound
     * @return this builder
     */
    public Builder maxDecisionsInFlight(int max) {
      if (max < 1) {
        throw new IllegalArgumentException("maxDecisionsInFlight: " + max + " (expected: >= 1)");
      }
      this.maxDecisionsInFlight = max;
      return this;
    }

    /**
     * Sets how long one boot decision may take before the request is dropped (default 6 s).
     *
     * @param timeout the deadline
     * @return this builder
     */
    public Builder decisionTimeout(Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("decisionTimeout: " + timeout + " (expected: > 0)");
      }
      this.decisionTimeout = timeout;
      return this;
    }

    /**
     * Returns the server, not yet started.
     *
     * @throws IllegalStateException if no policy is set, or full DHCP has no address pool
     */
    public NetbootServer build() {
      if (policy == null) {
        throw new IllegalStateException(
            "no boot policy (expected: .policy(...) or .asyncPolicy(...))");
      }
      if (dhcpMode == DhcpMode.FULL && addressPool == null) {
        throw new IllegalStateException(
            "full DHCP without addresses (expected: .addressPool(...) with DhcpMode.FULL)");
      }
      return new NetbootServer(new ServerConfig(address, interfaces, dhcpMode, addressPool,
          leaseStore, policy, pxeSettings, tftpFiles, ipxeDirectory, pxelinuxDirectory, loader,
          files != null ? files : new FileCatalog(), dhcpPort, dhcpClientPort, bootServerPort,
          tftpPort, httpPort, listener, shutdownGrace, maxDecisionsInFlight, decisionTimeout));
    }

    private static int checkPort(int port, String name) {
      if (port < 0 || port > MAX_PORT) {
        throw new IllegalArgumentException(name + ": " + port + " (expected: 0-65535)");
      }
      return port;
    }
  }
}
