package dev.netboot.tftp.internal;

import dev.netboot.tftp.TftpReadableFile;
import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Blocks of a file converted to netascii on the fly (RFC 1350 section 1, RFC 764): LF becomes
 * CR LF and CR becomes CR NUL. Converted blocks do not start at a computable file offset, so
 * the source keeps, for each block of the window, where its conversion starts: the file offset
 * and the second byte of a pair split by the previous block's end. That is what lets a window
 * be resent without keeping its bytes.
 */
public final class NetasciiBlockSource implements BlockSource {
  private static final byte CR = '\r';
  private static final byte LF = '\n';

  private final TftpReadableFile file;
  private final int blksize;
  private final long[] startOffsets;
  private final int[] startPending;
  private final byte[] raw;
  private long frontier = 1;

  /**
   * Creates the source.
   *
   * @param file the file
   * @param blksize the block size
   * @param windowsize the most blocks between the first unacknowledged one and the next sent
   */
  public NetasciiBlockSource(TftpReadableFile file, int blksize, int windowsize) {
    this.file = file;
    this.blksize = blksize;
    this.startOffsets = new long[windowsize + 2];
    this.startPending = new int[windowsize + 2];
    this.startPending[1 % startPending.length] = -1;
    this.raw = new byte[blksize];
  }

  @Override
  public int read(long index, ByteBuf dst) throws IOException {
    if (index > frontier || index < frontier - startOffsets.length + 1) {
      throw new IllegalStateException("block " + index + " outside the kept window");
    }
    int slot = (int) (index % startOffsets.length);
    long offset = startOffsets[slot];
    int pending = startPending[slot];
    dst.clear();
    if (pending >= 0) {
      dst.writeByte(pending);
      pending = -1;
    }
    int idle = 0;
    while (dst.writerIndex() < blksize) {
      // Each file byte makes at least one output byte, so this never reads more than fits.
      int n = file.read(offset, ByteBuffer.wrap(raw, 0, blksize - dst.writerIndex()));
      if (n < 0) {
        break;
      }
      idle = FileReads.checkProgress(n, idle);
      for (int i = 0; i < n; i++) {
        byte b = raw[i];
        if (dst.writerIndex() == blksize) {
          n = i;
          break;
        }
        if (b == LF || b == CR) {
          dst.writeByte(CR);
          int second = b == LF ? LF : 0;
          if (dst.writerIndex() < blksize) {
            dst.writeByte(second);
          } else {
            pending = second;
          }
        } else {
          dst.writeByte(b);
        }
      }
      offset += n;
    }
    if (index == frontier) {
      int next = (int) ((index + 1) % startOffsets.length);
      startOffsets[next] = offset;
      startPending[next] = pending;
      frontier = index + 1;
    }
    return dst.writerIndex();
  }
}
