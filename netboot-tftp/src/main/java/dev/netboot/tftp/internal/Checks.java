package dev.netboot.tftp.internal;

import java.time.Duration;

/** Range checks for settings builders, with the "(expected: ...)" hint of the style guide. */
public final class Checks {
  private Checks() {}

  /**
   * Checks {@code min <= value <= max}.
   *
   * @param name the setting, for the message
   * @param value the value
   * @param min the smallest allowed
   * @param max the largest allowed
   * @return {@code value}
   * @throws IllegalArgumentException if out of range
   */
  public static long range(String name, long value, long min, long max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          name + ": " + value + " (expected: " + min + "-" + max + ")");
    }
    return value;
  }

  /**
   * Checks a duration against a range.
   *
   * @param name the setting, for the message
   * @param value the value
   * @param min the shortest allowed
   * @param max the longest allowed
   * @return {@code value} in nanoseconds
   * @throws IllegalArgumentException if out of range
   */
  public static long duration(String name, Duration value, Duration min, Duration max) {
    if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw new IllegalArgumentException(
          name + ": " + value + " (expected: " + min + " to " + max + ")");
    }
    return value.toNanos();
  }
}
