package dev.netboot.tftp;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

/** Files over byte arrays for tests in every package, with no behaviour of their own. */
public final class TestFiles {
  private TestFiles() {}

  /** Returns a file that reads {@code content}, as much per call as fits. */
  public static TftpReadableFile readable(byte[] content) {
    return new TftpReadableFile() {
      @Override
      public long size() {
        return content.length;
      }

      @Override
      public int read(long position, ByteBuffer dst) {
        if (position >= content.length) {
          return -1;
        }
        int n = (int) Math.min(dst.remaining(), content.length - position);
        dst.put(content, (int) position, n);
        return n;
      }

      @Override
      public void close() {}
    };
  }

  /** Returns a file that appends to {@code into} and runs {@code onCommit} on commit. */
  public static TftpWritableFile writable(ByteArrayOutputStream into, Runnable onCommit) {
    return new TftpWritableFile() {
      @Override
      public void write(ByteBuffer src) {
        byte[] chunk = new byte[src.remaining()];
        src.get(chunk);
        into.writeBytes(chunk);
      }

      @Override
      public void commit() {
        onCommit.run();
      }

      @Override
      public void close() {}
    };
  }
}
