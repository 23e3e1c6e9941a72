package dev.netboot.conformance.hostile;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Feeds a network-boot server's listeners hostile traffic from loopback and reports what each
 * listener did with it ({@link HostileReport}). Meant to run beside a valid client that keeps
 * booting, so that a test can also check that the server kept serving it, kept its memory and
 * logged each rejection once; this class sees only the wire.
 *
 * <pre>{@code
 * HostileReport report = HostileCampaign.builder(loopback)
 *     .dhcpPort(server.dhcpPort()).bootServerPort(server.bootServerPort())
 *     .tftpPort(server.tftpPort()).tftpFile("undionly.kpxe", ipxeBytes)
 *     .httpPort(server.httpPort()).httpFile(kernelPath, kernelBytes)
 *     .outsideRoot("secret.txt", secretBytes)
 *     .build().run();
 * assertThat(report.passed()).as(report.toText()).isTrue();
 * }</pre>
 *
 * <p>Every datagram goes to the server address given, from the hostile source addresses (by
 * default 127.66.0.1 to 127.66.0.8), and every DHCP case has {@code ciaddr} and {@code giaddr}
 * zeroed after mutation, so that no answer can be routed anywhere but back to the campaign.
 * Only loopback servers are accepted: this is traffic nobody wants on a real network.
 */
public final class HostileCampaign {
  /** An answer larger than this many times its request is amplification (DHCP). */
  public static final int MAX_AMPLIFICATION = 4;
  /**
   * The largest TFTP datagram a server may send before the client proved it is there (ACKed an
   * OACK or DATA 1): DATA 1 at the RFC 1350 block size, 512 bytes and a 4-byte header.
   */
  public static final int MAX_UNPROVEN_TFTP_REPLY = 516;
  /** Cases per category at most. */
  public static final int MAX_CASES = 100_000;

  final Inet4Address server;
  final int dhcpPort;
  final int bootServerPort;
  final int tftpPort;
  final int httpPort;
  final @Nullable String tftpName;
  final byte[] tftpBytes;
  final @Nullable String httpPath;
  final byte[] httpBytes;
  final @Nullable String secretName;
  final byte[] secret;
  final List<String> specialNames;
  final List<Inet4Address> sources;
  final List<Inet4Address> floodSources;
  final long seed;
  final int cases;
  final Duration window;
  final Duration httpHeadTimeout;
  final Duration tftpGiveUp;
  final boolean ignoresNonPxe;

  private HostileCampaign(Builder b) {
    this.server = b.server;
    this.dhcpPort = b.dhcpPort;
    this.bootServerPort = b.bootServerPort;
    this.tftpPort = b.tftpPort;
    this.httpPort = b.httpPort;
    this.tftpName = b.tftpName;
    this.tftpBytes = b.tftpBytes;
    this.httpPath = b.httpPath;
    this.httpBytes = b.httpBytes;
    this.secretName = b.secretName;
    this.secret = b.secret;
    this.specialNames = List.copyOf(b.specialNames);
    this.sources = List.copyOf(b.sources);
    this.floodSources = List.copyOf(b.floodSources);
    this.seed = b.seed;
    this.cases = b.cases;
    this.window = b.window;
    this.httpHeadTimeout = b.httpHeadTimeout;
    this.tftpGiveUp = b.tftpGiveUp;
    this.ignoresNonPxe = b.ignoresNonPxe;
  }

  /**
   * Returns a builder for a campaign against the server at {@code server}.
   *
   * @param server a loopback address the server listens on
   * @return the builder
   * @throws IllegalArgumentException if {@code server} is not a loopback address
   */
  public static Builder builder(Inet4Address server) {
    if (!server.isLoopbackAddress()) {
      throw new IllegalArgumentException("server: " + server.getHostAddress()
          + " (expected: a loopback address; hostile traffic stays on this machine)");
    }
    return new Builder(server);
  }

