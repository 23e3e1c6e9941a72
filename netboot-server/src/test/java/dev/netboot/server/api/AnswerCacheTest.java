package dev.netboot.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netboot.pxe.BootDecision;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link AnswerCache}: expiry and the bound on machines. */
class AnswerCacheTest {
  private static final BootDecision BOOT = BootDecision.linux("http://x.test/k", List.of(), "");

  @Test
  void answersExpireAfterTheTtl() {
    AnswerCache cache = new AnswerCache(1000);
    cache.put("a", BOOT, 5000);

    assertThat(cache.get("a", 5999)).isEqualTo(BOOT);
    assertThat(cache.get("a", 6000)).isNull();
    assertThat(cache.get("b", 5000)).isNull();
  }

  @Test
  void zeroTtlKeepsNothing() {
    AnswerCache cache = new AnswerCache(0);
    cache.put("a", BOOT, 0);

    assertThat(cache.get("a", 0)).isNull();
  }

  @Test
  void fullCacheDropsExpiredAnswersOrDeclinesNewOnes() {
    AnswerCache cache = new AnswerCache(1000);
    for (int i = 0; i < AnswerCache.MAX_MACHINES; i++) {
      cache.put("m" + i, BOOT, 0);
    }
    cache.put("late", BOOT, 10);
    assertThat(cache.get("late", 10)).isNull();
    assertThat(cache.get("m0", 10)).isEqualTo(BOOT);

    cache.put("later", BootDecision.ignore(), 2000);
    assertThat(cache.get("later", 2000)).isEqualTo(BootDecision.ignore());
  }
}
