package dev.netboot.conformance.dhcp.suite;

import dev.netboot.conformance.dhcp.PxeFirmware;
import java.io.IOException;
import java.net.Inet4Address;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * A conformance suite for ProxyDHCP servers and PXE boot servers, run over UDP against any
 * server: it plays each {@link PxeFirmware} family (requests built by netboot-conformance's
 * generators, shaped as the real ROMs send them), plain DHCP clients, and the malformed and
 * misdirected requests a proxy must ignore, and reports one {@link CheckResult} per rule.
 *
 * <pre>{@code
 * ProxyDhcpSuiteReport report = ProxyDhcpSuite.builder(serverAddress)
 *     .dhcpPort(6767).bootServerPort(4011).clientPort(6868)
 *     .seed(42)
 *     .build().run();
 * assertTrue(report.passed(), report.toText());
 * }</pre>
 *
 * <p>The suite is the client: it binds the client port (68 by default, which needs root; a
 * server on loopback answers the request's source port instead), sends every request with a
 * fresh transaction id, and listens for a bounded window after each round, counting every reply
 * by xid. Requests go as unicast to the server unless {@link Builder#broadcast(boolean)} is set,
 * for servers such as dnsmasq that only answer broadcasts to port 68 on a real link. Two rounds:
 * port 67 (every family, plain clients, the cases that must get nothing), then the boot server
 * (a BIOS ROM's menu request built from its OFFER, edk2's BINL request, a plain request). A run
 * takes about twice the {@linkplain Builder#timeout window}.
 */
public final class ProxyDhcpSuite {
  /** The default listening window after each round of requests. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);
  /** The longest listening window accepted: a run must stay bounded. */
  public static final Duration MAX_TIMEOUT = Duration.ofSeconds(60);
  /** The standard DHCP server port. */
  public static final int DEFAULT_DHCP_PORT = 67;
  /** The standard PXE boot server port. */
  public static final int DEFAULT_BOOT_SERVER_PORT = 4011;
  /** The standard DHCP client port. */
  public static final int DEFAULT_CLIENT_PORT = 68;

  private final Inet4Address server;
  private final int dhcpPort;
  private final int bootServerPort;
  private final int clientPort;
  private final @Nullable Inet4Address localAddress;
  private final boolean broadcast;
  private final List<FileExpectation> expectations;
  private final long seed;
  private final Duration timeout;

  private ProxyDhcpSuite(Builder b) {
    this.server = b.server;
    this.dhcpPort = b.dhcpPort;
    this.bootServerPort = b.bootServerPort;
    this.clientPort = b.clientPort;
    this.localAddress = b.localAddress;
    this.broadcast = b.broadcast;
    this.expectations = List.copyOf(b.expectations);
    this.seed = b.seed != null ? b.seed : new SplittableRandom().nextLong();
    this.timeout = b.timeout;
  }

  /**
   * Returns a builder for a suite against the server at {@code server}.
   *
   * @param server the server's address: the one its replies must name in option 54
   * @return the builder
   */
  public static Builder builder(Inet4Address server) {
    return new Builder(server);
  }

  /**
   * Runs every check once and returns the report; takes about twice the window.
   *
   * @return the report
   * @throws IOException if the client port cannot be bound or a request cannot be sent (port 68
   *     needs root; a broadcast needs a route for 255.255.255.255)
   */
  public ProxyDhcpSuiteReport run() throws IOException {
    long started = System.nanoTime();
    List<CheckResult> checks;
    try (SuiteChannel channel = SuiteChannel.open(localAddress, clientPort, broadcast)) {
      checks = new SuiteRun(this, channel).run();
    }
    return new ProxyDhcpSuiteReport(server, dhcpPort, bootServerPort, clientPort, broadcast,
        seed, timeout, checks, Duration.ofNanos(System.nanoTime() - started));
  }

  Inet4Address server() {
    return server;
  }

  int dhcpPort() {
    return dhcpPort;
  }

  int bootServerPort() {
    return bootServerPort;
  }

  @Nullable Inet4Address localAddress() {
    return localAddress;
  }

  boolean broadcast() {
    return broadcast;
  }

  List<FileExpectation> expectations() {
    return expectations;
  }

  long seed() {
    return seed;
  }

  Duration timeout() {
    return timeout;
  }

  /**
   * A caller's expectation of the boot file some families are given.
   *
   * @param file accepts the expected file names
   * @param families the families it applies to
   */
  record FileExpectation(Predicate<String> file, Set<PxeFirmware> families) {}

  /** Builds a {@link ProxyDhcpSuite}. */
  public static final class Builder {
    private static final int MAX_PORT = 0xFFFF;

    private final Inet4Address server;
    private int dhcpPort = DEFAULT_DHCP_PORT;
    private int bootServerPort = DEFAULT_BOOT_SERVER_PORT;
    private int clientPort = DEFAULT_CLIENT_PORT;
    private @Nullable Inet4Address localAddress;
    private boolean broadcast;
    private final List<FileExpectation> expectations = new ArrayList<>();
    private @Nullable Long seed;
    private Duration timeout = DEFAULT_TIMEOUT;

    private Builder(Inet4Address server) {
      this.server = Objects.requireNonNull(server, "server");
    }

    /**
     * Sets the server's DHCP port (default 67).
     *
     * @param port 1-65535
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder dhcpPort(int port) {
      this.dhcpPort = checkPort("dhcpPort", port, 1);
      return this;
    }

    /**
     * Sets the server's PXE boot server port (default 4011).
     *
     * @param port 1-65535
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder bootServerPort(int port) {
      this.bootServerPort = checkPort("bootServerPort", port, 1);
      return this;
    }

    /**
     * Sets the client port the suite binds (default 68, which needs root); 0 picks a free one,
     * which only works with servers that answer the request's source port.
     *
     * @param port 0-65535
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder clientPort(int port) {
      this.clientPort = checkPort("clientPort", port, 0);
      return this;
    }

    /**
     * Sets the local address to send from (default: any); with {@link #broadcast(boolean)} it
     * picks the interface the broadcasts leave through.
     *
     * @param address one of this host's IPv4 addresses
     * @return this builder
     */
    public Builder localAddress(Inet4Address address) {
      this.localAddress = Objects.requireNonNull(address, "address");
      return this;
    }

    /**
     * Sets whether requests to the DHCP port are broadcast to 255.255.255.255 (and ask for a
     * broadcast reply) rather than sent to the server (default: unicast). Boot server requests
     * are always unicast, as PXE clients send them.
     *
     * @param broadcast whether to broadcast
     * @return this builder
     */
    public Builder broadcast(boolean broadcast) {
      this.broadcast = broadcast;
      return this;
    }

    /**
     * Adds an expectation of the file some families are offered (or acknowledged on the boot
     * server port); a file it rejects fails that family's boot check. May be called several
     * times.
     *
     * @param file accepts the expected file names or URLs
     * @param families the families it applies to; none means all
     * @return this builder
     */
    public Builder expectedBootFile(Predicate<String> file, PxeFirmware... families) {
      Set<PxeFirmware> set = EnumSet.noneOf(PxeFirmware.class);
      set.addAll(List.of(families));
      expectations.add(new FileExpectation(Objects.requireNonNull(file, "file"),
          set.isEmpty() ? EnumSet.allOf(PxeFirmware.class) : set));
      return this;
    }

    /**
     * Sets the seed of the generated MACs, GUIDs and transaction ids (default: random; the
     * report prints it so a run can be repeated).
     *
     * @param seed the seed
     * @return this builder
     */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * Sets how long the suite listens after each round of requests (default 2 s).
     *
     * @param timeout more than zero, at most {@link ProxyDhcpSuite#MAX_TIMEOUT}
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder timeout(Duration timeout) {
      if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0) {
        throw new IllegalArgumentException(
            "timeout: " + timeout + " (expected: more than 0, at most " + MAX_TIMEOUT + ")");
      }
      this.timeout = timeout;
      return this;
    }

    /**
     * Returns the suite.
     *
     * @return the suite
     */
    public ProxyDhcpSuite build() {
      return new ProxyDhcpSuite(this);
    }

    private static int checkPort(String name, int port, int min) {
      if (port < min || port > MAX_PORT) {
        throw new IllegalArgumentException(
            name + ": " + port + " (expected: " + min + "-" + MAX_PORT + ")");
      }
      return port;
    }
  }
}
