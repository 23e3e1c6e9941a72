package dev.netboot.tftp.udp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TftpServerLimitsTest {
  @Test
  void defaultsAreTheNamedConstants() {
    TftpServerLimits d = TftpServerLimits.DEFAULTS;

    assertThat(d.maxTransfers()).isEqualTo(TftpServerLimits.DEFAULT_MAX_TRANSFERS).isEqualTo(1000);
    assertThat(d.maxTransfersPerClient()).isEqualTo(16);
    assertThat(d.shutdownTimeout()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void toBuilderRoundTripsAndEqualityIsByValue() {
    TftpServerLimits l = TftpServerLimits.builder().maxTransfers(7).maxTransfersPerClient(3)
        .shutdownTimeout(Duration.ofMillis(250)).build();

    assertThat(l.toBuilder().build()).isEqualTo(l).hasSameHashCodeAs(l);
    assertThat(l).isNotEqualTo(TftpServerLimits.DEFAULTS);
    assertThat(l.toString()).contains("maxTransfers=7", "maxTransfersPerClient=3");
  }

  @Test
  void outOfRangeValuesSayWhatIsExpected() {
    assertThatThrownBy(() -> TftpServerLimits.builder().maxTransfers(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxTransfers: 0 (expected: 1-1000000)");
    assertThatThrownBy(() -> TftpServerLimits.builder().maxTransfersPerClient(-1))
        .hasMessageContaining("(expected: 1-1000000)");
    assertThatThrownBy(() -> TftpServerLimits.builder().shutdownTimeout(Duration.ofHours(1)))
        .hasMessageContaining("expected: PT0S to PT10M");
  }
}
