package dev.netboot.it.conformance;

import dev.netboot.conformance.dhcp.suite.ProxyDhcpSuite;
import dev.netboot.conformance.dhcp.suite.ProxyDhcpSuiteReport;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Runs {@link ProxyDhcpSuite} in a separate JVM, so that a test can run it inside a network
 * namespace ({@code ip netns exec NS java -cp ... ProxyDhcpSuiteMain ...}): a JVM cannot move
 * its own sockets into another namespace.
 *
 * <pre>
 *   SERVER DHCP_PORT BOOT_SERVER_PORT CLIENT_PORT broadcast|unicast SEED WINDOW_MS REPORT [LOCAL]
 * </pre>
 *
 * <p>LOCAL, when given, is the address to send from ({@code ProxyDhcpSuite.Builder#localAddress}).
 *
 * <p>Writes the text report to REPORT and the Markdown table next to it ({@code .md}); exits 0
 * when the suite ran, whatever the server did, and 1 when it could not run.
 */
public final class ProxyDhcpSuiteMain {
  private ProxyDhcpSuiteMain() {}

  /** Runs the suite; see the class comment. */
  public static void main(String[] args) throws Exception {
    ProxyDhcpSuiteReport report;
    try {
      ProxyDhcpSuite.Builder suite =
          ProxyDhcpSuite.builder((Inet4Address) InetAddress.getByName(args[0]))
              .dhcpPort(Integer.parseInt(args[1]))
              .bootServerPort(Integer.parseInt(args[2]))
              .clientPort(Integer.parseInt(args[3]))
              .broadcast(args[4].equals("broadcast"))
              .seed(Long.parseLong(args[5]))
              .timeout(Duration.ofMillis(Long.parseLong(args[6])));
      if (args.length > 8) {
        suite.localAddress((Inet4Address) InetAddress.getByName(args[8]));
      }
      report = suite.build().run();
    } catch (IOException e) {
      System.err.println("cannot run the suite: " + e);
      System.exit(1);
      return;
    }
    Path text = Path.of(args[7]);
    Files.writeString(text, report.toText(), StandardCharsets.UTF_8);
    Files.writeString(text.resolveSibling(text.getFileName().toString().replaceFirst(
        "\\.txt$", "") + ".md"), report.toMarkdown(), StandardCharsets.UTF_8);
    System.out.println(report.summary());
  }
}
