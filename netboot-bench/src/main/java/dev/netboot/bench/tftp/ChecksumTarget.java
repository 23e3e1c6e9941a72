package dev.netboot.bench.tftp;

import dev.netboot.tftp.TftpWritableFile;
import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * A download target that keeps only a CRC32C and a length: a thousand 4 MiB downloads checked
 * without holding 4 GB. CRC32C because the JIT makes it an instruction (SSE4.2), so that
 * checking does not steal the CPU the server is measured on.
 */
final class ChecksumTarget implements TftpWritableFile {
  private final CRC32C crc = new CRC32C();
  private long length;
  private boolean committed;

  @Override
  public void write(ByteBuffer src) {
    length += src.remaining();
    crc.update(src);
  }

  @Override
  public void commit() {
    committed = true;
  }

  @Override
  public void close() {
    // Nothing to release; a download that was not committed simply fails the check.
  }

  /** Returns whether the download was committed with exactly these bytes. */
  boolean matches(long expectedLength, long expectedCrc) {
    return committed && length == expectedLength && crc.getValue() == expectedCrc;
  }

  /** Returns the checksum of {@code bytes}, as this target computes it. */
  static long crcOf(byte[] bytes) {
    CRC32C c = new CRC32C();
    c.update(bytes);
    return c.getValue();
  }
}
