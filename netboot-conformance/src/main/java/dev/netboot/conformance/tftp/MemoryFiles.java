package dev.netboot.conformance.tftp;

import dev.netboot.tftp.TftpErrorCode;
import dev.netboot.tftp.TftpFileException;
import dev.netboot.tftp.TftpFileSource;
import dev.netboot.tftp.TftpReadableFile;
import dev.netboot.tftp.TftpRequestInfo;
import dev.netboot.tftp.TftpWritableFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.jspecify.annotations.Nullable;

/** One in-memory file on each side of a simulated transfer, and the server's file source. */
final class MemoryFiles implements TftpFileSource {
  private final String name;
  private final byte[] content;
  @Nullable Writable upload;

  MemoryFiles(String name, byte[] content) {
    this.name = name;
    this.content = content;
  }

  @Override
  public TftpReadableFile openForRead(TftpRequestInfo request) throws TftpFileException {
    if (!request.filename().equals(name)) {
      throw new TftpFileException(TftpErrorCode.FILE_NOT_FOUND, "file not found");
    }
    return new Readable(content);
  }

  @Override
  public TftpWritableFile openForWrite(TftpRequestInfo request, long declaredSize) {
    Writable w = new Writable();
    upload = w;
    return w;
  }

  /** A readable file that reads at most 1000 bytes at a time, like a slow channel. */
  static final class Readable implements TftpReadableFile {
    private final byte[] content;
    boolean closed;

    Readable(byte[] content) {
      this.content = content;
    }

    @Override
    public long size() {
      return content.length;
    }

    @Override
    public int read(long position, ByteBuffer dst) {
      if (position >= content.length) {
        return -1;
      }
      int n = (int) Math.min(Math.min(dst.remaining(), 1000), content.length - position);
      dst.put(content, (int) position, n);
      return n;
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  /** A writable file whose bytes count only once committed. */
  static final class Writable implements TftpWritableFile {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    boolean committed;
    boolean closed;

    @Override
    public void write(ByteBuffer src) throws IOException {
      if (closed || committed) {
        throw new IOException("write after close or commit");
      }
      byte[] b = new byte[src.remaining()];
      src.get(b);
      bytes.writeBytes(b);
    }

    @Override
    public void commit() throws IOException {
      if (closed || committed) {
        throw new IOException("commit after close or twice");
      }
      committed = true;
    }

    @Override
    public void close() {
      closed = true;
    }

    byte @Nullable [] committedBytes() {
      return committed ? bytes.toByteArray() : null;
    }
  }
}
