package dev.netboot.server.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.netboot.tftp.udp.TftpClient;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IpxeRunTest {
  private static final Map<String, String> FILES = Map.of(
      "/first.ipxe", "#!ipxe\necho hello\nchain second.ipxe\n",
      "/second.ipxe", "#!ipxe\nkernel /k/vmlinuz console=ttyS0 || goto failed\n"
          + "initrd ../k/initrd.img\nboot\n:failed\nshell\n",
      "/k/vmlinuz", "KERNEL",
      "/k/initrd.img", "INITRD",
      "/loop.ipxe", "#!ipxe\nchain loop.ipxe\n",
      "/noboot.ipxe", "#!ipxe\nkernel /k/vmlinuz\n",
      "/exit.ipxe", "#!ipxe\nexit\n",
      "/setting.ipxe", "#!ipxe\nkernel ${base}/vmlinuz\nboot\n");

  @Test
  void followsAChainedScriptAndResolvesRelativeUrls() throws Exception {
    StepLog log = new StepLog("52:54:00:00:00:01", step -> {});
    run("/first.ipxe", log);

    assertThat(log.steps()).extracting(BootStep::name)
        .containsExactly("HTTP script", "HTTP script", "HTTP kernel", "HTTP initrd");
    assertThat(log.steps().get(2).detail()).contains("/k/vmlinuz");
    assertThat(log.steps().get(3).detail()).contains("/k/initrd.img");
    assertThat(log.steps().get(3).bytes()).isEqualTo(6);
  }

  @Test
  void scriptsThatDoNotBootAKernelFail() {
    assertThatThrownBy(() -> run("/loop.ipxe", new StepLog("m", s -> {})))
        .isInstanceOf(BootFailure.class)
        .hasMessageContaining("more than " + IpxeRun.MAX_SCRIPT_DEPTH + " chained scripts");
    assertThatThrownBy(() -> run("/noboot.ipxe", new StepLog("m", s -> {})))
        .hasMessageContaining("ends without 'boot'");
    assertThatThrownBy(() -> run("/exit.ipxe", new StepLog("m", s -> {})))
        .hasMessageContaining("runs 'exit'");
    assertThatThrownBy(() -> run("/setting.ipxe", new StepLog("m", s -> {})))
        .hasMessageContaining("without a literal URL");
    assertThatThrownBy(() -> run("/k/vmlinuz", new StepLog("m", s -> {})))
        .hasMessageContaining("not an iPXE script");
  }

  private static void run(String path, StepLog log) throws Exception {
    try (TinyHttpServer http = new TinyHttpServer(LoopbackPxeServer.LOOPBACK, uri -> {
          String body = FILES.get(uri.getPath());
          return body == null ? null : body.getBytes(StandardCharsets.UTF_8);
        });
        TftpClient tftp = TftpClient.create()) {
      new IpxeRun(SimulatedMachine.newHttpClient(Duration.ofSeconds(2)), tftp,
          Duration.ofSeconds(5), log).runUrl(URI.create("http://127.0.0.1:" + http.port() + path));
    }
  }
}
