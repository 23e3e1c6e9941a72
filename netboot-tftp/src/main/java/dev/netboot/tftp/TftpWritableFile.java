package dev.netboot.tftp;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * A file being received. Bytes arrive in order; the file appears to readers only on
 * {@link #commit()}, so a failed upload leaves nothing behind.
 */
public interface TftpWritableFile extends Closeable {
  /**
   * Appends bytes.
   *
   * @param src the bytes, all of which are written
   * @throws IOException if they cannot be written
   * @throws TftpFileException if the upload breaks a limit (3 disk full or allocation exceeded)
   */
  void write(ByteBuffer src) throws IOException, TftpFileException;

  /**
   * Makes the complete file visible under its name.
   *
   * @throws IOException if it cannot be moved into place
   */
  void commit() throws IOException;

  /** Discards what was written; closing without committing does the same. */
  @Override
  void close();
}
