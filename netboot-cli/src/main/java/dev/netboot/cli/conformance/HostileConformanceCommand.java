package dev.netboot.cli.conformance;

import dev.netboot.cli.NetbootVersion;
import dev.netboot.conformance.hostile.HostileCampaign;
import dev.netboot.conformance.hostile.HostileReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code netboot conformance hostile HOST --dhcp-port N ...}: runs netboot-conformance's
 * {@link HostileCampaign} against the listeners of a server on loopback and prints the report;
 * exits 0 when no answer broke a rule.
 */
@Command(
    name = "hostile",
    mixinStandardHelpOptions = true,
    versionProvider = NetbootVersion.class,
    description = "Feeds a network-boot server on loopback malformed, oversized, spoofed,"
        + " flooding and path-traversing traffic on each port given, and prints per category"
        + " what it answered and every answer that broke a rule.",
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:no answer broke a rule",
      "1:an answer broke a rule, or a socket or file could not be opened",
      "2:usage error"
    })
public final class HostileConformanceCommand implements Callable<Integer> {
  private static final int MAX_PORT = 0xFFFF;

  @Parameters(index = "0", paramLabel = "HOST",
      description = "The server's loopback IPv4 address, such as 127.0.0.1: hostile traffic is"
          + " sent to loopback only.")
  private @Nullable String host;

  @Option(names = "--dhcp-port", paramLabel = "N", description = "The DHCP (ProxyDHCP) port.")
  private int dhcpPort;

  @Option(names = "--boot-server-port", paramLabel = "N",
      description = "The PXE boot server port.")
  private int bootServerPort;

  @Option(names = "--tftp-port", paramLabel = "N", description = "The TFTP port.")
  private int tftpPort;

  @Option(names = "--http-port", paramLabel = "N", description = "The HTTP port.")
  private int httpPort;

  @Option(names = "--tftp-file", paramLabel = "NAME=LOCALPATH",
      description = "A file the TFTP server holds and a local copy of it: floods ask for it and"
          + " its transfers are attacked with spoofed transfer ids.")
  private Map<String, Path> tftpFile = new LinkedHashMap<>();

  @Option(names = "--http-file", paramLabel = "PATH=LOCALPATH",
      description = "A URL path the HTTP server serves and a local copy of it, for Range abuse.")
  private Map<String, Path> httpFile = new LinkedHashMap<>();

  @Option(names = "--outside-root", paramLabel = "NAME=LOCALPATH",
      description = "A file that lies one level above the TFTP root (ROOT/../NAME), and a local"
          + " copy: traversal aims at it, and no answer may contain it.")
  private Map<String, Path> outsideRoot = new LinkedHashMap<>();

  @Option(names = "--special", paramLabel = "NAME",
      description = "A FIFO, device, directory or link out in the TFTP root that must be refused"
          + " at once; repeat.")
  private List<String> special = new ArrayList<>();

  @Option(names = "--full-dhcp",
      description = "The server hands out addresses: it answers clients that are not PXE"
          + " clients (default: ProxyDHCP, which must ignore them).")
  private boolean fullDhcp;

  @Option(names = "--cases", paramLabel = "N", defaultValue = "200",
      description = "Cases per generated category (default: ${DEFAULT-VALUE}).")
  private int cases;

  @Option(names = "--seed", paramLabel = "N",
      description = "The seed of the generated cases (default: random; the report prints it).")
  private @Nullable Long seed;

  @Option(names = "--http-head-timeout", paramLabel = "SECONDS", defaultValue = "10",
      description = "How long the server may wait for a request head before it must close a slow"
          + " client (default: ${DEFAULT-VALUE}, netboot's).")
  private int httpHeadTimeout;

  @Option(names = "--tftp-give-up", paramLabel = "SECONDS", defaultValue = "30",
      description = "How long the TFTP server may retransmit to clients that never answer"
          + " (default: ${DEFAULT-VALUE}).")
  private int tftpGiveUp;

