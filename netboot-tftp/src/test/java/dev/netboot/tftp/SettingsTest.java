package dev.netboot.tftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SettingsTest {
  @Test
  void serverDefaultsFitAnEthernetMtu() {
    TftpServerSettings s = TftpServerSettings.DEFAULTS;
    assertThat(s.maxBlksize()).isEqualTo(1468);
    assertThat(s.maxWindowsize()).isEqualTo(64);
    assertThat(s.writeAllowed()).isFalse();
    assertThat(s.retransmit().maxRetries()).isEqualTo(5);
    assertThat(s.toBuilder().build()).isEqualTo(s).hasSameHashCodeAs(s);
  }

  @Test
  void rangesAreChecked() {
    assertThatThrownBy(() -> TftpServerSettings.builder().maxBlksize(7))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("maxBlksize: 7 (expected: 8-65464)");
    assertThatThrownBy(() -> TftpServerSettings.builder().maxBlksize(65465))
        .hasMessageContaining("(expected: 8-65464)");
    assertThatThrownBy(() -> TftpServerSettings.builder().maxWindowsize(0))
        .hasMessageContaining("(expected: 1-65535)");
    assertThatThrownBy(() -> TftpServerSettings.builder().maxWriteSize(-1))
        .hasMessageContaining("(expected: 0-");
    assertThatThrownBy(() -> TftpClientSettings.builder().maxRetries(101))
        .hasMessageContaining("(expected: 0-100)");
    assertThatThrownBy(() -> TftpClientSettings.builder().idleTimeout(Duration.ZERO))
        .hasMessageContaining("(expected: PT0.001S to PT10M)");
    assertThatThrownBy(() -> TftpServerSettings.builder()
        .minRetransmitTimeout(Duration.ofSeconds(9)).maxRetransmitTimeout(Duration.ofSeconds(1))
        .build()).hasMessageContaining("(expected: minTimeout <= maxTimeout)");
    assertThatThrownBy(() -> TftpOptions.builder().blksize(4))
        .hasMessage("blksize: 4 (expected: 8-65464)");
    assertThatThrownBy(() -> TftpOptions.builder().rollover(2))
        .hasMessage("rollover: 2 (expected: 0-1 or -1)");
  }

  @Test
  void optionsListWhatDiffersFromRfc1350() {
    TftpOptions o = TftpOptions.builder().blksize(1432).tsize(0).windowsize(4).build();
    assertThat(o.toMap()).containsExactly(java.util.Map.entry("blksize", "1432"),
        java.util.Map.entry("tsize", "0"), java.util.Map.entry("windowsize", "4"));
    assertThat(TftpOptions.DEFAULTS.toMap()).isEmpty();
    assertThat(o.toBuilder().build()).isEqualTo(o);
    assertThat(TftpOptions.builder().timeout(2).build().timeoutNanos()).isEqualTo(2_000_000_000L);
    assertThat(TftpOptions.builder().timeout(2).utimeout(10_000).build().timeoutNanos())
        .isEqualTo(10_000_000L);
  }
}
