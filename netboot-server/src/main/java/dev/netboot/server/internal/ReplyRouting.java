package dev.netboot.server.internal;

import dev.netboot.dhcp.DhcpMessage;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/** Where a DHCP answer goes (RFC 2131 section 4.1, "the server sends its reply"). */
public final class ReplyRouting {
  private static final InetAddress BROADCAST = Ipv4Text.parse("255.255.255.255");

  private ReplyRouting() {}

  /**
   * Returns the destination of an answer on the DHCP port.
   *
   * <ol>
   *   <li>giaddr set: to the relay agent on the server port, which forwards it;
   *   <li>ciaddr set (RENEW, INFORM): to the client's address on the client port;
   *   <li>the datagram came from a real address (a client that already has one, or a test on
   *       loopback): back to where it came from;
   *   <li>else the client has no address yet: broadcast on the client port. Unicasting to yiaddr
   *       would need an ARP entry the JDK cannot add, and the RFC allows broadcast.
   * </ol>
   *
   * @param request the request answered
   * @param sender where the request came from
   * @param serverPort the DHCP server port (67)
   * @param clientPort the DHCP client port (68)
   * @return the destination
   */
  public static InetSocketAddress dhcpRecipient(
      DhcpMessage request, InetSocketAddress sender, int serverPort, int clientPort) {
    Inet4Address giaddr = request.gatewayAddress();
    if (!giaddr.isAnyLocalAddress()) {
      return new InetSocketAddress(giaddr, serverPort);
    }
    Inet4Address ciaddr = request.clientAddress();
    if (!ciaddr.isAnyLocalAddress()) {
      return new InetSocketAddress(ciaddr, clientPort);
    }
    if (!sender.getAddress().isAnyLocalAddress()) {
      return sender;
    }
    return new InetSocketAddress(BROADCAST, clientPort);
  }

  /**
   * Returns the destination of a NAK: like any answer, except that a client with ciaddr set is
   * not unicast to, since the address it thinks it has is the one being refused (RFC 2131
   * section 4.1: NAKs are broadcast when not relayed).
   */
  public static InetSocketAddress nakRecipient(
      DhcpMessage request, InetSocketAddress sender, int serverPort, int clientPort) {
    Inet4Address giaddr = request.gatewayAddress();
    if (!giaddr.isAnyLocalAddress()) {
      return new InetSocketAddress(giaddr, serverPort);
    }
    if (!sender.getAddress().isAnyLocalAddress() && !sender.getAddress().equals(request.clientAddress())) {
      return sender;
    }
    return new InetSocketAddress(BROADCAST, clientPort);
  }
}
