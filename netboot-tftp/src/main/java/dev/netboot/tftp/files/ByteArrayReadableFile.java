package dev.netboot.tftp.files;

import dev.netboot.tftp.TftpReadableFile;
import java.nio.ByteBuffer;

/** A file served from a byte array that nobody changes any more; closing it does nothing. */
final class ByteArrayReadableFile implements TftpReadableFile {
  private final byte[] content;

  ByteArrayReadableFile(byte[] content) {
    this.content = content;
  }

  @Override
  public long size() {
    return content.length;
  }

  @Override
  public int read(long position, ByteBuffer dst) {
    if (position < 0) {
      throw new IllegalArgumentException("position: " + position + " (expected: >= 0)");
    }
    if (position >= content.length) {
      return -1;
    }
    int count = (int) Math.min(dst.remaining(), content.length - position);
    dst.put(content, (int) position, count);
    return count;
  }

  @Override
  public void close() {}
}
