package dev.netboot.server.simulation;

import dev.netboot.tftp.udp.TftpClient;
import dev.netboot.tftp.udp.TftpTransferException;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A network-boot client over real sockets: it boots from a server the way real firmware does
 * (see {@link Firmware}), step by step, and reports a {@link BootTrace}.
 *
 * <p>The ROM's DISCOVER goes to the server's DHCP port (standing in for a broadcast), a PXE menu
 * or BINL offer is followed on the boot server port, the boot file is downloaded over TFTP from
 * next-server (siaddr). A downloaded iPXE binary (a name with {@code ipxe}, {@code undionly} or
 * {@code snp}) makes the machine the chainloaded iPXE, which asks DHCP again with user class
 * {@code iPXE}, fetches its script over HTTP and every kernel and initrd the script names. A
 * downloaded {@code lpxelinux.0} (or {@code pxelinux.0}) makes it pxelinux: {@code ldlinux.c32},
 * the configuration search, the default label's kernel and initrds. Any other boot file ends the
 * boot as downloaded.
 *
 * <p>The machine sends from its own UDP socket on a local address (127.0.0.1 by default), so the
 * server must answer a client whose source address is set back to that address and port (RFC
 * 2131 section 4.1). Every wait is bounded: {@link Builder#timeout} per DHCP attempt,
 * {@link Builder#attempts} attempts, {@link Builder#transferTimeout} per HTTP request, at most
 * {@link #MAX_PROGRAMS} boot programs. Not thread-safe; {@link #boot} may run again.
 *
 * <pre>{@code
 * BootTrace trace = SimulatedMachine.builder("52:54:00:12:34:56")
 *     .firmware(Firmware.BIOS_PXE_ROM).server(serverAddress)
 *     .dhcpPort(6767).bootServerPort(4011).tftpPort(6969).build().boot();
 * }</pre>
 */
public final class SimulatedMachine {
  /** Boot programs (ROM, chainloaded iPXE, ...) a boot may pass through before it gives up. */
  public static final int MAX_PROGRAMS = 4;
  /** The default wait for each DHCP or TFTP answer. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);
  /** The default number of times a DHCP request is sent before the machine gives up. */
  public static final int DEFAULT_ATTEMPTS = 3;
  /** The default limit of one HTTP request. */
  public static final Duration DEFAULT_TRANSFER_TIMEOUT = Duration.ofSeconds(60);

  private final byte[] mac;
  private final String macText;
  private final UUID uuid;
  private final Firmware firmware;
  private final Inet4Address server;
  private final Inet4Address localAddress;
  private final int dhcpPort;
  private final int bootServerPort;
  private final int tftpPort;
  private final Duration timeout;
  private final int attempts;
  private final Duration transferTimeout;
  private final @Nullable TftpClient tftpClient;
  private final @Nullable HttpClient httpClient;
  private final Consumer<BootStep> listener;

  private SimulatedMachine(Builder b) {
    this.mac = b.mac;
    this.macText = Addresses.macText(b.mac);
    this.uuid = b.uuid != null ? b.uuid : UUID.nameUUIDFromBytes(b.mac);
    this.firmware = b.firmware;
    this.server = Objects.requireNonNull(b.server, "server (expected: set with server(...))");
    this.localAddress = b.localAddress;
    this.dhcpPort = b.dhcpPort;
    this.bootServerPort = b.bootServerPort;
    this.tftpPort = b.tftpPort;
    this.timeout = b.timeout;
    this.attempts = b.attempts;
    this.transferTimeout = b.transferTimeout;
    this.tftpClient = b.tftpClient;
    this.httpClient = b.httpClient;
    this.listener = b.listener;
  }

  /**
   * Starts a machine with this MAC address.
   *
   * @param mac as {@code 52:54:00:12:34:56} or {@code 52-54-00-12-34-56}
   * @throws IllegalArgumentException if it is not six hex octets
   */
  public static Builder builder(String mac) {
    return new Builder(Addresses.parseMac(mac));
  }

  /** Returns the MAC address as {@code 52:54:00:12:34:56}. */
  public String mac() {
    return macText;
  }

  /**
   * Boots once: from the firmware's first DISCOVER to a loaded kernel or a failure. Never throws
   * for a failed boot; the trace says what went wrong.
   */
  public BootTrace boot() {
    long start = System.nanoTime();
    StepLog log = new StepLog(macText, listener);
    String failure = null;
    TftpClient ownTftp = null;
    try (DhcpExchange dhcp = new DhcpExchange(
        new InetSocketAddress(localAddress, 0), timeout, attempts)) {
      TftpClient tftp = tftpClient;
      if (tftp == null) {
        tftp = ownTftp = TftpClient.builder().localAddress(localAddress).build();
      }
      HttpClient http = httpClient != null ? httpClient : newHttpClient(timeout);
      run(new Configurator(dhcp, log, mac, uuid, server, dhcpPort, bootServerPort), tftp, http,
          log);
    } catch (BootFailure e) {
      failure = e.getMessage();
    } catch (TftpTransferException e) {
      failure = "TFTP " + e.result().filename() + ": " + e.result().outcome()
          + (e.result().errorMessage().isEmpty() ? "" : " (" + e.result().errorMessage() + ")");
    } catch (IOException | RuntimeException e) {
      failure = e.getClass().getSimpleName() + ": " + e.getMessage();
    } finally {
      if (ownTftp != null) {
        ownTftp.close();
      }
    }
    return new BootTrace(macText, firmware, log.steps(), failure,
        Duration.ofNanos(System.nanoTime() - start));
  }

  /**
   * Returns an HTTP/1.1 client for simulated machines; share one among many machines.
   *
   * @param connectTimeout the limit of each connection attempt
   */
  public static HttpClient newHttpClient(Duration connectTimeout) {
    // iPXE speaks HTTP/1.1; the JDK's default would offer an h2c upgrade first.
    return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NORMAL).build();
  }

  private void run(Configurator configurator, TftpClient tftp, HttpClient http, StepLog log)
      throws BootFailure, IOException {
    ClientStage stage = ClientStage.first(firmware);
    for (int program = 0; program < MAX_PROGRAMS; program++) {
      Configurator.BootFile boot = configurator.configure(stage);
      String file = boot.file();
      if (file.contains("://")) {
        if (!stage.isIpxe()) {
          throw new BootFailure(stage.displayName() + " was given a URL (" + file
              + "): PXE ROMs speak TFTP only");
        }
        new IpxeRun(http, tftp, transferTimeout, log).runUrl(URI.create(file));
        return;
      }
      InetSocketAddress tftpServer = new InetSocketAddress(boot.nextServer(), tftpPort);
      if (stage.isUefiRom()) {
        long probeStart = System.nanoTime();
        long size = TftpFetch.tsizeProbe(localAddress, tftpServer, file, timeout, attempts);
        log.add("TFTP", "tsize of " + file + " = " + size + " (edk2's probe)", 0, probeStart);
      }
      long start = System.nanoTime();
      TftpFetch.Download download = TftpFetch.get(tftp, tftpServer, file, stage.tftpOptions());
      log.add("TFTP", file + " from " + tftpServer.getAddress().getHostAddress() + " ("
          + download.options() + ")", download.bytes(), start);
      if (stage.isIpxe() && isScript(download.prefix())) {
        new IpxeRun(http, tftp, transferTimeout, log).runScript(download.prefix(), URI.create(
            "tftp://" + boot.nextServer().getHostAddress() + ":" + tftpPort + "/" + file));
        return;
      }
      if (PxelinuxRun.isPxelinux(file)) {
        new PxelinuxRun(tftp, tftpServer, new ImageFetcher(http, tftp, transferTimeout), log)
            .run(file, mac, uuid, configurator.clientAddress());
        return;
      }
      if (!isIpxeBinary(file)) {
        return; // an NBP the simulation cannot run further: downloaded is as far as it goes
      }
      if (stage.isChainloaded()) {
        throw new BootFailure("chainload loop: " + stage.displayName() + " was given " + file
            + " again instead of a script");
      }
      stage = stage.chainloaded();
    }
    throw new BootFailure("more than " + MAX_PROGRAMS + " boot programs");
  }

  private static boolean isScript(byte[] prefix) {
    return new String(prefix, 0, Math.min(prefix.length, 6), StandardCharsets.ISO_8859_1)
        .equalsIgnoreCase("#!ipxe");
  }

  /** Whether a boot file name is an iPXE build: Debian's and iPXE's own names contain these. */
  static boolean isIpxeBinary(String file) {
    String name = file.substring(file.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    return name.contains("ipxe") || name.startsWith("undionly") || name.startsWith("snp");
  }

  /** Builds a {@link SimulatedMachine}. */
  public static final class Builder {
    private final byte[] mac;
    private @Nullable UUID uuid;
    private Firmware firmware = Firmware.BIOS_PXE_ROM;
    private @Nullable Inet4Address server;
    private Inet4Address localAddress = Addresses.ipv4(new byte[] {127, 0, 0, 1});
    private int dhcpPort = 67;
    private int bootServerPort = 4011;
    private int tftpPort = 69;
    private Duration timeout = DEFAULT_TIMEOUT;
    private int attempts = DEFAULT_ATTEMPTS;
    private Duration transferTimeout = DEFAULT_TRANSFER_TIMEOUT;
    private @Nullable TftpClient tftpClient;
    private @Nullable HttpClient httpClient;
    private Consumer<BootStep> listener = step -> {};

    private Builder(byte[] mac) {
      this.mac = mac;
    }

    /** Sets the firmware; default {@link Firmware#BIOS_PXE_ROM}. */
    public Builder firmware(Firmware firmware) {
      this.firmware = Objects.requireNonNull(firmware, "firmware");
      return this;
    }

    /** Sets the machine's SMBIOS UUID (option 97); default one derived from the MAC. */
    public Builder uuid(UUID uuid) {
      this.uuid = Objects.requireNonNull(uuid, "uuid");
      return this;
    }

    /** Sets where DISCOVERs go: the server's address, standing in for a broadcast. Required. */
    public Builder server(Inet4Address server) {
      this.server = Objects.requireNonNull(server, "server");
      return this;
    }

    /** Sets the local address the machine's sockets bind to; default 127.0.0.1. */
    public Builder localAddress(Inet4Address address) {
      this.localAddress = Objects.requireNonNull(address, "address");
      return this;
    }

    /** Sets the server's DHCP port; default 67. */
    public Builder dhcpPort(int port) {
      this.dhcpPort = checkPort("dhcpPort", port);
      return this;
    }

    /** Sets the server's PXE boot server port; default 4011. */
    public Builder bootServerPort(int port) {
      this.bootServerPort = checkPort("bootServerPort", port);
      return this;
    }

    /** Sets the TFTP port of next-server; default 69. */
    public Builder tftpPort(int port) {
      this.tftpPort = checkPort("tftpPort", port);
      return this;
    }

    /** Sets the wait for each DHCP answer and TFTP probe answer; default 2 s. */
    public Builder timeout(Duration timeout) {
      this.timeout = checkPositive("timeout", timeout);
      return this;
    }

    /** Sets how many times a DHCP request is sent; 1-10, default 3. */
    public Builder attempts(int attempts) {
      if (attempts < 1 || attempts > 10) {
        throw new IllegalArgumentException("attempts: " + attempts + " (expected: 1-10)");
      }
      this.attempts = attempts;
      return this;
    }

    /** Sets the limit of each HTTP request; default 60 s. */
    public Builder transferTimeout(Duration timeout) {
      this.transferTimeout = checkPositive("transferTimeout", timeout);
      return this;
    }

    /** Shares a TFTP client (left open); by default each boot makes and closes its own. */
    public Builder tftpClient(TftpClient client) {
      this.tftpClient = Objects.requireNonNull(client, "client");
      return this;
    }

    /** Shares an HTTP client, as made by {@link SimulatedMachine#newHttpClient}. */
    public Builder httpClient(HttpClient client) {
      this.httpClient = Objects.requireNonNull(client, "client");
      return this;
    }

    /** Sets what is told of each step as it completes, on the booting thread. */
    public Builder listener(Consumer<BootStep> listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /** Returns the machine. */
    public SimulatedMachine build() {
      if (server == null) {
        throw new IllegalStateException("server not set (expected: server(address))");
      }
      return new SimulatedMachine(this);
    }

    private static int checkPort(String name, int port) {
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException(name + ": " + port + " (expected: 1-65535)");
      }
      return port;
    }

    private static Duration checkPositive(String name, Duration d) {
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + ": " + d + " (expected: > 0)");
      }
      return d;
    }
  }
}
