package dev.netboot.cli.server;

import dev.netboot.pxe.PxeServerSettings;
import dev.netboot.server.DhcpMode;
import dev.netboot.server.Loader;
import dev.netboot.server.NetbootServer;
import dev.netboot.tftp.TftpFileSource;
import dev.netboot.tftp.files.ChainedFileSource;
import dev.netboot.tftp.files.DirectoryFileSource;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The options every serving command shares: where to listen, proxy or full DHCP, the loader and
 * where its binaries are, and the ports. Turns them into a {@link NetbootServer.Builder}, with a
 * clear message for each usual mistake.
 */
public final class ServerOptions {
  /** Where Debian's {@code ipxe} package puts undionly.kpxe, ipxe.efi and snp.efi. */
  static final String DEBIAN_IPXE_DIR = "/usr/lib/ipxe";
  /**
   * Where Debian's {@code pxelinux} puts lpxelinux.0 and {@code syslinux-common} puts
   * ldlinux.c32; both are served.
   */
  static final String DEBIAN_PXELINUX_DIRS = "/usr/lib/PXELINUX,/usr/lib/syslinux/modules/bios";

  @Spec(Spec.Target.MIXEE) private @Nullable CommandSpec spec;

  @Option(names = "--interface", paramLabel = "NAME",
      description = "Serve DHCP on this interface (Linux; repeat for several), each answered"
          + " with its own address.")
  private List<String> interfaces = new ArrayList<>();

  @Option(names = "--address", paramLabel = "IP",
      description = "Serve on this IPv4 address of this host (default: all addresses).")
  private @Nullable String address;

  @Option(names = "--dhcp", paramLabel = "proxy|full", defaultValue = "proxy",
      description = "proxy: answer only boot requests, next to the network's DHCP server"
          + " (default); full: be the DHCP server, with --pool.")
  private String dhcp = "proxy";

  @Option(names = "--pool", paramLabel = "FIRST-LAST",
      description = "Addresses to hand out with --dhcp full, e.g. 10.0.0.100-10.0.0.199.")
  private @Nullable String pool;

  @Option(names = "--netmask", paramLabel = "MASK",
      description = "Subnet mask given with --dhcp full (default: 255.255.255.0).")
  private @Nullable String netmask;

  @Option(names = "--router", paramLabel = "IP", description = "Router given with --dhcp full.")
  private @Nullable String router;

  @Option(names = "--dns", paramLabel = "IP",
      description = "DNS server given with --dhcp full; repeat for several.")
  private List<String> dns = new ArrayList<>();

  @Option(names = "--loader", paramLabel = "ipxe|pxelinux", defaultValue = "ipxe",
      description = "What BIOS machines load first: ipxe (default) or pxelinux (lpxelinux.0);"
          + " UEFI machines always chain iPXE.")
  private String loader = "ipxe";

  @Option(names = "--ipxe-dir", paramLabel = "DIR", defaultValue = DEBIAN_IPXE_DIR,
      description = "Where undionly.kpxe, ipxe.efi and snp.efi are (default: ${DEFAULT-VALUE},"
          + " Debian package ipxe).")
  private Path ipxeDir = Path.of(DEBIAN_IPXE_DIR);

  @Option(names = "--pxelinux-dir", paramLabel = "DIR", split = ",",
      defaultValue = DEBIAN_PXELINUX_DIRS,
      description = "Where lpxelinux.0 and ldlinux.c32 are; repeat or separate with commas"
          + " (default: ${DEFAULT-VALUE}, Debian packages pxelinux and syslinux-common).")
  private List<Path> pxelinuxDirs = new ArrayList<>();

  @Option(names = "--http-port", paramLabel = "N", defaultValue = "80",
      description = "HTTP port (default: ${DEFAULT-VALUE}).")
  private int httpPort = 80;

  @Option(names = "--dhcp-port", paramLabel = "N", defaultValue = "67",
      description = "DHCP server port (default: ${DEFAULT-VALUE}); for tests and demos.")
  private int dhcpPort = 67;

