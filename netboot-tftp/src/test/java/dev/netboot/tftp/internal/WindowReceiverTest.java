package dev.netboot.tftp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netboot.tftp.TftpAck;
import dev.netboot.tftp.TftpData;
import dev.netboot.tftp.TftpPacket;
import dev.netboot.tftp.TftpRetransmitSettings;
import dev.netboot.tftp.TftpWritableFile;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowReceiverTest {
  final List<TftpPacket> sent = new ArrayList<>();
  long written;
  final TftpWritableFile file = new TftpWritableFile() {
    @Override
    public void write(ByteBuffer src) {
      written += src.remaining();
      src.position(src.limit());
    }

    @Override
    public void commit() {}

    @Override
    public void close() {}
  };

  WindowReceiver receiver(int windowsize, int rollover) {
    return new WindowReceiver(new OctetBlockSink(file), 8, windowsize, rollover,
        new RetransmitTimer(TftpRetransmitSettings.DEFAULTS, -1));
  }

  static TftpData block(int wire, int length) {
    return TftpData.of(wire, Unpooled.wrappedBuffer(new byte[length]));
  }

  /** Block 65537 (wire 1) overtaking 65536 (wire 0) is a gap, not a rollover to 1. */
  @Test
  void aReorderedBlockAfterRolloverIsAGapNotARolloverToOne() throws Exception {
    WindowReceiver r = receiver(4, -1);
    for (int b = 1; b <= 65535; b++) {
      r.onData(block(b, 8), b, sent::add);
    }
    sent.clear();
    assertThat(r.onData(block(1, 8), 70_000, sent::add))
        .isEqualTo(WindowReceiver.DataResult.IGNORED);
    assertThat(sent).containsExactly(TftpAck.of(65535));
    assertThat(r.onData(block(0, 8), 70_001, sent::add))
        .isEqualTo(WindowReceiver.DataResult.PROGRESS);
    assertThat(r.onData(block(1, 8), 70_002, sent::add))
        .isEqualTo(WindowReceiver.DataResult.PROGRESS);
    assertThat(r.onData(block(2, 3), 70_003, sent::add)).isEqualTo(WindowReceiver.DataResult.DONE);
    assertThat(written).isEqualTo(65537L * 8 + 3);
  }

  @Test
  void aNegotiatedRolloverToOneIsFollowed() throws Exception {
    WindowReceiver r = receiver(1, 1);
    for (int b = 1; b <= 65535; b++) {
      r.onData(block(b, 8), b, sent::add);
    }
    assertThat(r.onData(block(1, 8), 70_000, sent::add))
        .isEqualTo(WindowReceiver.DataResult.PROGRESS);
    assertThat(r.onData(block(2, 3), 70_001, sent::add)).isEqualTo(WindowReceiver.DataResult.DONE);
    assertThat(written).isEqualTo(65536L * 8 + 3);
  }

  @Test
  void aGapOrADuplicateIsAcknowledgedOncePerStall() throws Exception {
    WindowReceiver r = receiver(4, -1);
    r.onData(block(1, 8), 1, sent::add);
    r.onData(block(3, 8), 2, sent::add); // 2 lost
    r.onData(block(4, 8), 3, sent::add);
    r.onData(block(1, 8), 4, sent::add); // duplicate
    assertThat(sent).containsExactly(TftpAck.of(1));
    r.onData(block(2, 8), 5, sent::add);
    r.onData(block(3, 8), 6, sent::add);
    r.onData(block(4, 8), 7, sent::add);
    r.onData(block(5, 8), 8, sent::add);
    assertThat(sent).containsExactly(TftpAck.of(1), TftpAck.of(5));
  }
}
