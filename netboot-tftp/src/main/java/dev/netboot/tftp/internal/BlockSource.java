package dev.netboot.tftp.internal;

import io.netty.buffer.ByteBuf;
import java.io.IOException;

/**
 * Where a sender's blocks come from. A block may be read again (to retransmit it) as long as
 * it is not older than the first block the peer has not acknowledged.
 */
public interface BlockSource {
  /**
   * Writes block {@code index}'s content into {@code dst}, which is cleared first.
   *
   * @param index the 64-bit block index, from 1
   * @param dst the buffer; at most the block size is written
   * @return the number of bytes written; fewer than the block size marks the last block
   * @throws IOException if the file cannot be read
   */
  int read(long index, ByteBuf dst) throws IOException;
}
