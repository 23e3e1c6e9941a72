package dev.netboot.tftp.internal;

import dev.netboot.tftp.TftpReadableFile;
import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.nio.ByteBuffer;

/** Blocks of a file sent as it is (octet mode): block n starts at byte (n - 1) * blksize. */
public final class OctetBlockSource implements BlockSource {
  private final TftpReadableFile file;
  private final int blksize;

  /**
   * Creates the source.
   *
   * @param file the file
   * @param blksize the block size
   */
  public OctetBlockSource(TftpReadableFile file, int blksize) {
    this.file = file;
    this.blksize = blksize;
  }

  @Override
  public int read(long index, ByteBuf dst) throws IOException {
    dst.clear();
    ByteBuffer nio = dst.nioBuffer(0, blksize);
    long position = (index - 1) * blksize;
    // A positional read may return less than asked before the end; only -1 ends the file.
    int idle = 0;
    while (nio.hasRemaining()) {
      int n = file.read(position + nio.position(), nio);
      if (n < 0) {
        break;
      }
      idle = FileReads.checkProgress(n, idle);
    }
    dst.writerIndex(nio.position());
    return nio.position();
  }
}
