package dev.netboot.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netboot.dhcp.DhcpMessage;
import dev.netboot.dhcp.DhcpMessageType;
import dev.netboot.dhcp.DhcpOptionType;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** RFC 2131 section 4.1 reply addressing. */
class ReplyRoutingTest {
  static final InetSocketAddress FROM_NOWHERE = new InetSocketAddress(Ipv4Text.parse("0.0.0.0"), 68);
  static final InetSocketAddress FROM_CLIENT =
      new InetSocketAddress(Ipv4Text.parse("10.0.0.7"), 40000);

  static DhcpMessage.Builder request() {
    return DhcpMessage.builder().transactionId(1).hardwareAddress(new byte[] {2, 0, 0, 0, 0, 1})
        .option(DhcpOptionType.MESSAGE_TYPE, DhcpMessageType.DISCOVER);
  }

  @Test
  void relayedRequestsGoBackToTheRelayOnTheServerPort() {
    DhcpMessage m = request().gatewayAddress(Ipv4Text.parse("10.1.0.1"))
        .clientAddress(Ipv4Text.parse("10.1.0.9")).build();
    assertThat(ReplyRouting.dhcpRecipient(m, FROM_CLIENT, 67, 68))
        .isEqualTo(new InetSocketAddress(Ipv4Text.parse("10.1.0.1"), 67));
    assertThat(ReplyRouting.nakRecipient(m, FROM_CLIENT, 67, 68))
        .isEqualTo(new InetSocketAddress(Ipv4Text.parse("10.1.0.1"), 67));
  }

  @Test
  void clientWithAnAddressIsUnicastOnTheClientPort() {
    DhcpMessage m = request().clientAddress(Ipv4Text.parse("10.0.0.9")).build();
    assertThat(ReplyRouting.dhcpRecipient(m, FROM_CLIENT, 67, 68))
        .isEqualTo(new InetSocketAddress(Ipv4Text.parse("10.0.0.9"), 68));
  }

  @Test
  void clientWithoutAnAddressIsAnsweredByBroadcast() {
    assertThat(ReplyRouting.dhcpRecipient(request().build(), FROM_NOWHERE, 67, 6868))
        .isEqualTo(new InetSocketAddress(Ipv4Text.parse("255.255.255.255"), 6868));
  }

  @Test
  void unicastSenderWithoutCiaddrIsAnsweredWhereItSentFrom() {
    assertThat(ReplyRouting.dhcpRecipient(request().build(), FROM_CLIENT, 67, 68))
        .isEqualTo(FROM_CLIENT);
  }

  @Test
  void nakIsNotUnicastToTheAddressBeingRefused() {
    DhcpMessage m = request().clientAddress(Ipv4Text.parse("10.0.0.7")).build();
    assertThat(ReplyRouting.nakRecipient(m, FROM_CLIENT, 67, 68))
        .isEqualTo(new InetSocketAddress(Ipv4Text.parse("255.255.255.255"), 68));
  }
}
