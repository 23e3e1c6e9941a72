package dev.netboot.cli.server;

import static dev.netboot.cli.CommandRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.netboot.cli.CommandRun;
import dev.netboot.server.simulation.BootTrace;
import dev.netboot.server.simulation.Firmware;
import dev.netboot.server.simulation.SimulatedMachine;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiCommandTest {
  @TempDir Path dir;

  @Test
  void bootsWhatTheApiSaysWithFileUrlsServedFromTheCatalog() throws Exception {
    Path kernel = Files.write(dir.resolve("vmlinuz"), new byte[60_000]);
    Path ipxe = Files.createDirectory(dir.resolve("ipxe"));
    Files.write(ipxe.resolve("ipxe.efi"), new byte[80_000]);
    List<String> asked = new CopyOnWriteArrayList<>();
    HttpServer api = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    api.createContext("/v1/boot/", exchange -> {
      asked.add(exchange.getRequestURI().getPath());
      byte[] body = ("{\"kernel\": \"" + kernel.toUri() + "\", \"cmdline\": \"from-api=1\"}")
          .getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    api.start();
    try (RunningCommand cmd = new RunningCommand("api",
        "http://127.0.0.1:" + api.getAddress().getPort(), "--address", "127.0.0.1",
        "--ipxe-dir", ipxe.toString(), "--dhcp-port", "0", "--boot-server-port", "0",
        "--tftp-port", "0", "--http-port", "0")) {
      int[] ports = cmd.ports();
      BootTrace trace = SimulatedMachine.builder("52:54:00:bb:00:02")
          .firmware(Firmware.UEFI_PXE).server(BootCommandTest.loopback())
          .dhcpPort(ports[0]).bootServerPort(ports[1]).tftpPort(ports[2]).build().boot();

      assertThat(trace.failure()).isEmpty();
      assertThat(trace.steps("HTTP kernel").get(0).bytes()).isEqualTo(60_000);
      assertThat(trace.steps("HTTP kernel").get(0).detail()).contains("/f/", "/vmlinuz");
      assertThat(asked).contains("/v1/boot/52:54:00:bb:00:02");
      assertThat(cmd.stop()).isZero();
      assertThat(cmd.out()).contains("Serving boot decisions from http://127.0.0.1:")
          .endsWith("Stopped.\n");
    } finally {
      api.stop(0);
    }
  }

  @Test
  void aUrlThatIsNotHttpIsAUsageError() {
    CommandRun r = run("api", "ftp://example.org/");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).startsWith("netboot: URL: ftp://example.org/ (expected: an http://");
  }

  @Test
  void helpListsTheOptions() {
    CommandRun r = run("api", "--help");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).startsWith("Usage: netboot api").contains("URL", "--api-timeout",
        "--dhcp=proxy|full", "--loader=ipxe|pxelinux", "--tftp-port=N");
    assertThat(run("--help").out()).containsPattern("(?m)^  api +Boots network-booting");
  }
}
