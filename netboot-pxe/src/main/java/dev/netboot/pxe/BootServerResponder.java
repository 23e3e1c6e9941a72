package dev.netboot.pxe;

import dev.netboot.dhcp.DhcpMessage;
import dev.netboot.dhcp.DhcpMessageType;
import dev.netboot.dhcp.DhcpOp;
import java.net.Inet4Address;
import java.time.Instant;
import java.util.Optional;

/**
 * The PXE boot server on UDP 4011 (PXE 2.1 section 2.2.5). Three kinds of request arrive here:
 *
 * <ul>
 *   <li>a boot server request carrying 43.71 (a ROM that chose a menu item): answered with an
 *       ACK naming the item's file, siaddr, and 43.71 echoed; a type that is not in our menu, a
 *       layer other than 0, or a credentials request is ignored;
 *   <li>edk2's BINL request, with no 43 (after an offer with a file and no 43): ACK with the file;
 *   <li>iPXE's ProxyDHCP request, also with no 43: ACK with the file, as on port 67.
 * </ul>
 *
 * <p>Like dnsmasq, whose 4011 answers the captured firmware accepts, the ACK echoes the client's
 * ciaddr in yiaddr. Plain DHCP clients get nothing.
 */
public final class BootServerResponder {
  /** The UDP port of the PXE boot server. */
  public static final int PORT = 4011;

  private final BootAnswers answers;

  /**
   * Creates a responder.
   *
   * @param policy decides what each client boots
   * @param settings the server's HTTP base URL, iPXE binaries and menu
   * @param memory where served iPXE binaries are remembered; the one the
   *     {@link ProxyDhcpResponder} uses
   */
  public BootServerResponder(
      BootPolicy policy, PxeServerSettings settings, ChainloadMemory memory) {
    this.answers = new BootAnswers(policy, settings, memory);
  }

  /**
   * Answers one request received on UDP 4011.
   *
   * @param request the decoded request
   * @param serverAddress this server's address the request was sent to
   * @param now the time, for {@link ChainloadMemory}
   * @return the ACK to send back to the request's source, or empty to stay silent
   */
  public Optional<DhcpMessage> answer(DhcpMessage request, Inet4Address serverAddress, Instant now) {
    DhcpMessageType type = request.messageType();
    if (request.op() != DhcpOp.BOOTREQUEST
        || !(DhcpMessageType.REQUEST.equals(type) || DhcpMessageType.INFORM.equals(type))) {
      return Optional.empty();
    }
    PxeClient client = PxeClient.of(request);
    return answers.forBootServer(client, serverAddress, now)
        .map(boot -> Replies.boot(
            Replies.start(request, DhcpMessageType.ACK, serverAddress)
                .yourAddress(request.clientAddress()),
            request, boot).build())
        .flatMap(reply -> Replies.sendable(reply, client));
  }
}
