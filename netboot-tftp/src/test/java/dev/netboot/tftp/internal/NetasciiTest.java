package dev.netboot.tftp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netboot.tftp.TestFiles;
import dev.netboot.tftp.TftpWritableFile;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Netascii conversion both ways, with pairs split across block ends and blocks read again. */
class NetasciiTest {
  static byte[] encode(byte[] local, int blksize, int windowsize) throws Exception {
    NetasciiBlockSource source = new NetasciiBlockSource(TestFiles.readable(local), blksize, windowsize);
    ByteArrayOutputStream wire = new ByteArrayOutputStream();
    ByteBuf block = Unpooled.buffer(blksize);
    for (long index = 1; ; index++) {
      int n = source.read(index, block);
      if (windowsize > 1 && index > 1) {
        // Read the previous block again, as a resend would: same bytes, same state after.
        ByteBuf again = Unpooled.buffer(blksize);
        source.read(index - 1, again);
        source.read(index, block);
      }
      byte[] b = new byte[n];
      block.getBytes(0, b);
      wire.writeBytes(b);
      if (n < blksize) {
        return wire.toByteArray();
      }
    }
  }

  static byte[] decode(byte[] wire, int blksize) throws Exception {
    ByteArrayOutputStream local = new ByteArrayOutputStream();
    TftpWritableFile sinkFile = TestFiles.writable(local, () -> {});
    NetasciiBlockSink sink = new NetasciiBlockSink(sinkFile);
    for (int i = 0; i < wire.length; i += blksize) {
      sink.write(Unpooled.wrappedBuffer(wire, i, Math.min(blksize, wire.length - i)));
    }
    sink.finish();
    return local.toByteArray();
  }

  @Test
  void lfBecomesCrLfAndCrBecomesCrNul() throws Exception {
    byte[] local = "a\nb\rc\r\n".getBytes(StandardCharsets.US_ASCII);
    assertThat(encode(local, 512, 1)).containsExactly('a', '\r', '\n', 'b', '\r', 0, 'c',
        '\r', 0, '\r', '\n');
  }

  @Test
  void aPairSplitByTheBlockEndContinuesInTheNextBlock() throws Exception {
    byte[] local = "abc\n".getBytes(StandardCharsets.US_ASCII);
    // blksize 4: "abc\r" then "\n" (a short, final block)
    assertThat(encode(local, 4, 2)).containsExactly('a', 'b', 'c', '\r', '\n');
    assertThat(decode(new byte[] {'a', 'b', 'c', '\r', '\n'}, 4)).isEqualTo(local);
  }

  @Test
  void aCrFollowedByAnythingElseIsKept() throws Exception {
    assertThat(decode(new byte[] {'a', '\r', 'b', '\r'}, 512))
        .containsExactly('a', '\r', 'b', '\r');
  }

  @Test
  void roundTripsAnyTextAtAnyBlockSize() throws Exception {
    SplittableRandom random = new SplittableRandom(5);
    for (int round = 0; round < 300; round++) {
      byte[] local = new byte[random.nextInt(300)];
      for (int i = 0; i < local.length; i++) {
        int r = random.nextInt(6);
        local[i] = (byte) (r == 0 ? '\n' : r == 1 ? '\r' : r == 2 ? 0 : 'a' + r);
      }
      int blksize = 8 + random.nextInt(40);
      byte[] wire = encode(local, blksize, 1 + random.nextInt(3));
      assertThat(decode(wire, blksize)).isEqualTo(local);
    }
  }
}
