package dev.netboot.tftp;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * A file being served. Reads are positional, so a transfer can resend any block of its window
 * without keeping the bytes it already sent.
 */
public interface TftpReadableFile extends Closeable {
  /** Returns the size in bytes, or -1 when it is not known in advance (then no {@code tsize}). */
  long size();

  /**
   * Reads up to {@code dst.remaining()} bytes from {@code position}.
   *
   * @param position the byte offset in the file
   * @param dst where the bytes go
   * @return the number of bytes read, or -1 at the end of the file
   * @throws IOException if the file cannot be read
   */
  int read(long position, ByteBuffer dst) throws IOException;
}
