package dev.netboot.conformance;

import java.util.HexFormat;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

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
 *
 * <p>Given a {@link Shrinker}, a failure is shrunk first: the runner tries the shrinker's
 * candidates, keeps the first that still fails and starts again from it, until none fails or
 * {@link #MAX_SHRINK_STEPS} candidates were tried; the message then shows the smallest failing
 * value found beside the original one.
 *
 * <pre>{@code
 * PropertyCheck.forAll("decodes", 5_000, Generator.bytes(0, 600), Shrinker.bytes(), b ->
 *     assertDoesNotThrow(() -> parse(b)));
 * }</pre>
 */
public final class PropertyCheck {
  /** The system property that fixes the master seed. */
  public static final String SEED_PROPERTY = "netboot.seed";
  /** The system property that overrides the number of cases. */
  public static final String CASES_PROPERTY = "netboot.cases";
  /** The system property that replays one case seed alone. */
  public static final String CASE_SEED_PROPERTY = "netboot.caseSeed";
  /** The most candidate values tried while shrinking one failure. */
  public static final int MAX_SHRINK_STEPS = 1_000;

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
    forAll(name, cases, generator, Shrinker.none(), property);
  }

  /**
   * Checks {@code property} on {@code cases} values of {@code generator} and, when one fails,
   * shrinks it with {@code shrinker} before reporting.
   *
   * @param name the property's name, for the failure message
   * @param cases how many cases, unless {@code -Dnetboot.cases} says otherwise
   * @param generator makes the values
   * @param shrinker proposes smaller values than a failing one
   * @param property throws (an assertion error or anything else) when a value breaks it
   * @param <T> the value type
   * @throws AssertionError naming the seeds, the failing value and the smallest failing value
   *     found, with the smallest value's failure as its cause
   */
  public static <T> void forAll(String name, int cases, Generator<T> generator,
      Shrinker<T> shrinker, Consumer<? super T> property) {
    String caseSeedText = System.getProperty(CASE_SEED_PROPERTY);
    if (caseSeedText != null) {
      long caseSeed = Long.parseLong(caseSeedText);
      runCase(name, 0, 1, 0, caseSeed, generator, shrinker, property);
      return;
    }
    long seed = masterSeed();
    int n = Integer.getInteger(CASES_PROPERTY, cases);
    SplittableRandom master = new SplittableRandom(seed);
    for (int i = 0; i < n; i++) {
      runCase(name, i, n, seed, master.nextLong(), generator, shrinker, property);
    }
  }

  private static <T> void runCase(
      String name, int index, int total, long seed, long caseSeed, Generator<T> generator,
      Shrinker<T> shrinker, Consumer<? super T> property) {
    T value;
    try {
      value = generator.next(new SplittableRandom(caseSeed));
    } catch (RuntimeException e) {
      throw failure(name, index, total, seed, caseSeed, "<generator failed>", e);
    }
    Throwable failed = failureOf(property, value);
    if (failed == null) {
      return;
    }
    T smallest = value;
    int tried = 0;
    int shrinks = 0;
    boolean progress = true;
    while (progress && tried < MAX_SHRINK_STEPS) {
      progress = false;
      for (T candidate : shrinker.candidates(smallest)) {
        if (++tried > MAX_SHRINK_STEPS) {
          break;
        }
        Throwable f = failureOf(property, candidate);
        if (f != null) {
          smallest = candidate;
          failed = f;
          shrinks++;
          progress = true;
          break;
        }
      }
    }
    String shown = describe(value);
    if (shrinks > 0) {
      shown += "\n  smallest failing value (" + shrinks + " shrinks, " + Math.min(tried,
          MAX_SHRINK_STEPS) + " candidates tried): " + describe(smallest);
    }
    throw failure(name, index, total, seed, caseSeed, shown, failed);
  }

  private static <T> @Nullable Throwable failureOf(Consumer<? super T> property, T value) {
    try {
      property.accept(value);
      return null;
    } catch (RuntimeException | AssertionError e) {
      return e;
    }
  }

  // byte[] prints as "[B@1b6d3586" otherwise, which says nothing about the failing value.
  private static String describe(@Nullable Object value) {
    if (value instanceof byte[] b) {
      return "bytes[" + b.length + "] " + HexFormat.of().formatHex(b);
    }
    return String.valueOf(value);
  }

  private static long masterSeed() {
    String text = System.getProperty(SEED_PROPERTY);
    return text != null ? Long.parseLong(text) : new SplittableRandom().nextLong();
  }

  private static AssertionError failure(
      String name, int index, int total, long seed, long caseSeed, String value, Throwable e) {
    String shown = value.length() > 4_000 ? value.substring(0, 4_000) + "..." : value;
    return new AssertionError(
        "property '" + name + "' failed on case " + (index + 1) + " of " + total
            + " (seed " + seed + ", case seed " + caseSeed + "; replay with -D" + SEED_PROPERTY
            + "=" + seed + " or -D" + CASE_SEED_PROPERTY + "=" + caseSeed + ")\n  value: " + shown
            + "\n  failure: " + e,
        e);
  }
}