  /**
   * Runs every category against every listener that has a port, one after the other, while the
   * HTTP slow clients trickle and the TFTP flood's abandoned transfers retransmit throughout.
   *
   * @return the report
   * @throws IOException if a socket cannot be opened
   * @throws InterruptedException if interrupted
   */
  public HostileReport run() throws IOException, InterruptedException {
    long start = System.nanoTime();
    List<HostileReport.Row> rows = new ArrayList<>();
    HttpHostility http = httpPort == 0 ? null : new HttpHostility(this);
    TftpHostility tftp = tftpPort == 0 ? null : new TftpHostility(this);
    HttpHostility.SlowClients slow = http == null ? null : http.startSlowClients();
    TftpHostility.Flood flood = tftp == null ? null : tftp.startFlood();
    try {
      if (dhcpPort != 0) {
        rows.addAll(new DhcpHostility(this, "dhcp", dhcpPort, false).run());
      }
      if (bootServerPort != 0) {
        rows.addAll(new DhcpHostility(this, "bootserver", bootServerPort, true).run());
      }
      if (tftp != null) {
        rows.addAll(tftp.run());
      }
      if (http != null) {
        rows.addAll(http.run());
      }
    } finally {
      if (flood != null) {
        rows.add(flood.finish());
      }
      if (slow != null) {
        rows.add(slow.finish());
      }
    }
    return new HostileReport(seed, rows, Duration.ofNanos(System.nanoTime() - start));
  }

  /** Whether {@code bytes} contain the forbidden content (the file outside the roots). */
  boolean leaks(byte[] bytes) {
    return secret.length > 0 && indexOf(bytes, secret) >= 0;
  }

  static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /** Builds a {@link HostileCampaign}. */
  public static final class Builder {
    private final Inet4Address server;
    private int dhcpPort;
    private int bootServerPort;
    private int tftpPort;
    private int httpPort;
    private @Nullable String tftpName;
    private byte[] tftpBytes = new byte[0];
    private @Nullable String httpPath;
    private byte[] httpBytes = new byte[0];
    private @Nullable String secretName;
    private byte[] secret = new byte[0];
    private final List<String> specialNames = new ArrayList<>();
    private List<Inet4Address> sources = loopbackRange(66, 0, 8);
    private List<Inet4Address> floodSources = loopbackRange(66, 1, 16);
    private long seed = 0x4057_11EL;
    private int cases = 200;
    private Duration window = Duration.ofMillis(700);
    private Duration httpHeadTimeout = Duration.ofSeconds(10);
    private Duration tftpGiveUp = Duration.ofSeconds(30);
    private boolean ignoresNonPxe = true;

    private Builder(Inet4Address server) {
      this.server = server;
    }

    /** Sets the DHCP (ProxyDHCP) port to attack; 0 (the default) skips it. */
    public Builder dhcpPort(int port) {
      this.dhcpPort = checkPort(port, "dhcpPort");
      return this;
    }

    /** Sets the PXE boot server port to attack; 0 (the default) skips it. */
    public Builder bootServerPort(int port) {
      this.bootServerPort = checkPort(port, "bootServerPort");
      return this;
    }

    /** Sets the TFTP port to attack; 0 (the default) skips it. */
    public Builder tftpPort(int port) {
      this.tftpPort = checkPort(port, "tftpPort");
      return this;
    }

    /** Sets the HTTP port to attack; 0 (the default) skips it. */
    public Builder httpPort(int port) {
      this.httpPort = checkPort(port, "httpPort");
      return this;
    }

    /**
     * Names a file the TFTP server serves, with its content: floods ask for it, and transfers
     * of it are attacked with spoofed transfer ids.
     */
    public Builder tftpFile(String name, byte[] content) {
      this.tftpName = Objects.requireNonNull(name, "name");
      this.tftpBytes = content.clone();
      return this;
    }

    /** Names a path the HTTP server serves, with its content: Range requests abuse it. */
    public Builder httpFile(String path, byte[] content) {
      if (!path.startsWith("/")) {
        throw new IllegalArgumentException("path: " + path + " (expected: starts with /)");
      }
      this.httpPath = path;
      this.httpBytes = content.clone();
      return this;
    }

