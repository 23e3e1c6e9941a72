package dev.netboot.tftp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netboot.tftp.TftpRetransmitSettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetransmitTimerTest {
  static final long MS = 1_000_000;
  final TftpRetransmitSettings settings = TftpRetransmitSettings.DEFAULTS;

  @Test
  void startsAtTheInitialTimeout() {
    assertThat(new RetransmitTimer(settings, -1).rto()).isEqualTo(1000 * MS);
    assertThat(new RetransmitTimer(settings, -1).srtt()).isEqualTo(-1);
  }

  @Test
  void followsTheRoundTripWithinItsFloor() {
    RetransmitTimer t = new RetransmitTimer(settings, -1);
    t.sample(2 * MS);
    assertThat(t.srtt()).isEqualTo(2 * MS);
    assertThat(t.rto()).isEqualTo(20 * MS); // 2 + 4 * 1 = 6 ms, floored at 20 ms
    for (int i = 0; i < 50; i++) {
      t.sample(100 * MS);
    }
    assertThat(t.srtt()).isBetween(99 * MS, 100 * MS);
    assertThat(t.rto()).isBetween(100 * MS, 110 * MS);
  }

  @Test
  void backsOffExponentiallyToTheCeilingAndCountsRetries() {
    RetransmitTimer t = new RetransmitTimer(settings, -1);
    long[] expected = {2000, 4000, 5000, 5000, 5000};
    for (long e : expected) {
      assertThat(t.backoff()).isTrue();
      assertThat(t.rto()).isEqualTo(e * MS);
    }
    assertThat(t.retries()).isEqualTo(5);
    assertThat(t.backoff()).as("retries spent").isFalse();
    t.progress();
    assertThat(t.retries()).isZero();
    assertThat(t.rto()).isEqualTo(1000 * MS);
  }

  @Test
  void aNegotiatedTimeoutStartsAndCapsTheEstimate() {
    RetransmitTimer t = new RetransmitTimer(settings, 3000 * MS);
    assertThat(t.rto()).isEqualTo(3000 * MS);
    t.sample(5000 * MS);
    assertThat(t.rto()).isEqualTo(3000 * MS);
    RetransmitTimer quick = new RetransmitTimer(settings, 3000 * MS);
    quick.sample(1 * MS);
    assertThat(quick.rto()).isEqualTo(20 * MS);
    RetransmitTimer fast = new RetransmitTimer(
        settings.toBuilder().minTimeout(Duration.ofMillis(50)).build(), 10 * MS);
    assertThat(fast.rto()).isEqualTo(10 * MS);
    fast.sample(1 * MS);
    assertThat(fast.rto()).isEqualTo(10 * MS); // floor lowered to what the peer asked
  }

  @Test
  void onAFastPathTheRetriesLastAtLeastTheMaximumTimeoutOfSilence() {
    RetransmitTimer t = new RetransmitTimer(settings, -1);
    t.sample(1 * MS); // loopback: the timeout falls to its 20 ms floor
    assertThat(t.rto()).isEqualTo(20 * MS);
    long silence = 0;
    int retries = 0;
    while (true) {
      silence += t.rto();
      if (!t.backoff()) {
        break;
      }
      retries++;
      assertThat(retries).as("bounded").isLessThan(50);
    }
    // 20 + 40 + ... + 640 ms is 1.26 s; it goes on to 2.5 s, then 5.1 s, and stops.
    assertThat(retries).isEqualTo(7);
    assertThat(silence).isGreaterThanOrEqualTo(5000 * MS).isLessThan(11_000 * MS);
    t.progress();
    assertThat(t.retries()).isZero();
  }
}
