package dev.netboot.tftp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** In-memory files and a file source for transfer tests. */
final class MemoryFiles implements TftpFileSource {
  final Map<String, byte[]> files = new HashMap<>();
  final Map<String, byte[]> uploads = new HashMap<>();
  @Nullable Writable lastUpload;
  boolean allowWrites = true;

  MemoryFiles put(String name, byte[] content) {
    files.put(name, content);
    return this;
  }

  @Override
  public TftpReadableFile openForRead(TftpRequestInfo request) throws TftpFileException {
    byte[] content = files.get(request.filename());
    if (content == null) {
      throw new TftpFileException(TftpErrorCode.FILE_NOT_FOUND, "File not found");
    }
    return new Readable(content);
  }

  @Override
  public TftpWritableFile openForWrite(TftpRequestInfo request, long declaredSize)
      throws TftpFileException {
    if (!allowWrites) {
      throw new TftpFileException(TftpErrorCode.ACCESS_VIOLATION, "read-only");
    }
    Writable w = new Writable(bytes -> uploads.put(request.filename(), bytes));
    lastUpload = w;
    return w;
  }

  /** A readable file over bytes; {@code size} may hide the length. */
  static final class Readable implements TftpReadableFile {
    final byte[] content;
    final long size;
    boolean closed;

    Readable(byte[] content) {
      this(content, content.length);
    }

    Readable(byte[] content, long size) {
      this.content = content;
      this.size = size;
    }

    @Override
    public long size() {
      return size;
    }

    @Override
    public int read(long position, ByteBuffer dst) {
      if (position >= content.length) {
        return -1;
      }
      // Short reads on purpose: at most 1000 bytes at a time, like a slow channel.
      int n = (int) Math.min(Math.min(dst.remaining(), 1000), content.length - position);
      dst.put(content, (int) position, n);
      return n;
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  /** A writable file that publishes its bytes only on commit. */
  static class Writable implements TftpWritableFile {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final java.util.function.Consumer<byte[]> onCommit;
    boolean committed;
    boolean closed;

    Writable() {
      this(b -> { });
    }

    Writable(java.util.function.Consumer<byte[]> onCommit) {
      this.onCommit = onCommit;
    }

    @Override
    public void write(ByteBuffer src) throws IOException {
      if (closed || committed) {
        throw new IOException("write after close");
      }
      byte[] b = new byte[src.remaining()];
      src.get(b);
      bytes.write(b);
    }

    @Override
    public void commit() throws IOException {
      if (closed) {
        throw new IOException("commit after close");
      }
      committed = true;
      onCommit.accept(bytes.toByteArray());
    }

    @Override
    public void close() {
      closed = true;
    }

    byte[] written() {
      return bytes.toByteArray();
    }
  }
}