  @Spec private @Nullable CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    CommandSpec s = spec();
    PrintWriter out = s.commandLine().getOut();
    PrintWriter err = s.commandLine().getErr();
    HostileReport report;
    try {
      report = campaign(s).run();
    } catch (IOException e) {
      err.println("netboot: cannot run the campaign: " + e.getMessage());
      err.flush();
      return 1;
    }
    out.print(report.toText());
    out.flush();
    return report.passed() ? 0 : 1;
  }

  private HostileCampaign campaign(CommandSpec s) throws IOException {
    if (dhcpPort == 0 && bootServerPort == 0 && tftpPort == 0 && httpPort == 0) {
      throw new ParameterException(s.commandLine(), "no port to attack (expected: one or more"
          + " of --dhcp-port, --boot-server-port, --tftp-port, --http-port)");
    }
    if (cases < 1 || cases > HostileCampaign.MAX_CASES) {
      throw new ParameterException(s.commandLine(),
          "--cases: " + cases + " (expected: 1-" + HostileCampaign.MAX_CASES + ")");
    }
    if (httpHeadTimeout < 1 || tftpGiveUp < 1) {
      throw new ParameterException(s.commandLine(), "--http-head-timeout and --tftp-give-up:"
          + " (expected: 1 second or more)");
    }
    Inet4Address server = loopback(s, host);
    HostileCampaign.Builder b;
    try {
      b = HostileCampaign.builder(server).dhcpPort(port(s, "--dhcp-port", dhcpPort))
          .bootServerPort(port(s, "--boot-server-port", bootServerPort))
          .tftpPort(port(s, "--tftp-port", tftpPort)).httpPort(port(s, "--http-port", httpPort))
          .cases(cases).ignoresNonPxe(!fullDhcp)
          .httpHeadTimeout(Duration.ofSeconds(httpHeadTimeout))
          .tftpGiveUp(Duration.ofSeconds(tftpGiveUp));
      for (Map.Entry<String, Path> e : one(s, "--tftp-file", tftpFile).entrySet()) {
        b.tftpFile(e.getKey(), Files.readAllBytes(e.getValue()));
      }
      for (Map.Entry<String, Path> e : one(s, "--http-file", httpFile).entrySet()) {
        b.httpFile(e.getKey(), Files.readAllBytes(e.getValue()));
      }
      for (Map.Entry<String, Path> e : one(s, "--outside-root", outsideRoot).entrySet()) {
        b.outsideRoot(e.getKey(), Files.readAllBytes(e.getValue()));
      }
    } catch (IllegalArgumentException e) {
      throw new ParameterException(s.commandLine(), e.getMessage());
    }
    b.specialFiles(special.toArray(String[]::new));
    if (seed != null) {
      b.seed(seed);
    }
    return b.build();
  }

  private static Map<String, Path> one(CommandSpec s, String name, Map<String, Path> given) {
    if (given.size() > 1) {
      throw new ParameterException(s.commandLine(), name + ": given " + given.size()
          + " times (expected: once)");
    }
    return given;
  }

  private static int port(CommandSpec s, String name, int port) {
    if (port < 0 || port > MAX_PORT) {
      throw new ParameterException(s.commandLine(),
          name + ": " + port + " (expected: 1-" + MAX_PORT + ")");
    }
    return port;
  }

  private static Inet4Address loopback(CommandSpec s, @Nullable String text) {
    try {
      InetAddress a = InetAddress.getByName(text);
      if (a instanceof Inet4Address v4 && v4.isLoopbackAddress()) {
        return v4;
      }
    } catch (UnknownHostException e) {
      // Reported below.
    }
    throw new ParameterException(s.commandLine(), "HOST: " + text
        + " (expected: an IPv4 loopback address such as 127.0.0.1; hostile traffic stays on"
        + " this machine)");
  }

  private CommandSpec spec() {
    if (spec == null) {
      throw new IllegalStateException("picocli did not inject the command spec");
    }
    return spec;
  }
}
