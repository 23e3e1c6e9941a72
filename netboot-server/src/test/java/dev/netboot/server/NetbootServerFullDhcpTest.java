package dev.netboot.server;

import static dev.netboot.server.NetbootServerProxyTest.ANSWER;
import static dev.netboot.server.NetbootServerProxyTest.LOOPBACK;
import static dev.netboot.server.NetbootServerProxyTest.SILENCE;
import static dev.netboot.server.NetbootServerProxyTest.ip;
import static dev.netboot.server.NetbootServerProxyTest.mac;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.netboot.dhcp.DhcpMessage;
import dev.netboot.dhcp.DhcpMessageType;
import dev.netboot.dhcp.DhcpOptionType;
import dev.netboot.pxe.BootDecision;
import dev.netboot.pxe.BootPolicies;
import dev.netboot.server.lease.AddressPool;
import java.io.IOException;
import java.net.Inet4Address;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Full DHCP through the server's sockets: DISCOVER, REQUEST, ACK, NAK, RELEASE. */
class NetbootServerFullDhcpTest {
  static final Inet4Address FIRST = ip("192.168.77.10");
  static final Inet4Address LAST = ip("192.168.77.11");

  NetbootServer server;
  UdpTestClient client;

  @BeforeEach
  void start() throws IOException {
    AddressPool pool = AddressPool.builder(FIRST, LAST).subnetMask(ip("255.255.255.0"))
        .routers(java.util.List.of(ip("192.168.77.1"))).build();
    server = NetbootServer.builder().address(LOOPBACK).dhcpMode(DhcpMode.FULL)
        .addressPool(pool).policy(BootPolicies.always(BootDecision.bootFile("custom.efi")))
        .dhcpPort(0).bootServerPort(0).tftpPort(0).httpPort(0)
        .shutdownGrace(Duration.ZERO).build().start();
    client = new UdpTestClient();
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  static DhcpMessage plain(String macText, DhcpMessageType type) {
    return UdpTestClient.capture("dhclient", "001-client-DISCOVER.hex").toBuilder()
        .hardwareAddress(mac(macText)).option(DhcpOptionType.MESSAGE_TYPE, type).build();
  }

  DhcpMessage exchange(DhcpMessage request) throws IOException {
    client.send(request, server.dhcpPort());
    return client.receive(ANSWER).orElseThrow(() -> new AssertionError("no answer to " + request));
  }

  Inet4Address bind(String macText) throws IOException {
    DhcpMessage offer = exchange(plain(macText, DhcpMessageType.DISCOVER));
    assertThat(offer.messageType()).isEqualTo(DhcpMessageType.OFFER);
    DhcpMessage ack = exchange(plain(macText, DhcpMessageType.REQUEST).toBuilder()
        .option(DhcpOptionType.SERVER_IDENTIFIER, LOOPBACK)
        .option(DhcpOptionType.REQUESTED_IP_ADDRESS, offer.yourAddress()).build());
    assertThat(ack.messageType()).isEqualTo(DhcpMessageType.ACK);
    assertThat(ack.yourAddress()).isEqualTo(offer.yourAddress());
    return ack.yourAddress();
  }

  @Test
  void plainClientGetsAnAddressWithTheNetworkParameters() throws IOException {
    DhcpMessage offer = exchange(plain("02:00:00:00:00:01", DhcpMessageType.DISCOVER));
    assertThat(offer.yourAddress()).isEqualTo(FIRST);
    assertThat(offer.option(DhcpOptionType.SUBNET_MASK)).contains(ip("255.255.255.0"));
    assertThat(offer.option(DhcpOptionType.SERVER_IDENTIFIER)).contains(LOOPBACK);
    assertThat(offer.option(DhcpOptionType.IP_ADDRESS_LEASE_TIME)).isPresent();
    assertThat(offer.bootFileName()).isEmpty(); // not a PXE client: no boot part
    assertThat(bind("02:00:00:00:00:01")).isEqualTo(FIRST);
  }

  @Test
  void pxeClientGetsAnAddressAndItsBootFile() throws IOException {
    DhcpMessage discover = UdpTestClient.capture("ovmf-edk2-pxe", "001-client-DISCOVER.hex");
    DhcpMessage offer = exchange(discover);
    assertThat(offer.yourAddress()).isEqualTo(FIRST);
    assertThat(offer.bootFileName()).isEqualTo("custom.efi");
  }

  @Test
  void requestForAnotherClientsAddressOrOutsideThePoolIsNaked() throws IOException {
    Inet4Address a = bind("02:00:00:00:00:01");
    DhcpMessage nak = exchange(plain("02:00:00:00:00:02", DhcpMessageType.REQUEST).toBuilder()
        .option(DhcpOptionType.REQUESTED_IP_ADDRESS, a).build());
    assertThat(nak.messageType()).isEqualTo(DhcpMessageType.NAK);
    assertThat(nak.yourAddress().isAnyLocalAddress()).isTrue();
    DhcpMessage outside = exchange(plain("02:00:00:00:00:02", DhcpMessageType.REQUEST)
        .toBuilder().option(DhcpOptionType.REQUESTED_IP_ADDRESS, ip("10.9.9.9")).build());
    assertThat(outside.messageType()).isEqualTo(DhcpMessageType.NAK);
  }

  @Test
  void requestSelectingAnotherServerIsNotAnswered() throws IOException {
    DhcpMessage offer = exchange(plain("02:00:00:00:00:01", DhcpMessageType.DISCOVER));
    client.send(plain("02:00:00:00:00:01", DhcpMessageType.REQUEST).toBuilder()
        .option(DhcpOptionType.SERVER_IDENTIFIER, ip("192.168.77.254"))
        .option(DhcpOptionType.REQUESTED_IP_ADDRESS, offer.yourAddress()).build(),
        server.dhcpPort());
    assertThat(client.receive(SILENCE)).isEmpty();
  }

  @Test
  void releaseReturnsTheAddressToThePool() throws IOException {
    Inet4Address a = bind("02:00:00:00:00:01");
    assertThat(bind("02:00:00:00:00:02")).isNotEqualTo(a);
    // The pool has two addresses: a third client gets nothing until one is released.
    client.send(plain("02:00:00:00:00:03", DhcpMessageType.DISCOVER), server.dhcpPort());
    assertThat(client.receive(SILENCE)).isEmpty();
    client.send(plain("02:00:00:00:00:01", DhcpMessageType.RELEASE).toBuilder()
        .clientAddress(a).option(DhcpOptionType.SERVER_IDENTIFIER, LOOPBACK).build(),
        server.dhcpPort());
    assertThat(client.receive(SILENCE)).isEmpty(); // RELEASE has no answer
    assertThat(bind("02:00:00:00:00:03")).isEqualTo(a);
  }

  @Test
  void fullModeWithoutAPoolIsRefusedAtBuild() {
    assertThatThrownBy(() -> NetbootServer.builder().dhcpMode(DhcpMode.FULL)
        .policy(BootPolicies.always(BootDecision.ignore())).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("expected");
  }

}
