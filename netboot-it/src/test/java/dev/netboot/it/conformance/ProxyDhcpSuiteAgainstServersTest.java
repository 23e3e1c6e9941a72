package dev.netboot.it.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netboot.conformance.dhcp.suite.CheckResult;
import dev.netboot.conformance.dhcp.suite.ProxyDhcpSuite;
import dev.netboot.conformance.dhcp.suite.ProxyDhcpSuiteReport;
import dev.netboot.it.PeerProcess;
import dev.netboot.it.Peers;
import dev.netboot.pxe.BootDecision;
import dev.netboot.pxe.BootPolicies;
import dev.netboot.server.NetbootServer;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ProxyDHCP conformance suite against real servers: our {@link NetbootServer} on loopback,
 * which must pass every check, and dnsmasq in proxy mode, whose report is documentation (written
 * to {@code target/conformance/proxydhcp-dnsmasq.txt}); for dnsmasq the test asserts only that
 * every check ran.
 *
 * <p>dnsmasq answers PXE clients by broadcast to port 68 and only on a real link, so it runs in
 * a network namespace on one end of a veth pair (10.204.0.1/24) and the suite in a second
 * namespace on the other end (10.204.0.2/24), in its own JVM: nothing of this reaches the host's
 * own networks. The suite sends from 10.204.0.2, which is what routes its broadcasts out of the
 * veth (there is no route to 255.255.255.255), and hears dnsmasq's broadcast replies on a second
 * socket on 0.0.0.0: the path a user on a multi-homed host takes with {@code --local-address}.
 * Needs root, {@code ip} and {@code dnsmasq}.
 */
class ProxyDhcpSuiteAgainstServersTest {
  private static final long SEED = 0x8_0DC9L;
  private static final Duration WINDOW = Duration.ofSeconds(2);
  private static final Duration COMMAND = Duration.ofSeconds(10);
  private static final Duration SUITE_RUN = Duration.ofSeconds(90);
  private static final Duration DNSMASQ_START = Duration.ofSeconds(20);
  private static final Path REPORTS = Path.of("target", "conformance");
  private static final String SERVER_ADDRESS = "10.204.0.1";
  private static final String CLIENT_ADDRESS = "10.204.0.2";
  private static final Pattern CHECK_LINE =
      Pattern.compile("(?m)^(PASS|FAIL|SKIP) +([a-z0-9.-]+) ");

  @TempDir Path work;

  @Test
  void ourServerPassesEveryCheck() throws Exception {
    Inet4Address loopback = (Inet4Address) InetAddress.getByName("127.0.0.1");
    try (NetbootServer server = NetbootServer.builder()
        .address(loopback)
        .policy(BootPolicies.always(BootDecision.linux("/vmlinuz", List.of("/initrd"), "quiet")))
        .dhcpPort(0).bootServerPort(0).tftpPort(0).httpPort(0)
        .shutdownGrace(Duration.ZERO)
        .build().start()) {
      ProxyDhcpSuiteReport report = ProxyDhcpSuite.builder(loopback)
          .dhcpPort(server.dhcpPort()).bootServerPort(server.bootServerPort()).clientPort(0)
          .seed(SEED).timeout(WINDOW)
          .build().run();
      write("proxydhcp-netboot", report.toText(), report.toMarkdown());

      assertThat(report.passed()).as(report.toText()).isTrue();
      assertThat(report.count(CheckResult.Status.SKIP)).as(report.toText()).isZero();
    }
  }

