package dev.netboot.conformance;

import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Runs a property over many generated cases and, when one fails, says how to replay it.
 *
 * <p>Each run draws a master seed (or takes {@code -Dnetboot.seed=N}); each case gets its own
 * seed from it. A failure is an {@link AssertionError} whose message names the property, the
 * case, both seeds and the value, with the failure as its cause. {@code -Dnetboot.cases=N}
 * changes the number of cases of every property, for a longer run.
 *
 * <pre>{@code
 * PropertyCheck.forAll("round trip", 5_000, DhcpGenerators.messages(), m ->
 *     assertEquals(m, DhcpMessageDecoder.decode(DhcpMessageEncoder.toBytes(m))));
 * }</pre>
 */
public final class PropertyCheck {
  /** The system property that fixes the master seed. */
  public static final String SEED_PROPERTY = "netboot.seed";
  /** The system property that overrides the number of cases. */
  public static final String CASES_PROPERTY = "netboot.cases";
  /** The system property that replays one case seed alone. */
  public static final String CASE_SEED_PROPERTY = "netboot.caseSeed";

  private PropertyCheck() {}

  /**
   * Checks {@code property} on {@code cases} values of {@code generator}.
   *
   * @param name the property's name, for the failure message
   * @param cases how many cases, unless {@code -Dnetboot.cases} says otherwise
   * @param generator makes the values
   * @param property throws (an assertion error or anything else) when a value breaks it
   * @param <T> the value type
   * @throws AssertionError naming the seeds when a case fails
   */
  public static <T> void forAll(
      String name, int cases, Generator<T> generator, Consumer<? super T> property) {
    String caseSeedText = System.getProperty(CASE_SEED_PROPERTY);
    if (caseSeedText != null) {
      long caseSeed = Long.parseLong(caseSeedText);
      runCase(name, 0, 1, 0, caseSeed, generator, property);
      return;
    }
    long seed = masterSeed();
    int n = Integer.getInteger(CASES_PROPERTY, cases);
    SplittableRandom master = new SplittableRandom(seed);
    for (int i = 0; i < n; i++) {
      runCase(name, i, n, seed, master.nextLong(), generator, property);
    }
  }

  private static <T> void runCase(
      String name, int index, int total, long seed, long caseSeed, Generator<T> generator,
      Consumer<? super T> property) {
    T value;
    try {
      value = generator.next(new SplittableRandom(caseSeed));
    } catch (RuntimeException e) {
      throw failure(name, index, total, seed, caseSeed, "<generator failed>", e);
    }
    try {
      property.accept(value);
    } catch (RuntimeException | AssertionError e) {
      throw failure(name, index, total, seed, caseSeed, String.valueOf(value), e);
    }
  }

  private static long masterSeed() {
    String text = System.getProperty(SEED_PROPERTY);
    return text != null ? Long.parseLong(text) : new SplittableRandom().nextLong();
  }

  private static AssertionError failure(
      String name, int index, int total, long seed, long caseSeed, String value, Throwable e) {
    String shown = value.length() > 2_000 ? value.substring(0, 2_000) + "..." : value;
    return new AssertionError(
        "property '" + name + "' failed on case " + (index + 1) + " of " + total
            + " (seed " + seed + ", case seed " + caseSeed + "; replay with -D" + SEED_PROPERTY
            + "=" + seed + " or -D" + CASE_SEED_PROPERTY + "=" + caseSeed + ")\n  value: " + shown
            + "\n  failure: " + e,
        e);
  }
}
