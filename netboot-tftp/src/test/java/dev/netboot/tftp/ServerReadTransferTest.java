package dev.netboot.tftp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netboot.tftp.TftpTransferResult.Outcome;
import io.netty.buffer.Unpooled;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The server's read transfer, driven packet by packet. */
class ServerReadTransferTest {
  static final long MS = 1_000_000;

  final MemoryFiles files = new MemoryFiles();
  final RecordingOutbox out = new RecordingOutbox();

  static TftpRequest rrq(String name, String... options) {
    TftpRequest.Builder b = TftpRequest.builder(TftpOpcode.RRQ, name);
    for (int i = 0; i < options.length; i += 2) {
      b.option(options[i], options[i + 1]);
    }
    return b.build();
  }

  TftpTransfer start(TftpRequest rrq, TftpServerSettings settings) {
    TftpTransfer t = TftpServerTransfers.read(rrq, SimulatedNetwork.info(rrq), files, settings);
    t.start(0, out);
    return t;
  }

  TftpTransfer start(TftpRequest rrq) {
    return start(rrq, TftpServerSettings.DEFAULTS);
  }

  static Map<String, String> map(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  @Test
  void ovmfTsizeProbeEndsCleanlyAfterTheOack() {
    files.put("bootx64.efi", new byte[1_000_000]);
    TftpTransfer t = start(rrq("bootx64.efi", "blksize", "1468", "windowsize", "4", "tsize", "0"));
    assertThat(out.take()).containsExactly(TftpOptionAck.of(
        map("blksize", "1468", "windowsize", "4", "tsize", "1000000")));
    t.onPacket(TftpError.of(TftpErrorCode.OPTION_REFUSED, "tsize probe"), 3 * MS, out);
    assertThat(t.isFinished()).isTrue();
    assertThat(t.result().outcome()).isEqualTo(Outcome.ENDED_AFTER_OPTIONS);
    assertThat(t.result().isSuccess()).isTrue();
    assertThat(t.result().errorCode()).isEqualTo(TftpErrorCode.OPTION_REFUSED);
    assertThat(out.sent).isEmpty();
    assertThat(t.deadlineNanos()).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void ovmfWindowOfFourAfterAck0() {
    files.put("f", new byte[1468 * 5]);
    TftpTransfer t = start(rrq("f", "blksize", "1468", "windowsize", "4"));
    out.take();
    t.onPacket(TftpAck.of(0), MS, out);
    assertThat(out.take()).extracting(p -> ((TftpData) p).block()).containsExactly(1, 2, 3, 4);
    t.onPacket(TftpAck.of(4), 2 * MS, out);
    List<TftpPacket> rest = out.take();
    assertThat(rest).extracting(p -> ((TftpData) p).block()).containsExactly(5, 6);
    assertThat(((TftpData) rest.get(1)).length()).isZero(); // size is a multiple of blksize
    t.onPacket(TftpAck.of(6), 3 * MS, out);
    assertThat(t.result().outcome()).isEqualTo(Outcome.COMPLETED);
    assertThat(t.result().bytesTransferred()).isEqualTo(1468 * 5);
  }

  @Test
  void ipxeGetsBlksize1432() {
    files.put("undionly.kpxe", new byte[70_000]);
    start(rrq("undionly.kpxe", "blksize", "1432", "tsize", "0"));
    assertThat(out.take()).containsExactly(
        TftpOptionAck.of(map("blksize", "1432", "tsize", "70000")));
  }

  @Test
  void optionAnswersAreTrueInRangeAndOnlyWhatWasAsked() {
    files.put("f", new byte[10]);
    start(rrq("f", "blksize", "70000", "windowsize", "9999", "timeout", "3", "utimeout",
        "50000", "rollover", "1", "multicast", "", "x-custom", "1"));
    assertThat(out.take()).containsExactly(TftpOptionAck.of(map("blksize", "1468",
        "windowsize", "64", "timeout", "3", "utimeout", "50000", "rollover", "1")));

    start(rrq("f", "blksize", "7", "windowsize", "0", "timeout", "0", "timeout", "256",
        "tsize", "-1", "utimeout", "9999", "rollover", "2"));
    assertThat(out.take()).containsExactly(TftpData.of(1, Unpooled.wrappedBuffer(new byte[10])));

    start(rrq("f", "blksize", "+512", "windowsize", " 4"));
    assertThat(out.take()).hasSize(1).first().isInstanceOf(TftpData.class);

    TftpServerSettings small = TftpServerSettings.builder().maxBlksize(600).maxWindowsize(2)
        .build();
    start(rrq("f", "blksize", "512", "windowsize", "1"), small);
    assertThat(out.take()).containsExactly(TftpOptionAck.of(map("blksize", "512",
        "windowsize", "1")));
    start(rrq("f", "blksize", "65464", "windowsize", "65535"), small);
    assertThat(out.take()).containsExactly(TftpOptionAck.of(map("blksize", "600",
        "windowsize", "2")));
  }

  @Test
  void netasciiLeavesTsizeOut() {
    files.put("f.txt", "a\nb\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    start(rrq("f.txt", "tsize", "0", "blksize", "1024").toBuilder().mode("netascii").build());
    assertThat(out.take()).containsExactly(TftpOptionAck.of(map("blksize", "1024")));
  }

  @Test
  void aSpoofedRequestCostsOneSmallPacketAndTimesOut() {
    files.put("big", new byte[10_000_000]);
    for (TftpRequest rq : List.of(rrq("big"), rrq("big", "blksize", "1468", "tsize", "0"))) {
      TftpTransfer t = start(rq);
      assertThat(out.take()).hasSize(1);
      int steps = RecordingOutbox.runDeadlines(t, out, 100);
      assertThat(out.sent).as("nothing sent on timers before the client proved itself")
          .isEmpty();
      assertThat(steps).isLessThanOrEqualTo(2);
      assertThat(t.result().outcome()).isEqualTo(Outcome.TIMED_OUT);
      // Bounded: initial timeout times (retries + 1).
      assertThat(t.result().endNanos()).isLessThanOrEqualTo(6_000 * MS);
    }
  }

  @Test
  void aRepeatedRequestResendsTheFirstPacketBoundedly() {
    files.put("f", new byte[2000]);
    TftpRequest rq = rrq("f");
    TftpTransfer t = start(rq);
    TftpPacket first = out.take().get(0);
    for (int i = 1; i <= 10; i++) {
      t.onPacket(rq, i * MS, out);
    }
    assertThat(out.take()).hasSize(TftpRetransmitSettings.DEFAULTS.maxRetries())
        .allMatch(first::equals);
    t.onPacket(rrq("other"), 20 * MS, out);
    assertThat(out.sent).isEmpty();
  }

  @Test
  void duplicateAndStaleAcksNeverCauseASend() {
    files.put("f", new byte[512 * 10]);
    TftpTransfer t = start(rrq("f"));
    out.take();
    t.onPacket(TftpAck.of(1), MS, out);
    assertThat(out.take()).extracting(p -> ((TftpData) p).block()).containsExactly(2);
    for (int i = 0; i < 50; i++) {
      t.onPacket(TftpAck.of(1), (2 + i) * MS, out); // duplicate
      t.onPacket(TftpAck.of(0), (2 + i) * MS, out); // stale
      t.onPacket(TftpAck.of(9), (2 + i) * MS, out); // never sent
    }
    assertThat(out.sent).as("Sorcerer's Apprentice").isEmpty();
    t.onPacket(TftpAck.of(2), 60 * MS, out);
    assertThat(out.take()).extracting(p -> ((TftpData) p).block()).containsExactly(3);
  }

  @Test
  void aLostBlockInsideAWindowIsResentFromTheFirstUnacknowledged() {
    files.put("f", new byte[100 * 8]);
    TftpTransfer t = start(rrq("f", "blksize", "8", "windowsize", "8"));
    out.take();
    t.onPacket(TftpAck.of(0), 10 * MS, out);
    assertThat(out.take()).hasSize(8);
    // The client got 1..3, missed 4: RFC 7440 resend from 4.
    t.onPacket(TftpAck.of(3), 20 * MS, out);
    assertThat(out.take()).extracting(p -> ((TftpData) p).block()).first().isEqualTo(4);
  }

  @Test
  void anAbandonedTransferRetransmitsBoundedlyThenStops() {
    files.put("f", new byte[512 * 100]);
    TftpTransfer t = start(rrq("f"));
    out.take();
    t.onPacket(TftpAck.of(1), MS, out);
    out.take();
    RecordingOutbox.runDeadlines(t, out, 1000);
    // One tail loss probe, then one resend per timeout until the retries are spent and the
    // silence reaches the maximum timeout: from the 20 ms floor, 7 timeouts (20 ms .. 2.56 s).
    assertThat(out.take()).hasSize(1 + 7).allMatch(p -> ((TftpData) p).block() == 2);
    assertThat(t.result().outcome()).isEqualTo(Outcome.TIMED_OUT);
    assertThat(t.result().retransmissions()).isEqualTo(8);
    assertThat(t.deadlineNanos()).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void refusalsAreOneErrorAtOnce() {
    // pxelinux probes config names one after the other: each is answered at start.
    for (int i = 0; i < 10; i++) {
      TftpTransfer t = start(rrq("pxelinux.cfg/01-52-54-00-12-34-" + i));
      assertThat(t.isFinished()).isTrue();
      assertThat(out.take()).containsExactly(TftpError.of(TftpErrorCode.FILE_NOT_FOUND,
          "File not found"));
      assertThat(t.result().outcome()).isEqualTo(Outcome.ERROR_SENT);
      assertThat(t.deadlineNanos()).isEqualTo(Long.MAX_VALUE);
    }
    files.put("f", new byte[1]);
    start(rrq("f").toBuilder().mode("mail").build());
    assertThat(out.take()).containsExactly(TftpError.of(TftpErrorCode.ILLEGAL_OPERATION,
        "unknown mode"));
  }

  @Test
  void aClientSendingDataGetsError4() {
    files.put("f", new byte[600]);
    TftpTransfer t = start(rrq("f"));
    out.take();
    t.onPacket(TftpData.of(1, Unpooled.EMPTY_BUFFER), MS, out);
    assertThat(out.take()).containsExactly(TftpError.of(TftpErrorCode.ILLEGAL_OPERATION,
        "unexpected DATA"));
    assertThat(t.result().outcome()).isEqualTo(Outcome.ERROR_SENT);
  }

  @Test
  void abortSendsAnErrorOnlyToAProvenPeer() {
    files.put("f", new byte[6000]);
    TftpTransfer unproven = start(rrq("f"));
    out.take();
    unproven.abort("shutting down", MS, out);
    assertThat(out.sent).isEmpty();
    assertThat(unproven.result().outcome()).isEqualTo(Outcome.ABORTED);

    TftpTransfer proven = start(rrq("f"));
    out.take();
    proven.onPacket(TftpAck.of(1), MS, out);
    out.take();
    proven.abort("shutting\0down", 2 * MS, out);
    assertThat(out.take()).containsExactly(TftpError.of(TftpErrorCode.NOT_DEFINED,
        "shutting down"));
    assertThat(proven.isFinished()).isTrue();
  }

  @Test
  void aFileThatFailsToReadEndsWithError0() {
    TftpFileSource broken = request -> new TftpReadableFile() {
      @Override
      public long size() {
        return 100;
      }

      @Override
      public int read(long position, java.nio.ByteBuffer dst) throws java.io.IOException {
        throw new java.io.IOException("disk on fire");
      }

      @Override
      public void close() {}
    };
    TftpRequest rq = rrq("f");
    TftpTransfer t = TftpServerTransfers.read(rq, SimulatedNetwork.info(rq), broken,
        TftpServerSettings.DEFAULTS);
    t.start(0, out);
    assertThat(out.take()).containsExactly(TftpError.of(TftpErrorCode.NOT_DEFINED,
        "file error"));
    assertThat(t.isFinished()).isTrue();
  }
}
