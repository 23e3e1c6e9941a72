package dev.netboot.server.lease;

import dev.netboot.pxe.LeaseOffer;

/**
 * What {@link Leases#request} decided for a DHCPREQUEST (RFC 2131 section 4.3.2): an ACK with
 * the lease, or a NAK with the reason for the client and the log.
 */
public sealed interface RequestResult {
  /**
   * The address is the client's now: answer with a DHCPACK.
   *
   * @param offer the address and its parameters, for {@code FullDhcpReplies.answer}
   */
  record Ack(LeaseOffer offer) implements RequestResult {}

  /**
   * The client may not use the address it asked for: answer with a DHCPNAK, after which the
   * client starts over with a DISCOVER.
   *
   * @param reason why, for option 56 and the log
   */
  record Nak(String reason) implements RequestResult {}
}
