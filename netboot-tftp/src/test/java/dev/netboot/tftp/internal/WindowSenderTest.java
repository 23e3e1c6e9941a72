package dev.netboot.tftp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netboot.tftp.TestFiles;
import dev.netboot.tftp.TftpData;
import dev.netboot.tftp.TftpPacket;
import dev.netboot.tftp.TftpRetransmitSettings;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The adaptive burst: shrinks on loss, paces the rest of the window, grows back. */
class WindowSenderTest {
  static final long US = 1_000;

  final List<TftpPacket> sent = new ArrayList<>();
  final RetransmitTimer timer = new RetransmitTimer(TftpRetransmitSettings.DEFAULTS, -1);
  final WindowSender sender = new WindowSender(
      new OctetBlockSource(TestFiles.readable(new byte[8 * 10_000]), 8), 8, 16,
      new BlockNumbering(-1), timer);

  List<Integer> take() {
    List<Integer> blocks = new ArrayList<>();
    for (TftpPacket p : sent) {
      blocks.add(((TftpData) p).block());
    }
    sent.clear();
    return blocks;
  }

  @Test
  void shrinksOnLossPacesTheRoundAndGrowsBack() throws Exception {
    timer.sample(100 * US);
    sender.start(0, sent::add);
    assertThat(take()).hasSize(16);
    assertThat(sender.burst()).isEqualTo(16);
    // The receiver got 1..4 and then nothing: its gap ACK says 4.
    sender.onAck(4, 200 * US, sent::add);
    assertThat(sender.burst()).isEqualTo(8);
    assertThat(sender.burstThreshold()).isEqualTo(8);
    assertThat(take()).containsExactly(5, 6, 7, 8, 9, 10, 11, 12);
    // The rest of the round follows after the burst's share of a round trip (8/16 of 100 us),
    // so that the whole round still takes one round trip.
    assertThat(sender.deadline()).isEqualTo(250 * US);
    sender.onDeadline(250 * US, sent::add);
    assertThat(take()).containsExactly(13, 14, 15, 16, 17, 18, 19, 20);
    // A whole round acknowledged: at the threshold the burst grows by one block a round.
    sender.onAck(20, 400 * US, sent::add);
    assertThat(sender.burst()).isEqualTo(9);
    assertThat(take()).hasSize(9);
    sender.onDeadline(sender.deadline(), sent::add);
    assertThat(take()).hasSize(7);
    sender.onAck(36, 600 * US, sent::add);
    assertThat(sender.burst()).isEqualTo(10);
    assertThat(take()).hasSize(10);
  }

  @Test
  void afterATimeoutTheBurstGrowsByHalfUpToTheThreshold() throws Exception {
    timer.sample(100 * US);
    sender.start(0, sent::add);
    sender.onDeadline(sender.deadline(), sent::add); // the tail probe
    sender.onDeadline(sender.deadline(), sent::add); // the timeout
    assertThat(sender.burst()).isEqualTo(4);
    assertThat(sender.burstThreshold()).isEqualTo(8);
    take();
    long now = 100_000 * US;
    sender.onAck(16, now, sent::add); // the resent round, acknowledged: no growth (it had loss)
    assertThat(sender.burst()).isEqualTo(4);
    sender.onDeadline(sender.deadline(), sent::add);
    sender.onDeadline(sender.deadline(), sent::add);
    sender.onDeadline(sender.deadline(), sent::add);
    assertThat(take()).hasSize(16);
    sender.onAck(32, now + 200 * US, sent::add); // clean: below the threshold, by half
    assertThat(sender.burst()).isEqualTo(6);
    sender.onDeadline(sender.deadline(), sent::add);
    sender.onDeadline(sender.deadline(), sent::add);
    assertThat(take()).hasSize(16); // 6 + 6 + 4
    sender.onAck(48, now + 400 * US, sent::add); // 6 + 3 = 9: at the threshold, then one a round
    assertThat(sender.burst()).isEqualTo(9);
    sender.onDeadline(sender.deadline(), sent::add);
    take();
    sender.onAck(64, now + 600 * US, sent::add);
    assertThat(sender.burst()).isEqualTo(10);
  }

  @Test
  void aPartialAckTooSoonAfterAResendOnlySlides() throws Exception {
    timer.sample(100 * US);
    sender.start(0, sent::add);
    take();
    sender.onAck(4, 200 * US, sent::add);
    take();
    // ACKs of the first flight still arriving (a receiver acking each block): no new resend.
    for (int block = 5; block <= 8; block++) {
      sender.onAck(block, 210 * US, sent::add);
    }
    assertThat(take()).isEmpty();
    // Duplicates are ignored whenever they come.
    sender.onAck(8, 10_000 * US, sent::add);
    assertThat(take()).isEmpty();
  }

  @Test
  void theTailProbeWaitsTwoRoundTripsButNoLessThanItsFloor() throws Exception {
    // Loopback: two round trips (200 us) are within the peer's scheduling noise; wait 2 ms.
    timer.sample(100 * US);
    sender.start(0, sent::add);
    take();
    assertThat(sender.deadline()).isEqualTo(WindowSender.MIN_PROBE_DELAY_NANOS);
    // A 5 ms path keeps its two round trips, well before the 20 ms timeout.
    RetransmitTimer slow = new RetransmitTimer(TftpRetransmitSettings.DEFAULTS, -1);
    slow.sample(5_000 * US);
    WindowSender far = new WindowSender(
        new OctetBlockSource(TestFiles.readable(new byte[8 * 100]), 8), 8, 16,
        new BlockNumbering(-1), slow);
    far.start(0, sent::add);
    assertThat(far.deadline()).isEqualTo(10_000 * US);
    far.onDeadline(far.deadline(), sent::add);
    assertThat(take()).endsWith(16);
  }

  @Test
  void aLateRoundGetsOneTailProbeThenTimeouts() throws Exception {
    timer.sample(100 * US);
    sender.start(0, sent::add);
    take();
    sender.onDeadline(sender.deadline(), sent::add);
    assertThat(take()).containsExactly(16);
    sender.onDeadline(sender.deadline(), sent::add);
    assertThat(take()).as("timeout: the round again at a quarter of the burst").hasSize(4);
    assertThat(sender.burst()).isEqualTo(4);
    assertThat(sender.retransmissions()).isEqualTo(5);
  }
}
