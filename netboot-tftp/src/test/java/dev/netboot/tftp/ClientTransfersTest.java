package dev.netboot.tftp;

import static dev.netboot.tftp.ServerReadTransferTest.MS;
import static dev.netboot.tftp.ServerReadTransferTest.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.netboot.tftp.TftpTransferResult.Outcome;
import io.netty.buffer.Unpooled;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Client read and write transfers against scripted servers. */
class ClientTransfersTest {
  final RecordingOutbox out = new RecordingOutbox();
  final MemoryFiles.Writable target = new MemoryFiles.Writable();

  TftpTransfer read(Map<String, String> options) {
    TftpTransfer t = TftpClientTransfers.read("f", "octet", options, target,
        TftpClientSettings.DEFAULTS);
    t.start(0, out);
    return t;
  }

  @Test
  void theRequestIsTheFirstPacketAndIsResentBoundedly() {
    TftpTransfer t = read(map("blksize", "1468", "tsize", "0"));
    TftpPacket rrq = out.take().get(0);
    assertThat(rrq).isEqualTo(TftpRequest.builder(TftpOpcode.RRQ, "f").option("blksize", "1468")
        .option("tsize", "0").build());
    RecordingOutbox.runDeadlines(t, out, 100);
    assertThat(out.take()).hasSize(5).allMatch(rrq::equals);
    assertThat(t.result().outcome()).isEqualTo(Outcome.TIMED_OUT);
    assertThat(target.closed).isTrue();
    assertThat(target.committed).isFalse();
  }

  @Test
  void dataInAnswerToOptionsMeansTheServerIgnoredThem() {
    TftpTransfer t = read(map("blksize", "1468", "windowsize", "8"));
    out.take();
    t.onPacket(TftpData.of(1, Unpooled.wrappedBuffer(new byte[512])), MS, out);
    assertThat(out.take()).containsExactly(TftpAck.of(1));
    t.onPacket(TftpData.of(2, Unpooled.wrappedBuffer(new byte[3])), 2 * MS, out);
    assertThat(out.take()).containsExactly(TftpAck.of(2));
    assertThat(t.result().outcome()).isEqualTo(Outcome.COMPLETED);
    assertThat(t.result().options()).isEqualTo(TftpOptions.DEFAULTS);
    assertThat(target.written()).hasSize(515);
    assertThat(target.committed).isTrue();
  }

  @Test
  void anOackIsCheckedThenAcknowledged() {
    TftpTransfer t = read(map("blksize", "1468", "tsize", "0"));
    out.take();
    t.onPacket(TftpOptionAck.of(map("blksize", "1400", "tsize", "9")), MS, out);
    assertThat(out.take()).containsExactly(TftpAck.of(0));
    // The server did not hear ACK 0 and repeats its OACK.
    t.onPacket(TftpOptionAck.of(map("blksize", "1400", "tsize", "9")), 2 * MS, out);
    assertThat(out.take()).containsExactly(TftpAck.of(0));
    t.onPacket(TftpData.of(1, Unpooled.wrappedBuffer(new byte[9])), 3 * MS, out);
    assertThat(t.result().options().blksize()).isEqualTo(1400);
    assertThat(t.result().options().tsize()).isEqualTo(9);
  }

  @Test
  void aWrongOackIsRefusedWithError8() {
    for (Map<String, String> oack : java.util.List.of(map("blksize", "2000"),
        map("windowsize", "4"), map("blksize", "7"), map("tsize", "-1"), map("timeout", "0"))) {
      MemoryFiles.Writable file = new MemoryFiles.Writable();
      TftpTransfer t = TftpClientTransfers.read("f", "octet", map("blksize", "1468", "tsize",
          "0", "timeout", "5"), file, TftpClientSettings.DEFAULTS);
      t.start(0, out);
      out.take();
      t.onPacket(TftpOptionAck.of(oack), MS, out);
      assertThat(out.take()).hasSize(1).first().isInstanceOf(TftpError.class)
          .extracting(p -> ((TftpError) p).code()).isEqualTo(TftpErrorCode.OPTION_REFUSED);
      assertThat(t.isFinished()).isTrue();
      assertThat(file.committed).isFalse();
    }
  }

  @Test
  void aServerErrorEndsTheDownloadAndDiscardsIt() {
    TftpTransfer t = read(Map.of());
    t.onPacket(TftpData.of(1, Unpooled.wrappedBuffer(new byte[512])), MS, out);
    t.onPacket(TftpError.of(TftpErrorCode.DISK_FULL, "gone"), 2 * MS, out);
    assertThat(t.result().outcome()).isEqualTo(Outcome.ERROR_RECEIVED);
    assertThat(t.result().errorMessage()).isEqualTo("gone");
    assertThat(target.closed).isTrue();
    assertThat(target.committed).isFalse();
  }

  @Test
  void writeSendsTheRealSizeAndFallsBackOnAck0() {
    MemoryFiles.Readable source = new MemoryFiles.Readable(new byte[700]);
    TftpTransfer t = TftpClientTransfers.write("up", "octet", map("tsize", "0", "blksize",
        "1024"), source, TftpClientSettings.DEFAULTS);
    t.start(0, out);
    assertThat(out.take()).containsExactly(TftpRequest.builder(TftpOpcode.WRQ, "up")
        .option("tsize", "700").option("blksize", "1024").build());
    t.onPacket(TftpAck.of(0), MS, out);
    assertThat(out.take()).extracting(p -> ((TftpData) p).length()).containsExactly(512);
    t.onPacket(TftpAck.of(1), 2 * MS, out);
    assertThat(out.take()).extracting(p -> ((TftpData) p).length()).containsExactly(188);
    t.onPacket(TftpAck.of(2), 3 * MS, out);
    assertThat(t.result().outcome()).isEqualTo(Outcome.COMPLETED);
    assertThat(t.result().bytesTransferred()).isEqualTo(700);
    assertThat(t.isFinished()).isTrue();
    assertThat(source.closed).isTrue();
  }

  @Test
  void netasciiWritesLeaveTsizeOut() {
    TftpTransfer t = TftpClientTransfers.write("up", "netascii", map("tsize", "0"),
        new MemoryFiles.Readable(new byte[5]), TftpClientSettings.DEFAULTS);
    t.start(0, out);
    assertThat(((TftpRequest) out.take().get(0)).options()).isEmpty();
  }

  @Test
  void callerMistakesAreIllegalArguments() {
    assertThatThrownBy(() -> TftpClientTransfers.read("f", "mail", Map.of(), target,
        TftpClientSettings.DEFAULTS)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("(expected: octet or netascii)");
    assertThatThrownBy(() -> TftpClientTransfers.read("f", "octet", map("blksize", "4"), target,
        TftpClientSettings.DEFAULTS)).hasMessageContaining("(expected: 8-65464)");
    assertThatThrownBy(() -> TftpClientTransfers.read("f", "octet", map("windowsize", "x"),
        target, TftpClientSettings.DEFAULTS)).hasMessageContaining("windowsize");
  }
}
