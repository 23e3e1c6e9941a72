package dev.netboot.pxe;

import dev.netboot.dhcp.DhcpMessage;
import dev.netboot.dhcp.DhcpMessageType;
import dev.netboot.dhcp.DhcpOp;
import dev.netboot.dhcp.DhcpOptionType;
import dev.netboot.dhcp.DhcpParseException;
import java.net.Inet4Address;
import java.time.Instant;
import java.util.Optional;

/**
 * The ProxyDHCP server on UDP 67 (PXE 2.1 section 2.2.3): answers network-boot clients with boot
 * instructions and no address, next to the network's own DHCP server.
 *
 * <p>It answers DISCOVER with OFFER, and REQUEST (unless addressed to another server by option
 * 54) and INFORM with ACK, from PXE and HTTP Boot clients only, never from a plain DHCP client.
 * A reply has option 60 {@code PXEClient} (or {@code HTTPClient}), option 54, siaddr, yiaddr 0,
 * option 97 echoed only when the client sent it, and per family:
 *
 * <ul>
 *   <li>BIOS PXE ROM: the menu trick (43 with one item, prompt timeout 0); the ROM then asks
 *       {@link BootServerResponder} on 4011 for the item and gets the file there;
 *   <li>UEFI PXE: the file and no 43, which edk2 takes as a BINL offer and follows up on 4011;
 *   <li>UEFI HTTP Boot: the URL, vendor class {@code HTTPClient};
 *   <li>iPXE: the script URL (see {@link BootChain}).
 * </ul>
 *
 * <p>Pure but for the {@link ChainloadMemory} it records in; thread-safe.
 */
public final class ProxyDhcpResponder {
  private final BootAnswers answers;

  /**
   * Creates a responder.
   *
   * @param policy decides what each client boots
   * @param settings the server's HTTP base URL, iPXE binaries and menu
   * @param memory where served iPXE binaries are remembered; share it with the
   *     {@link BootServerResponder}
   */
  public ProxyDhcpResponder(
      BootPolicy policy, PxeServerSettings settings, ChainloadMemory memory) {
    this.answers = new BootAnswers(policy, settings, memory);
  }

  /**
   * Answers one request received on UDP 67.
   *
   * @param request the decoded request
   * @param serverAddress this server's address on the interface the request came in on
   * @param now the time, for {@link ChainloadMemory}
   * @return the reply to send, or empty to stay silent
   */
  public Optional<DhcpMessage> answer(DhcpMessage request, Inet4Address serverAddress, Instant now) {
    DhcpMessageType type = request.messageType();
    if (request.op() != DhcpOp.BOOTREQUEST || type == null) {
      return Optional.empty();
    }
    DhcpMessageType replyType;
    if (type.equals(DhcpMessageType.DISCOVER)) {
      replyType = DhcpMessageType.OFFER;
    } else if (type.equals(DhcpMessageType.REQUEST) || type.equals(DhcpMessageType.INFORM)) {
      if (!addressedToUs(request, serverAddress)) {
        return Optional.empty();
      }
      replyType = DhcpMessageType.ACK;
    } else {
      return Optional.empty();
    }
    PxeClient client = PxeClient.of(request);
    return answers.forDiscovery(client, serverAddress, now)
        .map(boot -> Replies.boot(
            Replies.start(request, replyType, serverAddress).yourAddress(Replies.ZERO),
            request, boot).build())
        .flatMap(reply -> Replies.sendable(reply, client));
  }

  /** A REQUEST that selects another server's offer (option 54) is not for a proxy. */
  static boolean addressedToUs(DhcpMessage request, Inet4Address serverAddress) {
    try {
      return request.option(DhcpOptionType.SERVER_IDENTIFIER)
          .map(serverAddress::equals).orElse(true);
    } catch (DhcpParseException e) {
      return false;
    }
  }
}
