package dev.netboot.tftp;

import static dev.netboot.tftp.ServerReadTransferTest.MS;
import static dev.netboot.tftp.ServerReadTransferTest.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.netboot.tftp.TftpTransferResult.Outcome;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

/** The server's write transfer, driven packet by packet. */
class ServerWriteTransferTest {
  static final TftpServerSettings WRITABLE = TftpServerSettings.builder().writeAllowed(true)
      .maxWriteSize(2000).build();

  final MemoryFiles files = new MemoryFiles();
  final RecordingOutbox out = new RecordingOutbox();

  static TftpRequest wrq(String name, String... options) {
    TftpRequest.Builder b = TftpRequest.builder(TftpOpcode.WRQ, name);
    for (int i = 0; i < options.length; i += 2) {
      b.option(options[i], options[i + 1]);
    }
    return b.build();
  }

  TftpTransfer start(TftpRequest wrq, TftpServerSettings settings) {
    TftpTransfer t = TftpServerTransfers.write(wrq, SimulatedNetwork.info(wrq), files, settings);
    t.start(0, out);
    return t;
  }

  static TftpData data(int block, int length) {
    byte[] b = new byte[length];
    java.util.Arrays.fill(b, (byte) block);
    return TftpData.of(block, Unpooled.wrappedBuffer(b));
  }

  @Test
  void writesAreRefusedUnlessAllowed() {
    TftpTransfer t = start(wrq("f"), TftpServerSettings.DEFAULTS);
    assertThat(out.take()).containsExactly(TftpError.of(TftpErrorCode.ACCESS_VIOLATION,
        "writes are not allowed"));
    assertThat(t.isFinished()).isTrue();
    files.allowWrites = false;
    start(wrq("f"), WRITABLE);
    assertThat(out.take()).containsExactly(TftpError.of(TftpErrorCode.ACCESS_VIOLATION,
        "read-only"));
  }

  @Test
  void aDeclaredSizeOverTheLimitIsRefusedWithError3BeforeOpening() {
    TftpTransfer t = start(wrq("f", "tsize", "2001"), WRITABLE);
    assertThat(out.take()).containsExactly(TftpError.of(TftpErrorCode.DISK_FULL,
        "file larger than 2000 bytes"));
    assertThat(t.result().outcome()).isEqualTo(Outcome.ERROR_SENT);
    assertThat(files.lastUpload).isNull();
  }

  @Test
  void plainUploadIsCommittedBeforeTheFinalAck() {
    TftpTransfer t = start(wrq("f"), WRITABLE);
    assertThat(out.take()).containsExactly(TftpAck.of(0));
    t.onPacket(data(1, 512), MS, out);
    assertThat(out.take()).containsExactly(TftpAck.of(1));
    assertThat(files.lastUpload.committed).isFalse();
    t.onPacket(data(2, 100), 2 * MS, out);
    assertThat(files.lastUpload.committed).isTrue();
    assertThat(out.take()).containsExactly(TftpAck.of(2));
    assertThat(files.uploads.get("f")).hasSize(612);
    assertThat(t.result().outcome()).isEqualTo(Outcome.COMPLETED);
    assertThat(t.isFinished()).as("lingers to repeat the final ACK").isFalse();
    // The client did not hear the final ACK and resends the last block.
    t.onPacket(data(2, 100), 500 * MS, out);
    assertThat(out.take()).containsExactly(TftpAck.of(2));
    RecordingOutbox.runDeadlines(t, out, 10);
    assertThat(t.isFinished()).isTrue();
    assertThat(out.sent).isEmpty();
  }

  @Test
  void optionsAreAcknowledgedWithOack() {
    TftpTransfer t = start(wrq("f", "blksize", "100", "tsize", "150", "windowsize", "2"),
        WRITABLE);
    assertThat(out.take()).containsExactly(TftpOptionAck.of(map("blksize", "100", "tsize",
        "150", "windowsize", "2")));
    t.onPacket(data(1, 100), MS, out);
    assertThat(out.sent).as("windowsize 2: no ACK after one block").isEmpty();
    t.onPacket(data(2, 50), 2 * MS, out);
    assertThat(out.take()).containsExactly(TftpAck.of(2));
    assertThat(files.uploads.get("f")).hasSize(150);
  }

