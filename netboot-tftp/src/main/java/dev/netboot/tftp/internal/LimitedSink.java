package dev.netboot.tftp.internal;

import dev.netboot.tftp.TftpErrorCode;
import dev.netboot.tftp.TftpFileException;
import io.netty.buffer.ByteBuf;
import java.io.IOException;

/** A sink that refuses, with ERROR 3, data beyond the server's upload limit. */
final class LimitedSink implements BlockSink {
  private final BlockSink sink;
  private final long limit;
  private long taken;

  LimitedSink(BlockSink sink, long limit) {
    this.sink = sink;
    this.limit = limit;
  }

  @Override
  public void write(ByteBuf content) throws IOException, TftpFileException {
    taken += content.readableBytes();
    if (taken > limit) {
      throw new TftpFileException(TftpErrorCode.DISK_FULL, "file larger than " + limit + " bytes");
    }
    sink.write(content);
  }

  @Override
  public void finish() throws IOException, TftpFileException {
    sink.finish();
  }
}
