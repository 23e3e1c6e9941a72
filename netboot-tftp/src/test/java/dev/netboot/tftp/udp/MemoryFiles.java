package dev.netboot.tftp.udp;

import dev.netboot.tftp.TftpErrorCode;
import dev.netboot.tftp.TftpFileException;
import dev.netboot.tftp.TftpFileSource;
import dev.netboot.tftp.TftpReadableFile;
import dev.netboot.tftp.TftpRequestInfo;
import dev.netboot.tftp.TftpWritableFile;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A file source for transport tests, independent of {@code dev.netboot.tftp.files}: files in
 * a map, uploads stored in it on commit.
 */
final class MemoryFiles implements TftpFileSource {
  final Map<String, byte[]> files = new ConcurrentHashMap<>();

  MemoryFiles put(String name, byte[] content) {
    files.put(name, content);
    return this;
  }

  /** Returns {@code size} bytes from a seeded generator, so every test sees the same file. */
  static byte[] bytes(int size, long seed) {
    byte[] b = new byte[size];
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < size; i++) {
      b[i] = (byte) random.nextInt(256);
    }
    return b;
  }

  @Override
  public TftpReadableFile openForRead(TftpRequestInfo request) throws TftpFileException {
    byte[] content = files.get(request.filename());
    if (content == null) {
      throw new TftpFileException(TftpErrorCode.FILE_NOT_FOUND, "file not found");
    }
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

  @Override
  public TftpWritableFile openForWrite(TftpRequestInfo request, long declaredSize) {
    ByteArrayOutputStream upload = new ByteArrayOutputStream();
    return new TftpWritableFile() {
      @Override
      public void write(ByteBuffer src) {
        byte[] chunk = new byte[src.remaining()];
        src.get(chunk);
        upload.writeBytes(chunk);
      }

      @Override
      public void commit() {
        files.put(request.filename(), upload.toByteArray());
      }

      @Override
      public void close() {}
    };
  }
}
