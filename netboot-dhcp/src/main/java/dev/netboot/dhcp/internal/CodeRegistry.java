package dev.netboot.dhcp.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The known values of one open code class, looked up by number without boxing.
 *
 * @param <T> the code class
 */
public final class CodeRegistry<T> {
  private final int maxCode;
  private final Object[] byCode;
  private final List<T> values;
  private final IntFunction<T> unknown;

  /**
   * Creates a registry.
   *
   * @param maxCode the largest code the wire can carry
   * @param codeOf reads the number of a value
   * @param unknown makes the value for a number no constant names
   * @param known the named constants, each number at most once
   */
  @SafeVarargs
  public CodeRegistry(
      int maxCode, java.util.function.ToIntFunction<T> codeOf, IntFunction<T> unknown, T... known) {
    this.maxCode = maxCode;
    int largestKnown = 0;
    for (T value : known) {
      largestKnown = Math.max(largestKnown, codeOf.applyAsInt(value));
    }
    this.byCode = new Object[largestKnown + 1];
    this.unknown = unknown;
    List<T> list = new ArrayList<>(known.length);
    for (T value : known) {
      int code = codeOf.applyAsInt(value);
      if (byCode[code] != null) {
        throw new IllegalStateException("duplicate code " + code + ": " + value);
      }
      byCode[code] = value;
      list.add(value);
    }
    this.values = Collections.unmodifiableList(list);
  }

  /**
   * Returns the constant for {@code code}, or a new unknown value.
   *
   * @throws IllegalArgumentException if {@code code} is outside 0..maxCode
   */
  @SuppressWarnings("unchecked")
  public T valueOf(int code) {
    if (code < 0 || code > maxCode) {
      throw new IllegalArgumentException("code: " + code + " (expected: 0-" + maxCode + ")");
    }
    Object known = code < byCode.length ? byCode[code] : null;
    return known != null ? (T) known : unknown.apply(code);
  }

  /** Returns the named constants in declaration order. */
  public List<T> values() {
    return values;
  }
}