    /**
     * Names a file one level above the TFTP root ({@code <root>/../<name>}) and gives its
     * content, which no answer of any listener may ever contain. Traversal in every spelling
     * aims at it.
     */
    public Builder outsideRoot(String name, byte[] content) {
      if (name.isEmpty() || name.contains("/") || content.length < 8) {
        throw new IllegalArgumentException("outsideRoot: " + name + ", " + content.length
            + " bytes (expected: a plain file name and at least 8 bytes of content)");
      }
      this.secretName = name;
      this.secret = content.clone();
      return this;
    }

    /**
     * Names files in the TFTP root that must be refused at once without stalling anything: a
     * FIFO, a device, a directory, a symbolic link that leads out.
     */
    public Builder specialFiles(String... names) {
      specialNames.addAll(List.of(names));
      return this;
    }

    /** Sets the loopback addresses hostile traffic comes from (default 127.66.0.1 to .8). */
    public Builder sources(List<Inet4Address> addresses) {
      this.sources = loopbackOnly(addresses, "sources");
      return this;
    }

    /**
     * Sets the loopback addresses the TFTP flood comes from (default 127.66.1.1 to .16): apart
     * from the other sources, so that the flood's abandoned transfers, which a server limits per
     * client address, do not crowd out the other categories.
     */
    public Builder floodSources(List<Inet4Address> addresses) {
      this.floodSources = loopbackOnly(addresses, "floodSources");
      return this;
    }

    /** Sets the seed of the generated cases. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Sets the number of cases of each generated category (default 200). */
    public Builder cases(int cases) {
      if (cases < 1 || cases > MAX_CASES) {
        throw new IllegalArgumentException("cases: " + cases + " (expected: 1-" + MAX_CASES + ")");
      }
      this.cases = cases;
      return this;
    }

    /** Sets how long answers to one category are awaited after its last case (default 700 ms). */
    public Builder window(Duration window) {
      this.window = positive(window, "window");
      return this;
    }

    /**
     * Sets how long the HTTP server may leave a connection without a complete request head
     * before it must close it (default 10 s, netboot's); slow clients are checked against it.
     */
    public Builder httpHeadTimeout(Duration timeout) {
      this.httpHeadTimeout = positive(timeout, "httpHeadTimeout");
      return this;
    }

    /**
     * Sets how long a TFTP server may keep retransmitting to a client that never answers
     * (default 30 s); abandoned transfers must fall silent within it.
     */
    public Builder tftpGiveUp(Duration giveUp) {
      this.tftpGiveUp = positive(giveUp, "tftpGiveUp");
      return this;
    }

    /**
     * Sets whether the DHCP listener must ignore clients that are not PXE clients (true, the
     * default, for a ProxyDHCP server; false for a full DHCP server, which answers them).
     */
    public Builder ignoresNonPxe(boolean ignores) {
      this.ignoresNonPxe = ignores;
      return this;
    }

    /** Builds the campaign. */
    public HostileCampaign build() {
      return new HostileCampaign(this);
    }

    private static List<Inet4Address> loopbackRange(int second, int third, int count) {
      List<Inet4Address> list = new ArrayList<>();
      for (int i = 1; i <= count; i++) {
        try {
          list.add((Inet4Address) InetAddress.getByAddress(
              new byte[] {127, (byte) second, (byte) third, (byte) i}));
        } catch (java.net.UnknownHostException e) {
          throw new AssertionError(e);
        }
      }
      return list;
    }

    private static List<Inet4Address> loopbackOnly(List<Inet4Address> addresses, String what) {
      if (addresses.isEmpty() || !addresses.stream().allMatch(InetAddress::isLoopbackAddress)) {
        throw new IllegalArgumentException(what + ": " + addresses
            + " (expected: one or more loopback addresses)");
      }
      return List.copyOf(addresses);
    }

    private static int checkPort(int port, String what) {
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException(what + ": " + port + " (expected: 0-65535)");
      }
      return port;
    }

    private static Duration positive(Duration d, String what) {
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(what + ": " + d + " (expected: positive)");
      }
      return d;
    }
  }

  static String ascii(byte[] bytes, int max) {
    String s = new String(bytes, 0, Math.min(max, bytes.length), StandardCharsets.ISO_8859_1);
    return s.replaceAll("[^\\x20-\\x7e]", ".");
  }
}
