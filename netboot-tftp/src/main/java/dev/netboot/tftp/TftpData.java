package dev.netboot.tftp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import org.jspecify.annotations.Nullable;

/**
 * A DATA packet (RFC 1350 section 5): {@code | 03 | block | 0..blksize bytes |}.
 *
 * <p><b>Ownership.</b> The content is a view, not a copy: a decoded packet's content is a slice
 * of the buffer it was decoded from, and a transfer's outgoing packet's content is a slice of the
 * transfer's own buffer. It is valid only as long as that buffer is: the receiver of a packet
 * must use (or copy) the bytes before the buffer is released or reused, and the packet neither
 * retains nor releases it. This keeps the fast path free of copies; {@link #equals} compares the
 * readable bytes, so two packets with equal content are equal wherever they live.
 */
public final class TftpData extends TftpPacket {
  /** The largest block number; the next block after it is 0 or 1 (block number rollover). */
  public static final int MAX_BLOCK = 0xFFFF;

  private final int block;
  private final ByteBuf content;

  private TftpData(int block, ByteBuf content) {
    this.block = block;
    this.content = content;
  }

  /**
   * Returns a DATA packet over {@code content}'s readable bytes, which it does not copy.
   *
   * @param block the 16-bit block number
   * @param content the data, at most {@link TftpOptions#MAX_BLKSIZE} readable bytes
   * @return the packet
   * @throws IllegalArgumentException if the block is outside 0..65535 or the content too long
   */
  public static TftpData of(int block, ByteBuf content) {
    if (content.readableBytes() > TftpOptions.MAX_BLKSIZE) {
      throw new IllegalArgumentException("content: " + content.readableBytes()
          + " bytes (expected: at most " + TftpOptions.MAX_BLKSIZE + ")");
    }
    return new TftpData(checkBlock(block), content);
  }

  static int checkBlock(int block) {
    if (block < 0 || block > MAX_BLOCK) {
      throw new IllegalArgumentException("block: " + block + " (expected: 0-" + MAX_BLOCK + ")");
    }
    return block;
  }

  @Override
  public TftpOpcode opcode() {
    return TftpOpcode.DATA;
  }

  /** Returns the 16-bit block number. */
  public int block() {
    return block;
  }

  /**
   * Returns the data: a view whose readable bytes are the block's content. See the class
   * comment for how long it stays valid; do not change its indexes.
   */
  public ByteBuf content() {
    return content;
  }

  /** Returns the number of data bytes. */
  public int length() {
    return content.readableBytes();
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof TftpData
        && ((TftpData) o).block == block
        && ByteBufUtil.equals(((TftpData) o).content, content);
  }

  @Override
  public int hashCode() {
    return block * 31 + ByteBufUtil.hashCode(content);
  }

  @Override
  public String toString() {
    return "DATA(" + block + ", " + content.readableBytes() + " bytes)";
  }
}
