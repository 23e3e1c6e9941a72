package dev.netboot.tftp.udp;

import dev.netboot.tftp.TestFiles;
import dev.netboot.tftp.TftpErrorCode;
import dev.netboot.tftp.TftpFileException;
import dev.netboot.tftp.TftpFileSource;
import dev.netboot.tftp.TftpReadableFile;
import dev.netboot.tftp.TftpRequestInfo;
import dev.netboot.tftp.TftpWritableFile;
import java.io.ByteArrayOutputStream;
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
    return TestFiles.readable(content);
  }

  @Override
  public TftpWritableFile openForWrite(TftpRequestInfo request, long declaredSize) {
    ByteArrayOutputStream upload = new ByteArrayOutputStream();
    return TestFiles.writable(
        upload, () -> files.put(request.filename(), upload.toByteArray()));
  }
}