  @Option(names = "--dhcp-client-port", paramLabel = "N", defaultValue = "68",
      description = "Port broadcast answers go to (default: ${DEFAULT-VALUE}).")
  private int dhcpClientPort = 68;

  @Option(names = "--boot-server-port", paramLabel = "N", defaultValue = "4011",
      description = "PXE boot server port (default: ${DEFAULT-VALUE}).")
  private int bootServerPort = 4011;

  @Option(names = "--tftp-port", paramLabel = "N", defaultValue = "69",
      description = "TFTP port (default: ${DEFAULT-VALUE}).")
  private int tftpPort = 69;

  /**
   * Returns a server builder with these options, checked.
   *
   * @throws ParameterException for malformed values (exit 2)
   * @throws UserError for values that are well-formed but wrong on this host (exit 1)
   */
  NetbootServer.Builder toBuilder() {
    CommandSpec s = spec();
    checkPort(s, "--http-port", httpPort);
    checkPort(s, "--dhcp-port", dhcpPort);
    checkPort(s, "--dhcp-client-port", dhcpClientPort);
    checkPort(s, "--boot-server-port", bootServerPort);
    checkPort(s, "--tftp-port", tftpPort);
    NetbootServer.Builder b = NetbootServer.builder()
        .httpPort(httpPort).dhcpPort(dhcpPort).dhcpClientPort(dhcpClientPort)
        .bootServerPort(bootServerPort).tftpPort(tftpPort)
        // As Pixiecore does, every iPXE ROM is replaced by the configured iPXE before it gets
        // the script: a NIC's ROM iPXE (QEMU's is one) may lack what the script needs, and a
        // ROM that gets its script straight away never loads our binary at all.
        .pxeSettings(PxeServerSettings.builder().replaceIpxeRoms(true).build());
    if (address != null) {
      Inet4Address a = ipv4(s, "--address", address);
      checkLocal(a);
      b.address(a);
    }
    if (!interfaces.isEmpty()) {
      checkInterfaces();
      b.interfaces(interfaces);
    }
    b.dhcpMode(mode(s));
    if (mode(s) == DhcpMode.FULL) {
      FullDhcpOptions.apply(b, s, pool, netmask, router, dns);
    } else if (pool != null) {
      throw new ParameterException(s.commandLine(), "--pool: only with --dhcp full");
    }
    Loader chosen = loader(s);
    b.loader(chosen);
    if (!Files.isDirectory(ipxeDir)) {
      throw new UserError("no iPXE directory " + ipxeDir
          + " (install Debian's ipxe package, or give --ipxe-dir DIR)");
    }
    b.ipxeDirectory(ipxeDir);
    if (chosen == Loader.PXELINUX) {
      b.pxelinuxDirectory(pxelinuxDirectory());
      b.tftpFiles(moduleDirectories());
    }
    return b;
  }

  private static void checkPort(CommandSpec s, String option, int value) {
    if (value < 0 || value > 65535) {
      throw new ParameterException(s.commandLine(),
          option + ": " + value + " (expected: 0-65535, 0 for any free port)");
    }
  }

  /** Returns the configured ports that need root, for the bind failure message. */
  List<Integer> privilegedPorts() {
    List<Integer> ports = new ArrayList<>();
    for (int p : new int[] {dhcpPort, bootServerPort, tftpPort, httpPort}) {
      if (p > 0 && p < 1024) {
        ports.add(p);
      }
    }
    Collections.sort(ports);
    return ports;
  }

  private DhcpMode mode(CommandSpec s) {
    switch (dhcp.toLowerCase(Locale.ROOT)) {
      case "proxy":
        return DhcpMode.PROXY;
      case "full":
        return DhcpMode.FULL;
      default:
        throw new ParameterException(s.commandLine(),
            "--dhcp: " + dhcp + " (expected: proxy or full)");
    }
  }

  private Loader loader(CommandSpec s) {
    switch (loader.toLowerCase(Locale.ROOT)) {
      case "ipxe":
        return Loader.IPXE;
      case "pxelinux":
        return Loader.PXELINUX;
      default:
        throw new ParameterException(s.commandLine(),
            "--loader: " + loader + " (expected: ipxe or pxelinux)");
    }
  }