  @Test
  void dnsmasqInProxyModeRunsEveryCheck() throws Exception {
    Peers.requireRoot();
    Peers.require("ip");
    // Not Peers.require: its hint would name the "dnsmasq" package, which starts a service.
    Path dnsmasqProgram = Peers.find("dnsmasq").orElseGet(() -> Peers.missing("dnsmasq is"
        + " missing; install it (Debian package dnsmasq-base; netboot-it/install-peers.sh"
        + " installs every peer) to run this test"));
    String suffix = Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000, 0xFFFFF));
    String serverNs = "nbpxs" + suffix;
    String clientNs = "nbpxc" + suffix;
    List<String> createdNs = new ArrayList<>();
    PeerProcess dnsmasq = null;
    try {
      for (String ns : List.of(serverNs, clientNs)) {
        cmd("ip", "netns", "add", ns);
        createdNs.add(ns);
        cmd("ip", "-n", ns, "link", "set", "lo", "up");
      }
      // The veth ends are named after their namespaces; each lives only inside its own.
      cmd("ip", "link", "add", serverNs, "type", "veth", "peer", "name", clientNs);
      cmd("ip", "link", "set", serverNs, "netns", serverNs);
      cmd("ip", "link", "set", clientNs, "netns", clientNs);
      cmd("ip", "-n", serverNs, "addr", "add", SERVER_ADDRESS + "/24", "dev", serverNs);
      cmd("ip", "-n", clientNs, "addr", "add", CLIENT_ADDRESS + "/24", "dev", clientNs);
      cmd("ip", "-n", serverNs, "link", "set", serverNs, "up");
      cmd("ip", "-n", clientNs, "link", "set", clientNs, "up");

      dnsmasq = PeerProcess.start(work.resolve("dnsmasq.log"), List.of(
          "ip", "netns", "exec", serverNs, dnsmasqProgram.toString(),
          "--no-daemon", "--log-facility=-", "--log-dhcp",
          // No system configuration, no DNS, nothing written outside the test's directory.
          "--conf-file=/dev/null", "--port=0", "--user=root",
          "--pid-file=" + work.resolve("dnsmasq.pid"),
          "--dhcp-leasefile=" + work.resolve("dnsmasq.leases"),
          "--interface=" + serverNs, "--bind-interfaces",
          "--dhcp-range=10.204.0.0,proxy",
          "--pxe-service=x86PC,Network boot,undionly.kpxe",
          "--pxe-service=BC_EFI,Network boot,ipxe.efi",
          "--pxe-service=X86-64_EFI,Network boot,ipxe.efi",
          "--pxe-service=ARM64_EFI,Network boot,snp.efi"));
      dnsmasq.awaitOutput("proxy on subnet", DNSMASQ_START);

      Path report = work.resolve("proxydhcp-dnsmasq.txt");
      PeerProcess.Result r = PeerProcess.run(SUITE_RUN, work, null, List.of(
          "ip", "netns", "exec", clientNs, javaCommand(), "-cp",
          System.getProperty("java.class.path"), ProxyDhcpSuiteMain.class.getName(),
          SERVER_ADDRESS, "67", "4011", "68", "broadcast", Long.toString(SEED),
          Long.toString(WINDOW.toMillis()), report.toString(), CLIENT_ADDRESS));
      assertThat(r.exitCode()).as(r.describe() + "\ndnsmasq:\n" + dnsmasq.output()).isZero();
      String text = Files.readString(report, StandardCharsets.UTF_8);
      write("proxydhcp-dnsmasq", text, Files.readString(work.resolve("proxydhcp-dnsmasq.md"),
          StandardCharsets.UTF_8));
      Files.writeString(REPORTS.resolve("proxydhcp-dnsmasq.log"), dnsmasq.output());

      assertThat(checkIds(text)).as(text).containsExactlyElementsOf(allCheckIds());
    } finally {
      if (dnsmasq != null) {
        dnsmasq.close();
      }
      // Deleting a namespace deletes the veth end in it, and with it the pair.
      for (String ns : createdNs) {
        PeerProcess.run(COMMAND, work, null, List.of("ip", "netns", "del", ns));
      }
    }
  }

  /** Every check the suite has, in order: a run against a port where nothing listens. */
  private static List<String> allCheckIds() throws IOException {
    Inet4Address loopback = (Inet4Address) InetAddress.getByName("127.0.0.1");
    int closed;
    try (java.net.DatagramSocket probe = new java.net.DatagramSocket(0, loopback)) {
      closed = probe.getLocalPort();
    }
    return ProxyDhcpSuite.builder(loopback).dhcpPort(closed).bootServerPort(closed)
        .clientPort(0).timeout(Duration.ofMillis(50)).build().run()
        .checks().stream().map(CheckResult::id).toList();
  }

  private static List<String> checkIds(String text) {
    List<String> ids = new ArrayList<>();
    Matcher m = CHECK_LINE.matcher(text);
    while (m.find()) {
      ids.add(m.group(2));
    }
    return ids;
  }

  private static void write(String name, String text, String markdown) throws IOException {
    Files.createDirectories(REPORTS);
    Files.writeString(REPORTS.resolve(name + ".txt"), text, StandardCharsets.UTF_8);
    Files.writeString(REPORTS.resolve(name + ".md"), markdown, StandardCharsets.UTF_8);
  }

  private void cmd(String... command) throws Exception {
    PeerProcess.Result r = PeerProcess.run(COMMAND, work, null, List.of(command));
    assertThat(r.exitCode()).as(String.join(" ", command) + ": " + r.describe()).isZero();
  }

  private static String javaCommand() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
