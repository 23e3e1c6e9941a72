package dev.netboot.cli.conformance;

import dev.netboot.cli.NetbootVersion;
import dev.netboot.conformance.dhcp.suite.ProxyDhcpSuite;
import dev.netboot.conformance.dhcp.suite.ProxyDhcpSuiteReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.BindException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code netboot conformance proxydhcp HOST}: runs netboot-conformance's {@link ProxyDhcpSuite}
 * against the ProxyDHCP and boot server at HOST and prints the report; exits 0 when no check
 * failed.
 */
@Command(
    name = "proxydhcp",
    mixinStandardHelpOptions = true,
    versionProvider = NetbootVersion.class,
    description = "Checks a ProxyDHCP and PXE boot server as each PXE firmware family, plain DHCP"
        + " clients and malformed requests would, and prints a per-check report.",
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:every check passed (or was skipped)",
      "1:a check failed, or the client port could not be bound",
      "2:usage error"
    })
public final class ProxyDhcpConformanceCommand implements Callable<Integer> {
  private static final int MAX_PORT = 0xFFFF;
  /** Ports below this need root (or CAP_NET_BIND_SERVICE) on Linux. */
  private static final int PRIVILEGED_PORTS = 1024;
  private static final long MAX_TIMEOUT_MS = ProxyDhcpSuite.MAX_TIMEOUT.toMillis();

  @Parameters(index = "0", paramLabel = "HOST",
      description = "The server's IPv4 address (or a name for one); replies must name it in"
          + " option 54.")
  private @Nullable String host;

  @Option(names = "--dhcp-port", paramLabel = "N", defaultValue = "67",
      description = "The server's DHCP port (default: ${DEFAULT-VALUE}).")
  private int dhcpPort;

  @Option(names = "--boot-server-port", paramLabel = "N", defaultValue = "4011",
      description = "The server's PXE boot server port (default: ${DEFAULT-VALUE}).")
  private int bootServerPort;

  @Option(names = "--client-port", paramLabel = "N", defaultValue = "68",
      description = "The client port to send from (default: ${DEFAULT-VALUE}, which needs root;"
          + " 0 picks a free one, for servers that answer the source port, as netboot does on"
          + " loopback).")
  private int clientPort;

  @Option(names = "--broadcast",
      description = "Broadcast the DHCP requests to 255.255.255.255 and ask for broadcast"
          + " replies, as firmware does (dnsmasq needs this); default: unicast to HOST.")
  private boolean broadcast;

  @Option(names = "--local-address", paramLabel = "IP",
      description = "The local IPv4 address to send from; with --broadcast it picks the"
          + " interface.")
  private @Nullable String localAddress;

  @Option(names = "--seed", paramLabel = "N",
      description = "The seed of the generated clients (default: random; the report prints it).")
  private @Nullable Long seed;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "2",
      description = "How long to listen after each round of requests, in seconds; fractions"
          + " such as 0.5 are fine (default: ${DEFAULT-VALUE}).")
  private BigDecimal timeoutSeconds = BigDecimal.valueOf(2);

  @Spec private @Nullable CommandSpec spec;

  @Override
  public Integer call() {
    CommandSpec s = spec();
    ProxyDhcpSuite suite = suite(s);
    PrintWriter out = s.commandLine().getOut();
    PrintWriter err = s.commandLine().getErr();
    ProxyDhcpSuiteReport report;
    try {
      report = suite.run();
    } catch (IOException e) {
      err.println("netboot: " + runFailure(e, clientPort));
      err.flush();
      return 1;
    }
    out.print(report.toText());
    out.flush();
    return report.passed() ? 0 : 1;
  }

  private ProxyDhcpSuite suite(CommandSpec s) {
    checkPort(s, "--dhcp-port", dhcpPort, 1);
    checkPort(s, "--boot-server-port", bootServerPort, 1);
    checkPort(s, "--client-port", clientPort, 0);
    long timeoutMillis = timeoutSeconds.movePointRight(3).setScale(0, RoundingMode.HALF_UP)
        .min(BigDecimal.valueOf(Long.MAX_VALUE)).longValue();
    if (timeoutMillis < 1 || timeoutMillis > MAX_TIMEOUT_MS) {
      throw new ParameterException(s.commandLine(), "--timeout: " + timeoutSeconds.toPlainString()
          + " (expected: 0.001-" + MAX_TIMEOUT_MS / 1000 + " seconds)");
    }
    ProxyDhcpSuite.Builder b = ProxyDhcpSuite.builder(ipv4(s, "HOST", host))
        .dhcpPort(dhcpPort).bootServerPort(bootServerPort).clientPort(clientPort)
        .broadcast(broadcast).timeout(Duration.ofMillis(timeoutMillis));
    if (localAddress != null) {
      b.localAddress(ipv4(s, "--local-address", localAddress));
    }
    if (seed != null) {
      b.seed(seed);
    }
    return b.build();
  }

  /** Returns the one line that says why the suite could not run, and what to do. */
  static String runFailure(IOException e, int clientPort) {
    String message = String.valueOf(e.getMessage());
    if (e instanceof BindException && clientPort > 0 && clientPort < PRIVILEGED_PORTS
        && message.contains("ermission")) {
      return "client port " + clientPort + " needs root or CAP_NET_BIND_SERVICE; use"
          + " --client-port 0 against a server that answers the source port";
    }
    if (e instanceof BindException) {
      return "cannot bind client port " + clientPort + ": " + message;
    }
    return "cannot run the suite: " + message;
  }

  private static void checkPort(CommandSpec s, String name, int port, int min) {
    if (port < min || port > MAX_PORT) {
      throw new ParameterException(s.commandLine(),
          name + ": " + port + " (expected: " + min + "-" + MAX_PORT + ")");
    }
  }

  private static Inet4Address ipv4(CommandSpec s, String name, @Nullable String text) {
    try {
      for (InetAddress a : InetAddress.getAllByName(text)) {
        if (a instanceof Inet4Address v4) {
          return v4;
        }
      }
    } catch (UnknownHostException e) {
      // Reported below, like an IPv6-only name.
    }
    throw new ParameterException(s.commandLine(),
        name + ": " + text + " (expected: an IPv4 address or a name with one)");
  }

  private CommandSpec spec() {
    if (spec == null) {
      throw new IllegalStateException("picocli did not inject the command spec");
    }
    return spec;
  }
}
