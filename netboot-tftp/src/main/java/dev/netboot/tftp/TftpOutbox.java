package dev.netboot.tftp;

/**
 * Where a {@link TftpTransfer} puts the packets it sends: the transport's side of the sans-IO
 * contract.
 */
@FunctionalInterface
public interface TftpOutbox {
  /**
   * Sends a packet to the transfer's peer. The transport encodes it before this returns
   * ({@link TftpPacketEncoder#encode}), so the transfer may reuse the buffer behind a
   * {@link TftpData}'s content as soon as the call returns; the transport must not keep the
   * packet. Sending never fails from the transfer's point of view: a lost packet is what
   * retransmission is for.
   *
   * @param packet the packet
   */
  void send(TftpPacket packet);
}
