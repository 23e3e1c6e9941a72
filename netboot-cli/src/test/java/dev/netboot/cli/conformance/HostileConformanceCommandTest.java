package dev.netboot.cli.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netboot.cli.CommandRun;
import dev.netboot.cli.Netboot;
import dev.netboot.pxe.BootDecision;
import dev.netboot.pxe.BootPolicies;
import dev.netboot.server.NetbootServer;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class HostileConformanceCommandTest {

  @Test
  void helpListsTheOptions() {
    CommandRun r = run("conformance", "hostile", "--help");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).startsWith("Usage: netboot conformance hostile")
        .contains("HOST", "--dhcp-port=N", "--boot-server-port=N", "--tftp-port=N",
            "--http-port=N", "--tftp-file=NAME=LOCALPATH", "--outside-root=NAME=LOCALPATH",
            "--cases=N", "--seed=N");
    assertThat(run("conformance", "--help").out()).containsPattern("(?m)^  hostile +Feeds");
  }

  @Test
  void ourServersDhcpSideBreaksNoRule() throws Exception {
    Inet4Address loopback = (Inet4Address) InetAddress.getByName("127.0.0.1");
    try (NetbootServer server = NetbootServer.builder().address(loopback)
        .policy(BootPolicies.always(BootDecision.linux("/vmlinuz", List.of(), "quiet")))
        .dhcpPort(0).bootServerPort(0).tftpPort(0).httpPort(0).shutdownGrace(Duration.ZERO)
        .build().start()) {
      CommandRun r = run("conformance", "hostile", "127.0.0.1",
          "--dhcp-port", Integer.toString(server.dhcpPort()),
          "--boot-server-port", Integer.toString(server.bootServerPort()),
          "--cases", "20", "--seed", "8");

      assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
      assertThat(r.out()).contains("seed 8", "0 violations",
          "PASS dhcp       non-PXE clients", "PASS bootserver truncated header");
    }
  }

  @Test
  void badArgumentsAreUsageErrors() {
    CommandRun none = run("conformance", "hostile", "127.0.0.1");
    CommandRun remote = run("conformance", "hostile", "192.0.2.1", "--dhcp-port", "67");
    CommandRun cases = run("conformance", "hostile", "127.0.0.1", "--dhcp-port", "67",
        "--cases", "0");

    assertThat(none.exitCode()).isEqualTo(2);
    assertThat(none.err()).startsWith("netboot: no port to attack");
    assertThat(remote.exitCode()).isEqualTo(2);
    assertThat(remote.err()).startsWith("netboot: HOST: 192.0.2.1 (expected: an IPv4 loopback");
    assertThat(cases.exitCode()).isEqualTo(2);
    assertThat(cases.err()).startsWith("netboot: --cases: 0 (expected: 1-");
  }

  private static CommandRun run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cmd = Netboot.newCommandLine(new ByteArrayInputStream(new byte[0]));
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    int exitCode = cmd.execute(args);
    return new CommandRun(exitCode, out.toString(), err.toString());
  }
}
