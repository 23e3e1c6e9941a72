package dev.netboot.server;

import static dev.netboot.server.NetbootServerProxyTest.ANSWER;
import static dev.netboot.server.NetbootServerProxyTest.LOOPBACK;
import static dev.netboot.server.NetbootServerProxyTest.ip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.netboot.dhcp.DhcpMessage;
import dev.netboot.dhcp.DhcpOptionCode;
import dev.netboot.pxe.BootDecision;
import dev.netboot.pxe.BootPolicies;
import dev.netboot.tftp.udp.TftpClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Wiring of the facade: loaders, errors, listeners. */
class NetbootServerTest {
  static final BootDecision LINUX =
      BootDecision.linux("/f/k/vmlinuz", List.of("/f/i/initrd"), "quiet");

  @TempDir Path dir;

  static NetbootServer.Builder local() {
    return NetbootServer.builder().address(LOOPBACK).dhcpPort(0).bootServerPort(0).tftpPort(0)
        .httpPort(0).shutdownGrace(Duration.ZERO);
  }

  static DhcpMessage vendorBiosRom(String file) {
    return UdpTestClient.capture("seabios-ipxe-rom", file).toBuilder()
        .removeOption(DhcpOptionCode.USER_CLASS).removeOption(DhcpOptionCode.IPXE_ENCAPSULATED)
        .build();
  }

  @Test
  void pxelinuxLoaderGivesBiosRomsLpxelinuxAndAGeneratedConfig() throws IOException {
    Files.write(dir.resolve("lpxelinux.0"), new byte[] {9, 9});
    try (NetbootServer server = local().policy(BootPolicies.always(LINUX))
            .loader(Loader.PXELINUX).pxelinuxDirectory(dir).build().start();
        UdpTestClient client = new UdpTestClient();
        TftpClient tftp = TftpClient.create()) {
      DhcpMessage request = vendorBiosRom("006-client-REQUEST.hex");
      client.send(request, server.bootServerPort());
      DhcpMessage ack = client.receive(ANSWER).orElseThrow();
      assertThat(ack.bootFileName()).isEqualTo("lpxelinux.0");
      InetSocketAddress tftpServer = new InetSocketAddress(LOOPBACK, server.tftpPort());
      ByteArrayOutputStream loader = new ByteArrayOutputStream();
      tftp.get(tftpServer, "lpxelinux.0", Map.of(), loader);
      assertThat(loader.toByteArray()).containsExactly(9, 9);
      ByteArrayOutputStream config = new ByteArrayOutputStream();
      String name = "pxelinux.cfg/01-" + request.hardwareAddressText().replace(':', '-');
      tftp.get(tftpServer, name, Map.of(), config);
      String base = "http://127.0.0.1:" + server.httpPort();
      assertThat(config.toString(StandardCharsets.UTF_8))
          .contains(base + "/f/k/vmlinuz").contains(base + "/f/i/initrd").contains("quiet");
      assertThatThrownBy(() -> tftp.get(tftpServer, "pxelinux.cfg/default", Map.of(),
          new ByteArrayOutputStream())).isInstanceOf(IOException.class);

      // UEFI clients still chain iPXE.
      client.send(UdpTestClient.capture("ovmf-edk2-pxe", "001-client-DISCOVER.hex"),
          server.dhcpPort());
      assertThat(client.receive(ANSWER).orElseThrow().bootFileName()).isEqualTo("ipxe.efi");
    }
  }

  @Test
  void aListenerThatThrowsDoesNotStopAnswers() throws IOException {
    try (NetbootServer server = local().policy(BootPolicies.always(LINUX))
            .listener(e -> {
              throw new IllegalStateException("listener bug");
            }).build().start();
        UdpTestClient client = new UdpTestClient()) {
      client.send(UdpTestClient.capture("ovmf-edk2-pxe", "001-client-DISCOVER.hex"),
          server.dhcpPort());
      assertThat(client.receive(ANSWER)).isPresent();
    }
  }

  @Test
  void requestsBeyondTheDecisionsInFlightAreDroppedAndReported() throws Exception {
    List<NetbootEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
    try (NetbootServer server = local().maxDecisionsInFlight(1)
            .asyncPolicy(c -> new java.util.concurrent.CompletableFuture<>())
            .listener(events::add).build().start();
        UdpTestClient client = new UdpTestClient()) {
      DhcpMessage discover = UdpTestClient.capture("ovmf-edk2-pxe", "001-client-DISCOVER.hex");
      client.send(discover, server.dhcpPort());
      client.send(discover.toBuilder().hardwareAddress(new byte[] {2, 0, 0, 0, 0, 7}).build(),
          server.dhcpPort());
      NetbootServerProxyTest.waitFor(() -> events.stream().anyMatch(
          e -> e instanceof NetbootEvent.ServiceError s && "02:00:00:00:00:07".equals(s.mac())
              && s.message().contains("in flight")));
      assertThat(client.receive(NetbootServerProxyTest.SILENCE)).isEmpty();
    }
  }

  @Test
  void anAddressNotOnThisHostIsRefusedClearlyAndNothingStaysBound() {
    assertThatThrownBy(() -> local().address(ip("192.0.2.77"))
        .policy(BootPolicies.always(LINUX)).build().start())
        .isInstanceOf(IOException.class).hasMessageContaining("192.0.2.77 is not on this host");
  }

  @Test
  void aPortInUseIsNamedAndWhatWasBoundIsClosed() throws IOException {
    try (DatagramSocket taken = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0))) {
      int port = taken.getLocalPort();
      NetbootServer.Builder b = local().dhcpPort(port).policy(BootPolicies.always(LINUX));
      assertThatThrownBy(() -> b.build().start()).isInstanceOf(IOException.class)
          .hasMessageContaining("DHCP").hasMessageContaining(Integer.toString(port));
    }
  }

  @Test
  void portsAreCheckedAtOnce() {
    assertThatThrownBy(() -> NetbootServer.builder().dhcpPort(70000))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected");
    assertThatThrownBy(() -> NetbootServer.builder().build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("policy");
  }
}
