package dev.netboot.it;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.SplittableRandom;
import org.assertj.core.api.Assertions;

/** Files of seeded random bytes for transfer tests, and byte-exact comparison. */
public final class TestFiles {
  private TestFiles() {}

  /**
   * Writes {@code size} seeded random bytes to {@code path}; the same seed gives the same bytes.
   *
   * @return {@code path}
   */
  public static Path create(Path path, long size, long seed) throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    ByteBuffer chunk = ByteBuffer.allocate(1 << 16);
    try (FileChannel out = FileChannel.open(path, StandardOpenOption.CREATE,
        StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
      long left = size;
      while (left > 0) {
        chunk.clear();
        while (chunk.remaining() >= 8) {
          chunk.putLong(random.nextLong());
        }
        chunk.flip();
        chunk.limit((int) Math.min(chunk.limit(), left));
        left -= chunk.remaining();
        while (chunk.hasRemaining()) {
          out.write(chunk);
        }
      }
    }
    return path;
  }

  /**
   * Waits up to 5 s, polling every 20 ms, for {@code path} to reach {@code size} bytes: a peer
   * server may send its final ACK before it has flushed and closed the file (atftpd does).
   */
  public static void awaitSize(Path path, long size) throws IOException, InterruptedException {
    for (int i = 0; i < 250; i++) {
      if (Files.exists(path) && Files.size(path) >= size) {
        return;
      }
      Thread.sleep(20);
    }
  }

  /** Asserts that {@code actual} exists and holds exactly the bytes of {@code expected}. */
  public static void assertSameBytes(Path expected, Path actual, String context)
      throws IOException {
    Assertions.assertThat(actual).as(context + ": file exists").exists();
    Assertions.assertThat(Files.size(actual)).as(context + ": size").isEqualTo(Files.size(expected));
    Assertions.assertThat(Files.mismatch(expected, actual))
        .as(context + ": first differing byte").isEqualTo(-1L);
  }
}
