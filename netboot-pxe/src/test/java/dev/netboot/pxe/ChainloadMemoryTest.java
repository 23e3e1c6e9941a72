package dev.netboot.pxe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ChainloadMemoryTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void recallsUntilTheTimeToLiveHasPassed() {
    ChainloadMemory m = ChainloadMemory.create(Duration.ofSeconds(60), 10);
    byte[] mac = {1, 2, 3, 4, 5, 6};
    assertThat(m.recalls(mac, T0)).isFalse();
    m.remember(mac, 7, T0);
    assertThat(m.recalls(mac.clone(), T0.plusSeconds(59))).isTrue();
    assertThat(m.recalls(mac, T0.plusSeconds(60))).isFalse();
    assertThat(m.size()).isZero();
    m.remember(mac, 7, T0);
    m.forget(mac);
    assertThat(m.recalls(mac, T0)).isFalse();
  }

  @Test
  void dropsTheOldestBeyondItsCapacity() {
    ChainloadMemory m = ChainloadMemory.create(Duration.ofHours(1), 3);
    for (int i = 0; i < 5; i++) {
      m.remember(new byte[] {(byte) i}, i, T0.plusSeconds(i));
    }
    assertThat(m.size()).isEqualTo(3);
    assertThat(m.recalls(new byte[] {0}, T0.plusSeconds(10))).isFalse();
    assertThat(m.recalls(new byte[] {1}, T0.plusSeconds(10))).isFalse();
    assertThat(m.recalls(new byte[] {4}, T0.plusSeconds(10))).isTrue();
    assertThatThrownBy(() -> ChainloadMemory.create(Duration.ZERO, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theExchangeThatGotTheBinaryIsNotALaterOne() {
    ChainloadMemory m = ChainloadMemory.create(Duration.ofSeconds(60), 10);
    byte[] mac = {1, 2, 3, 4, 5, 6};
    m.remember(mac, 0x1234, T0);
    // The firmware's REQUEST (or a retransmitted 4011 request) of the same exchange.
    assertThat(m.recalls(mac, 0x1234, T0.plusSeconds(1))).isFalse();
    // The chainloaded iPXE's own DHCP, with its fresh transaction id.
    assertThat(m.recalls(mac, 0x5678, T0.plusSeconds(2))).isTrue();
    assertThat(m.recalls(mac, T0.plusSeconds(2))).isTrue();
    assertThat(m.recalls(mac, 0x5678, T0.plusSeconds(60))).isFalse();
  }
}
