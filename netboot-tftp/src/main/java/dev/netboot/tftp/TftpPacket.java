package dev.netboot.tftp;

/**
 * A TFTP packet (RFC 1350 section 5, RFC 2347): one of {@link TftpRequest} (RRQ, WRQ),
 * {@link TftpData}, {@link TftpAck}, {@link TftpError} and {@link TftpOptionAck}.
 *
 * <p>Packets are immutable values compared by content; {@link TftpPacketDecoder} makes them from
 * bytes and {@link TftpPacketEncoder} writes them.
 */
public abstract sealed class TftpPacket
    permits TftpRequest, TftpData, TftpAck, TftpError, TftpOptionAck {
  /** The largest packet of any type: a DATA of the largest block size (RFC 2348), 65468. */
  public static final int MAX_PACKET_SIZE = 4 + TftpOptions.MAX_BLKSIZE;

  TftpPacket() {}

  /** Returns the packet's opcode. */
  public abstract TftpOpcode opcode();
}
