package dev.netboot.server.internal;

import dev.netboot.dhcp.DhcpMessage;
import dev.netboot.dhcp.DhcpMessageType;
import dev.netboot.dhcp.DhcpOptionType;
import dev.netboot.pxe.FullDhcpReplies;
import dev.netboot.pxe.LeaseOffer;
import dev.netboot.server.lease.Leases;
import dev.netboot.server.lease.RequestResult;
import java.net.Inet4Address;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The full-DHCP answer to one DISCOVER, REQUEST or INFORM (RFC 2131 section 4.3): the lease from
 * {@link Leases}, the message shape from netboot-pxe's {@link FullDhcpReplies}.
 *
 * @param reply the answer, or empty to stay silent
 * @param nak whether it is a NAK (which is addressed differently)
 */
public record FullDhcpAnswer(Optional<DhcpMessage> reply, boolean nak) {
  private static final Logger log = LoggerFactory.getLogger(FullDhcpAnswer.class);
  private static final FullDhcpAnswer NONE = new FullDhcpAnswer(Optional.empty(), false);

  /**
   * Decides the answer.
   *
   * @param request the request
   * @param server this server's address on the request's interface
   * @param leases the lease logic
   * @param replies the reply shapes, with the client's boot decision
   * @param now the time
   * @return the answer
   */
  public static FullDhcpAnswer answer(DhcpMessage request, Inet4Address server,
      @Nullable Leases leases, FullDhcpReplies replies, Instant now) {
    if (leases == null) {
      return NONE;
    }
    DhcpMessageType type = request.messageType();
    String mac = request.hardwareAddressText();
    byte[] chaddr = request.hardwareAddress();
    if (DhcpMessageType.DISCOVER.equals(type)) {
      Inet4Address wanted = request.option(DhcpOptionType.REQUESTED_IP_ADDRESS).orElse(null);
      Optional<LeaseOffer> offer = leases.offer(chaddr, wanted, now);
      if (offer.isEmpty()) {
        log.warn("mac={} dhcp: address pool exhausted, DISCOVER not answered", mac);
        return NONE;
      }
      return new FullDhcpAnswer(replies.answer(request, server, offer.get(), now), false);
    }
    if (DhcpMessageType.REQUEST.equals(type)) {
      Optional<Inet4Address> selected = request.option(DhcpOptionType.SERVER_IDENTIFIER);
      if (selected.isPresent() && !selected.get().equals(server)) {
        // SELECTING another server's offer: ours returns to the pool (RFC 2131 section 4.3.2).
        leases.otherServerSelected(chaddr, now);
        return NONE;
      }
      Inet4Address requested = request.option(DhcpOptionType.REQUESTED_IP_ADDRESS)
          .orElse(request.clientAddress());
      if (requested.isAnyLocalAddress()) {
        return NONE;
      }
      RequestResult result = leases.request(chaddr, requested, now);
      if (result instanceof RequestResult.Ack ack) {
        return new FullDhcpAnswer(replies.answer(request, server, ack.offer(), now), false);
      }
      String reason = ((RequestResult.Nak) result).reason();
      log.info("mac={} dhcp: NAK for {}: {}", mac, requested.getHostAddress(), reason);
      return new FullDhcpAnswer(Optional.of(FullDhcpReplies.nak(request, server, reason)), true);
    }
    if (DhcpMessageType.INFORM.equals(type)) {
      // RFC 2131 section 4.3.5: parameters only; the client configured its address itself.
      Inet4Address ciaddr = request.clientAddress();
      if (ciaddr.isAnyLocalAddress() || !leases.pool().inSubnet(ciaddr)) {
        return NONE;
      }
      return new FullDhcpAnswer(
          replies.answer(request, server, leases.pool().offerFor(ciaddr), now), false);
    }
    return NONE;
  }
}
