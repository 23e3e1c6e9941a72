package dev.netboot.tftp.udp;

import dev.netboot.tftp.TftpReadableFile;
import dev.netboot.tftp.TftpWritableFile;
import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@link TftpClient}'s sources and targets: paths, streams and buffers. */
final class ClientFiles {
  private static final Logger log = LoggerFactory.getLogger(ClientFiles.class);

  private ClientFiles() {}

  /**
   * A download into {@code target}: written to a temporary file beside it and moved into place
   * only once complete, so a failed download leaves the old file (or none) behind.
   */
  static TftpWritableFile toPath(Path target) throws IOException {
    Path absolute = target.toAbsolutePath();
    Path temp = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".part");
    FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
    return new TftpWritableFile() {
      private boolean committed;

      @Override
      public void write(ByteBuffer src) throws IOException {
        writeFully(channel, src);
      }

      @Override
      public void commit() throws IOException {
        channel.close();
        try {
          Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING,
              StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
        }
        committed = true;
      }

      @Override
      public void close() {
        if (committed) {
          return;
        }
        try {
          channel.close();
          Files.deleteIfExists(temp);
        } catch (IOException e) {
          log.warn("cannot remove partial download {}: {}", temp, e.toString());
        }
      }
    };
  }

  /** A download written through to {@code out}; a failure leaves what was already written. */
  static TftpWritableFile toStream(OutputStream out) {
    WritableByteChannel channel = Channels.newChannel(out);
    return new TftpWritableFile() {
      @Override
      public void write(ByteBuffer src) throws IOException {
        writeFully(channel, src);
      }

      @Override
      public void commit() throws IOException {
        out.flush();
      }

      @Override
      public void close() {
        // The stream belongs to the caller.
      }
    };
  }

  /** A download appended to {@code target} from its writer index. */
  static TftpWritableFile toBuffer(ByteBuf target) {
    return new TftpWritableFile() {
      @Override
      public void write(ByteBuffer src) {
        target.writeBytes(src);
      }

      @Override
      public void commit() {
        // Nothing to move: the bytes are already where the caller looks.
      }

      @Override
      public void close() {
        // The buffer belongs to the caller.
      }
    };
  }

  /** An upload of {@code source}'s bytes. */
  static TftpReadableFile fromPath(Path source) throws IOException {
    FileChannel channel = FileChannel.open(source, StandardOpenOption.READ);
    long size = channel.size();
    return new TftpReadableFile() {
      @Override
      public long size() {
        return size;
      }

      @Override
      public int read(long position, ByteBuffer dst) throws IOException {
        return channel.read(dst, position);
      }

      @Override
      public void close() throws IOException {
        channel.close();
      }
    };
  }

  /** An upload of {@code source}'s readable bytes; its indexes are not changed. */
  static TftpReadableFile fromBuffer(ByteBuf source) {
    ByteBuf view = source.slice();
    return new TftpReadableFile() {
      @Override
      public long size() {
        return view.readableBytes();
      }

      @Override
      public int read(long position, ByteBuffer dst) {
        if (position >= view.readableBytes()) {
          return -1;
        }
        int n = (int) Math.min(dst.remaining(), view.readableBytes() - position);
        int limit = dst.limit();
        dst.limit(dst.position() + n);
        view.getBytes((int) position, dst);
        dst.limit(limit);
        return n;
      }

      @Override
      public void close() {
        // The buffer belongs to the caller.
      }
    };
  }

  // A channel may take only part of a buffer per call; a block must be written whole.
  private static void writeFully(WritableByteChannel channel, ByteBuffer src) throws IOException {
    while (src.hasRemaining()) {
      channel.write(src);
    }
  }
}
