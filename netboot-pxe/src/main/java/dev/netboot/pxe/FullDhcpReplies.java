package dev.netboot.pxe;

import dev.netboot.dhcp.DhcpMessage;
import dev.netboot.dhcp.DhcpMessageType;
import dev.netboot.dhcp.DhcpOp;
import dev.netboot.dhcp.DhcpOptionType;
import java.net.Inet4Address;
import java.time.Instant;
import java.util.Optional;

/**
 * Reply shapes for a server that is the network's DHCP server too: the address from a
 * {@link LeaseOffer} (which the server's lease logic decides) plus, for network-boot clients, the
 * same boot part the {@link ProxyDhcpResponder} sends. Plain DHCP clients get an address and no
 * boot part.
 */
public final class FullDhcpReplies {
  private final BootAnswers answers;

  /**
   * Creates the reply builder.
   *
   * @param policy decides what each client boots
   * @param settings the server's HTTP base URL, iPXE binaries and menu
   * @param memory where served iPXE binaries are remembered
   */
  public FullDhcpReplies(BootPolicy policy, PxeServerSettings settings, ChainloadMemory memory) {
    this.answers = new BootAnswers(policy, settings, memory);
  }

  /**
   * Answers a DISCOVER with an OFFER, a REQUEST with an ACK of the lease, an INFORM with an ACK
   * and no address (RFC 2131 section 4.3). The server checks that a REQUEST asks for the leased
   * address and uses {@link #nak} when it does not.
   *
   * @param request the decoded request
   * @param serverAddress this server's address on the request's interface
   * @param lease the address and parameters for this client
   * @param now the time, for {@link ChainloadMemory}
   * @return the reply, or empty for other message types or a REQUEST for another server
   */
  public Optional<DhcpMessage> answer(
      DhcpMessage request, Inet4Address serverAddress, LeaseOffer lease, Instant now) {
    DhcpMessageType type = request.messageType();
    if (request.op() != DhcpOp.BOOTREQUEST || type == null) {
      return Optional.empty();
    }
    boolean inform = type.equals(DhcpMessageType.INFORM);
    DhcpMessageType replyType;
    if (type.equals(DhcpMessageType.DISCOVER)) {
      replyType = DhcpMessageType.OFFER;
    } else if (type.equals(DhcpMessageType.REQUEST) || inform) {
      if (!ProxyDhcpResponder.addressedToUs(request, serverAddress)) {
        return Optional.empty();
      }
      replyType = DhcpMessageType.ACK;
    } else {
      return Optional.empty();
    }
    DhcpMessage.Builder b = Replies.start(request, replyType, serverAddress);
    if (inform) {
      b.yourAddress(Replies.ZERO); // RFC 2131 section 4.3.5: no address, no lease time
    } else {
      b.yourAddress(lease.address())
          .option(DhcpOptionType.IP_ADDRESS_LEASE_TIME, lease.leaseTime().getSeconds());
    }
    b.option(DhcpOptionType.SUBNET_MASK, lease.subnetMask());
    if (!lease.routers().isEmpty()) {
      b.option(DhcpOptionType.ROUTERS, lease.routers());
    }
    if (!lease.dnsServers().isEmpty()) {
      b.option(DhcpOptionType.DOMAIN_NAME_SERVERS, lease.dnsServers());
    }
    PxeClient client = PxeClient.of(request);
    answers.forDiscovery(client, serverAddress, now).ifPresent(boot -> Replies.boot(b, request, boot));
    return Replies.sendable(b.build(), client);
  }

  /** Returns a NAK for a REQUEST the server cannot grant (RFC 2131 section 4.3.2). */
  public static DhcpMessage nak(DhcpMessage request, Inet4Address serverAddress, String message) {
    return Replies.start(request, DhcpMessageType.NAK, serverAddress)
        .serverAddress(Replies.ZERO)
        .clientAddress(Replies.ZERO)
        .option(DhcpOptionType.MESSAGE, message)
        .build();
  }
}
