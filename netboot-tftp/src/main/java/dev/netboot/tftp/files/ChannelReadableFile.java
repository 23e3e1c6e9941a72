package dev.netboot.tftp.files;

import dev.netboot.tftp.TftpReadableFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * A file on disk read with positional reads, so that a transfer can resend any block of its
 * window without a shared file position.
 */
final class ChannelReadableFile implements TftpReadableFile {
  private final FileChannel channel;
  // Fixed at open: the size announced with tsize must be the size the transfer then reads.
  private final long size;

  ChannelReadableFile(FileChannel channel) throws IOException {
    this.channel = channel;
    this.size = channel.size();
  }

  @Override
  public long size() {
    return size;
  }

  @Override
  public int read(long position, ByteBuffer dst) throws IOException {
    if (position >= size) {
      return -1;
    }
    // A file that grows while it is served is cut at the size announced at open.
    int count = (int) Math.min(dst.remaining(), size - position);
    ByteBuffer slice = dst.slice().limit(count);
    int read = channel.read(slice, position);
    if (read > 0) {
      dst.position(dst.position() + read);
    }
    return read;
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
