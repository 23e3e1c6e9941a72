package dev.netboot.server.dhcp;

/** Receives the datagrams of a {@link DhcpTransport}. */
@FunctionalInterface
public interface DhcpDatagramHandler {
  /**
   * Handles one datagram, on the transport's event loop: must not block.
   *
   * @param datagram the datagram; its payload is valid only during the call
   * @param replies where answers go, now or later from any thread
   */
  void onDatagram(DhcpDatagram datagram, DhcpReplyChannel replies);
}