  @Test
  void anUploadGrowingPastTheLimitGetsError3AndLeavesNothing() {
    TftpTransfer t = start(wrq("f"), WRITABLE);
    out.take();
    for (int block = 1; block <= 3; block++) {
      t.onPacket(data(block, 512), block * MS, out);
    }
    t.onPacket(data(4, 512), 4 * MS, out);
    assertThat(out.take()).containsExactly(TftpAck.of(1), TftpAck.of(2), TftpAck.of(3),
        TftpError.of(TftpErrorCode.DISK_FULL, "file larger than 2000 bytes"));
    assertThat(files.lastUpload.committed).isFalse();
    assertThat(files.lastUpload.closed).isTrue();
    assertThat(files.uploads).isEmpty();
  }

  @Test
  void aClientErrorAbortsAndLeavesNothing() {
    TftpTransfer t = start(wrq("f"), WRITABLE);
    t.onPacket(data(1, 512), MS, out);
    t.onPacket(TftpError.of(TftpErrorCode.NOT_DEFINED, "user cancelled"), 2 * MS, out);
    assertThat(t.result().outcome()).isEqualTo(Outcome.ERROR_RECEIVED);
    assertThat(files.lastUpload.closed).isTrue();
    assertThat(files.uploads).isEmpty();
  }

  @Test
  void aSilentClientTimesOutAndLeavesNothing() {
    TftpTransfer t = start(wrq("f"), WRITABLE);
    t.onPacket(data(1, 512), MS, out);
    out.take();
    RecordingOutbox.runDeadlines(t, out, 100);
    // Resent per timeout from the 20 ms floor until 5 s of silence: 20 ms .. 2.56 s.
    assertThat(out.take()).hasSize(7).allMatch(TftpAck.of(1)::equals);
    assertThat(t.result().outcome()).isEqualTo(Outcome.TIMED_OUT);
    assertThat(files.lastUpload.closed).isTrue();
    assertThat(files.uploads).isEmpty();
  }

  @Test
  void aSpoofedWriteRequestCostsOnePacket() {
    TftpTransfer t = start(wrq("f", "blksize", "1024"), WRITABLE);
    assertThat(out.take()).hasSize(1);
    RecordingOutbox.runDeadlines(t, out, 10);
    assertThat(out.sent).isEmpty();
    assertThat(t.result().outcome()).isEqualTo(Outcome.TIMED_OUT);
    assertThat(files.lastUpload.closed).isTrue();
  }

  @Test
  void aBlockLargerThanBlksizeIsIllegal() {
    TftpTransfer t = start(wrq("f", "blksize", "8"), WRITABLE);
    out.take();
    t.onPacket(data(1, 9), MS, out);
    assertThat(out.take()).containsExactly(TftpError.of(TftpErrorCode.ILLEGAL_OPERATION,
        "block larger than blksize"));
    assertThat(files.uploads).isEmpty();
  }

  @Test
  void aFailedCommitIsAnErrorNotAnAck() {
    MemoryFiles.Writable failing = new MemoryFiles.Writable() {
      @Override
      public void commit() throws java.io.IOException {
        throw new java.io.IOException("rename failed");
      }
    };
    TftpFileSource source = new TftpFileSource() {
      @Override
      public TftpReadableFile openForRead(TftpRequestInfo request) throws TftpFileException {
        throw new TftpFileException(TftpErrorCode.FILE_NOT_FOUND, "no");
      }

      @Override
      public TftpWritableFile openForWrite(TftpRequestInfo request, long declaredSize) {
        return failing;
      }
    };
    TftpRequest rq = wrq("f");
    TftpTransfer t = TftpServerTransfers.write(rq, SimulatedNetwork.info(rq), source, WRITABLE);
    t.start(0, out);
    out.take();
    t.onPacket(data(1, 3), MS, out);
    assertThat(out.take()).containsExactly(TftpError.of(TftpErrorCode.NOT_DEFINED,
        "file error"));
    assertThat(failing.closed).isTrue();
  }
}
