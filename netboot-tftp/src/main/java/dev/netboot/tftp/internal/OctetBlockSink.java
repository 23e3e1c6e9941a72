package dev.netboot.tftp.internal;

import dev.netboot.tftp.TftpFileException;
import dev.netboot.tftp.TftpWritableFile;
import io.netty.buffer.ByteBuf;
import java.io.IOException;

/** Writes blocks to a file as they are (octet mode). */
public final class OctetBlockSink implements BlockSink {
  private final TftpWritableFile file;

  /**
   * Creates the sink.
   *
   * @param file the file
   */
  public OctetBlockSink(TftpWritableFile file) {
    this.file = file;
  }

  @Override
  public void write(ByteBuf content) throws IOException, TftpFileException {
    if (content.isReadable()) {
      file.write(content.nioBuffer());
    }
  }

  @Override
  public void finish() {
    // nothing held back
  }
}
