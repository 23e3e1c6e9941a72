package dev.netboot.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BootHttpLimitsTest {
  @Test
  void defaultsAreTheNamedConstants() {
    BootHttpLimits d = BootHttpLimits.DEFAULTS;
    assertThat(d.maxConnections()).isEqualTo(1024);
    assertThat(d.maxInitialLineLength()).isEqualTo(4096);
    assertThat(d.maxHeaderSize()).isEqualTo(8192);
    assertThat(d.requestHeadTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(d.idleTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(d.shutdownGrace()).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void toBuilderRoundTrips() {
    BootHttpLimits l = BootHttpLimits.builder().maxConnections(7).maxRequestBody(0)
        .writeTimeout(Duration.ofSeconds(3)).shutdownGrace(Duration.ZERO).build();
    assertThat(l.toBuilder().build()).isEqualTo(l).hasSameHashCodeAs(l);
    assertThat(l).isNotEqualTo(BootHttpLimits.DEFAULTS);
    assertThat(l.toString()).contains("maxConnections=7");
  }

  @Test
  void outOfRangeValuesAreRefusedWithTheExpectedRange() {
    BootHttpLimits.Builder b = BootHttpLimits.builder();
    assertThatThrownBy(() -> b.maxConnections(0)).hasMessageContaining("expected: 1 to");
    assertThatThrownBy(() -> b.maxHeaderSize(10)).hasMessageContaining("expected: 256 to");
    assertThatThrownBy(() -> b.maxRequestBody(-1)).hasMessageContaining("expected: 0 to");
    assertThatThrownBy(() -> b.idleTimeout(Duration.ZERO)).hasMessageContaining("expected");
    assertThatThrownBy(() -> b.requestHeadTimeout(Duration.ofDays(1)))
        .hasMessageContaining("expected");
    assertThatThrownBy(() -> b.shutdownGrace(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BootHttpServer.builder(new FileCatalog()).threads(0))
        .hasMessageContaining("expected: 1 to");
  }
}
