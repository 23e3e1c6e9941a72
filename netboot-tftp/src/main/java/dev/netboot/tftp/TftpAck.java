package dev.netboot.tftp;

import org.jspecify.annotations.Nullable;

/**
 * An ACK packet (RFC 1350 section 5): {@code | 04 | block |}. Block 0 acknowledges a WRQ or an
 * OACK (RFC 2347).
 */
public final class TftpAck extends TftpPacket {
  private final int block;

  private TftpAck(int block) {
    this.block = block;
  }

  /**
   * Returns an ACK of {@code block}.
   *
   * @param block the 16-bit block number
   * @return the packet
   * @throws IllegalArgumentException if {@code block} is outside 0..65535
   */
  public static TftpAck of(int block) {
    return new TftpAck(TftpData.checkBlock(block));
  }

  @Override
  public TftpOpcode opcode() {
    return TftpOpcode.ACK;
  }

  /** Returns the 16-bit block number acknowledged. */
  public int block() {
    return block;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof TftpAck && ((TftpAck) o).block == block;
  }

  @Override
  public int hashCode() {
    return TftpOpcode.ACK.hashCode() * 31 + block;
  }

  @Override
  public String toString() {
    return "ACK(" + block + ")";
  }
}
