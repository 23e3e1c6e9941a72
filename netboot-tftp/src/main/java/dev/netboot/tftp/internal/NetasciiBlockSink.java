package dev.netboot.tftp.internal;

import dev.netboot.tftp.TftpFileException;
import dev.netboot.tftp.TftpWritableFile;
import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Writes netascii blocks converted back to local text (RFC 1350 section 1, RFC 764): CR LF
 * becomes LF and CR NUL becomes CR. A CR followed by anything else is kept with what follows,
 * as tftp-hpa does, rather than refusing the file. A CR at the end of a block waits for the
 * next block's first byte.
 */
public final class NetasciiBlockSink implements BlockSink {
  private static final byte CR = '\r';
  private static final byte LF = '\n';

  private final TftpWritableFile file;
  private boolean pendingCr;
  private byte[] out = new byte[0];

  /**
   * Creates the sink.
   *
   * @param file the file
   */
  public NetasciiBlockSink(TftpWritableFile file) {
    this.file = file;
  }

  @Override
  public void write(ByteBuf content) throws IOException, TftpFileException {
    int length = content.readableBytes();
    if (out.length < length + 1) {
      out = new byte[length + 1];
    }
    int n = 0;
    for (int i = content.readerIndex(); i < content.writerIndex(); i++) {
      byte b = content.getByte(i);
      if (pendingCr) {
        pendingCr = false;
        if (b == LF) {
          out[n++] = LF;
          continue;
        }
        out[n++] = CR;
        if (b == 0) {
          continue;
        }
      }
      if (b == CR) {
        pendingCr = true;
      } else {
        out[n++] = b;
      }
    }
    if (n > 0) {
      file.write(ByteBuffer.wrap(out, 0, n));
    }
  }

  @Override
  public void finish() throws IOException, TftpFileException {
    if (pendingCr) {
      pendingCr = false;
      file.write(ByteBuffer.wrap(new byte[] {CR}));
    }
  }
}