  private Path pxelinuxDirectory() {
    for (Path dir : pxelinuxDirs) {
      if (Files.isRegularFile(dir.resolve("lpxelinux.0"))) {
        return dir;
      }
    }
    throw new UserError("no lpxelinux.0 in " + join(pxelinuxDirs)
        + " (install Debian's pxelinux and syslinux-common, or give --pxelinux-dir DIR)");
  }

  // ldlinux.c32 and other modules may sit in another directory (Debian: syslinux-common).
  private TftpFileSource moduleDirectories() {
    ChainedFileSource.Builder chain = ChainedFileSource.builder();
    boolean ldlinux = false;
    for (Path dir : pxelinuxDirs) {
      if (Files.isDirectory(dir)) {
        try {
          chain.add(DirectoryFileSource.builder(dir).build());
        } catch (IOException e) {
          throw new UserError("cannot serve " + dir + ": " + e.getMessage());
        }
        ldlinux |= Files.isRegularFile(dir.resolve("ldlinux.c32"));
      }
    }
    if (!ldlinux) {
      throw new UserError("no ldlinux.c32 in " + join(pxelinuxDirs)
          + " (install Debian's syslinux-common, or give --pxelinux-dir DIR)");
    }
    return chain.build();
  }

  static Inet4Address ipv4(CommandSpec s, String option, String text) {
    try {
      if (text.matches("\\d{1,3}(\\.\\d{1,3}){3}")
          && InetAddress.getByName(text) instanceof Inet4Address a) {
        return a;
      }
    } catch (UnknownHostException e) {
      // not a literal: the usage error below
    }
    throw new ParameterException(s.commandLine(),
        option + ": " + text + " (expected: an IPv4 address as 192.168.1.10)");
  }

  private static void checkLocal(Inet4Address a) {
    try {
      if (NetworkInterface.getByInetAddress(a) == null) {
        throw new UserError(a.getHostAddress() + " is not an address of this host (expected: one"
            + " of " + localAddresses() + ")");
      }
    } catch (SocketException e) {
      throw new UserError("cannot list this host's addresses: " + e.getMessage());
    }
  }

  private void checkInterfaces() {
    for (String name : interfaces) {
      try {
        if (NetworkInterface.getByName(name) == null) {
          throw new UserError("no network interface " + name + " on this host (expected: one of "
              + NetworkInterface.networkInterfaces().map(NetworkInterface::getName)
                  .sorted().collect(Collectors.joining(", ")) + ")");
        }
      } catch (SocketException e) {
        throw new UserError("cannot list this host's interfaces: " + e.getMessage());
      }
    }
  }

  private static String localAddresses() throws SocketException {
    return NetworkInterface.networkInterfaces()
        .flatMap(NetworkInterface::inetAddresses)
        .filter(a -> a instanceof Inet4Address).map(InetAddress::getHostAddress).sorted()
        .collect(Collectors.joining(", "));
  }

  private static String join(List<Path> paths) {
    return paths.stream().map(Path::toString).collect(Collectors.joining(", "));
  }

  /**
   * Explains a failed start: a privileged port without root, a port in use.
   *
   * @param e what {@link NetbootServer#start()} threw
   */
  String startFailure(IOException e) {
    String message = String.valueOf(e.getMessage());
    String lower = message.toLowerCase(Locale.ROOT);
    if (lower.contains("permission denied") || lower.contains("access denied")) {
      return "cannot listen: " + message + "; ports " + privilegedPorts()
          + " need root or CAP_NET_BIND_SERVICE (sudo, or ports above 1023 to try it out)";
    }
    if (lower.contains("address already in use")) {
      return "cannot listen: " + message + " (is another DHCP, TFTP or HTTP server running,"
          + " such as dnsmasq?)";
    }
    return "cannot start the server: " + message;
  }

  private CommandSpec spec() {
    if (spec == null) {
      throw new IllegalStateException("picocli did not inject the command spec");
    }
    return spec;
  }
}
