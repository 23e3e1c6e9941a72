package dev.netboot.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** One line per sender per period. */
class MalformedLogTest {
  static final Instant T0 = Instant.parse("2026-11-22T08:00:00Z");

  @Test
  void logsOncePerSenderPerPeriod() {
    MalformedLog log = new MalformedLog(LoggerFactory.getLogger(MalformedLogTest.class));
    var a = Ipv4Text.parse("10.0.0.1");
    var b = Ipv4Text.parse("10.0.0.2");
    assertThat(log.dropped(a, "dhcp", "bad", T0)).isTrue();
    assertThat(log.dropped(a, "dhcp", "bad", T0.plusSeconds(59))).isFalse();
    assertThat(log.dropped(b, "dhcp", "bad", T0.plusSeconds(1))).isTrue();
    assertThat(log.dropped(a, "dhcp", "bad", T0.plus(MalformedLog.PERIOD))).isTrue();
  }
}
