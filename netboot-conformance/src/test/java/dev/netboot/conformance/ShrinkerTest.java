package dev.netboot.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Shrinkers propose strictly smaller values, and PropertyCheck reports the smallest failure. */
class ShrinkerTest {
  @Test
  void builtInsProposeOnlySmallerValues() {
    PropertyCheck.forAll("bytes shrink", 300, Generator.bytes(0, 300), b ->
        Shrinker.bytes().candidates(b).forEach(c -> assertThat(
            c.length < b.length || (c.length == b.length && nonZero(c) < nonZero(b))).isTrue()));
    PropertyCheck.forAll("longs shrink", 300, r -> r.nextLong(), v ->
        Shrinker.longs().candidates(v).forEach(c -> assertThat(
            magnitude(c).compareTo(magnitude(v)) < 0 || (c == -v && v < 0)).isTrue()));
    assertThat(Shrinker.longs().candidates(0L)).isEmpty();
    assertThat(Shrinker.bytes().candidates(new byte[0])).isEmpty();
    assertThat(Shrinker.string().candidates("")).isEmpty();
    assertThat(Shrinker.ints().candidates(-8)).contains(0, -4, -7, 8);
  }

  @Test
  void candidatesAreBounded() {
    assertThat(Shrinker.bytes().candidates(new byte[100_000]).size())
        .isLessThanOrEqualTo(Shrinker.MAX_CANDIDATES);
    assertThat(Shrinker.list(Shrinker.ints()).candidates(new ArrayList<>(
        java.util.Collections.nCopies(1_000, 9))).size())
        .isLessThanOrEqualTo(Shrinker.MAX_CANDIDATES);
  }

  @Test
  void aFailureIsShrunkToTheSmallestFailingValueAndNamesTheSeed() {
    // Fails when the array holds a byte of 7 or more: the smallest failing value is one byte.
    assertThatThrownBy(() -> PropertyCheck.forAll("no big byte", 200,
        Generator.bytes(50, 200), Shrinker.bytes(), b -> {
          for (byte x : b) {
            assertThat(x & 0xFF).isLessThan(7);
          }
        }))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("seed ")
        .hasMessageContaining("-Dnetboot.caseSeed=")
        .hasMessageMatching("(?s).*smallest failing value \\(\\d+ shrinks, \\d+ candidates"
            + " tried\\): bytes\\[1\\] [0-9a-f]{2}\\n.*");
  }

  @Test
  void listsAndIntsShrinkTogether() {
    // Fails when the sum reaches 100: shrinking ends on a short list of small numbers.
    AssertionError e = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
        () -> PropertyCheck.forAll("small sum", 200,
            Generator.listOf(r -> r.nextInt(1_000), 5, 40), Shrinker.list(Shrinker.ints()),
            l -> assertThat(l.stream().mapToInt(Integer::intValue).sum()).isLessThan(100)));
    String smallest = e.getMessage().replaceAll("(?s).*smallest failing value[^:]*: ", "")
        .replaceAll("(?s)\\n.*", "");
    List<Integer> numbers = new ArrayList<>();
    for (String s : smallest.replaceAll("[\\[\\] ]", "").split(",")) {
      numbers.add(Integer.parseInt(s));
    }
    assertThat(numbers.stream().mapToInt(Integer::intValue).sum()).isGreaterThanOrEqualTo(100);
    assertThat(numbers.size()).as(smallest).isLessThanOrEqualTo(2);
  }

  @Test
  void shrinkingIsBoundedEvenWhenEveryCandidateFails() {
    AtomicInteger calls = new AtomicInteger();
    Shrinker<Long> endless = v -> List.of(v + 1); // Never smaller: only the bound stops it.
    assertThatThrownBy(() -> PropertyCheck.forAll("always fails", 1, r -> 0L, endless, v -> {
      calls.incrementAndGet();
      throw new IllegalStateException("no");
    })).isInstanceOf(AssertionError.class);
    assertThat(calls.get()).isLessThanOrEqualTo(PropertyCheck.MAX_SHRINK_STEPS + 1);
  }

  @Test
  void theOldApiStillReportsWithoutShrinking() {
    assertThatThrownBy(() -> PropertyCheck.forAll("old", 10, Generator.bytes(1, 5),
        b -> assertThat(b).isEmpty()))
        .hasMessageContaining("property 'old' failed on case 1")
        .hasMessageNotContaining("smallest failing value");
  }

  private static BigInteger magnitude(long v) {
    return BigInteger.valueOf(v).abs();
  }

  private static int nonZero(byte[] b) {
    int n = 0;
    for (byte x : b) {
      n += x != 0 ? 1 : 0;
    }
    return n;
  }
}
