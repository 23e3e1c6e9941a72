package dev.netboot.tftp.internal;

import dev.netboot.tftp.TftpFileException;
import io.netty.buffer.ByteBuf;
import java.io.IOException;

/** Where a receiver's blocks go, in order. */
public interface BlockSink {
  /**
   * Takes one block's content.
   *
   * @param content the bytes; read during the call only
   * @throws IOException if they cannot be written
   * @throws TftpFileException if a limit is broken
   */
  void write(ByteBuf content) throws IOException, TftpFileException;

  /**
   * Takes the end of the data: writes what a conversion still holds.
   *
   * @throws IOException if it cannot be written
   * @throws TftpFileException if a limit is broken
   */
  void finish() throws IOException, TftpFileException;
}
