package dev.netboot.tftp;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;

/**
 * Server transfers fed whatever a hostile or broken peer may send, at whatever times: they never
 * throw, never send more than a bounded number of packets per packet received (no amplification,
 * no Sorcerer's Apprentice), and always finish once the peer falls silent. {@code mvn test}
 * replays the inputs under {@code src/test/resources/dev/netboot/tftp/TftpTransferFuzzTestInputs/};
 * {@code JAZZER_FUZZ=1} fuzzes.
 *
 * <p>Input layout: byte 0 chooses read or write and the window size, then records of
 * {@code [time step in ms][length][packet bytes]}.
 */
class TftpTransferFuzzTest {
  private static final long MS = 1_000_000;

  @FuzzTest(maxDuration = "60s")
  void serverTransfersSurviveAnyPeer(byte[] input) {
    if (input.length == 0) {
      return;
    }
    int windowsize = 1 + (input[0] & 0x0F);
    boolean read = (input[0] & 0x10) == 0;
    TftpRequest request = TftpRequest.builder(read ? TftpOpcode.RRQ : TftpOpcode.WRQ, "f")
        .option("blksize", "8").option("windowsize", Integer.toString(windowsize))
        .option("tsize", "0").build();
    MemoryFiles files = new MemoryFiles().put("f", new byte[8 * 40 + 3]);
    TftpServerSettings settings = TftpServerSettings.builder().writeAllowed(true)
        .maxWriteSize(1000).build();
    TftpTransfer t = read
        ? TftpServerTransfers.read(request, SimulatedNetwork.info(request), files, settings)
        : TftpServerTransfers.write(request, SimulatedNetwork.info(request), files, settings);
    RecordingOutbox out = new RecordingOutbox();
    long now = 0;
    t.start(now, out);
    int received = 0;
    for (int i = 1; i + 2 <= input.length; ) {
      now += (input[i] & 0xFF) * MS;
      int length = Math.min(input[i + 1] & 0xFF, input.length - i - 2);
      byte[] bytes = Arrays.copyOfRange(input, i + 2, i + 2 + length);
      i += 2 + length;
      if (t.deadlineNanos() <= now) {
        t.onDeadline(now, out);
      }
      TftpPacket packet;
      try {
        packet = TftpPacketDecoder.decode(bytes);
      } catch (TftpParseException malformed) {
        continue; // the transport drops what does not decode
      }
      received++;
      t.onPacket(packet, now, out);
    }
    int retries = settings.retransmit().maxRetries();
    RecordingOutbox.runDeadlines(t, out, 10 * (retries + 10));
    assertThat(t.isFinished()).isTrue();
    assertThat(t.result()).isNotNull();
    // A packet that makes progress resets the retry budget; after it, each timeout resends at
    // most a window, plus one tail probe. Nothing else sends: no packet is worth more than that.
    int bound = (received + 1) * (retries + 2) * (windowsize + 1);
    assertThat(out.sent.size()).isLessThanOrEqualTo(bound);
    if (read) {
      assertThat(files.uploads).isEmpty();
    }
  }
}
