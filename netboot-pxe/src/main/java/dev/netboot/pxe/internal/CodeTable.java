package dev.netboot.pxe.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;

/**
 * The named constants of one open code class, looked up by number; numbers no constant names get
 * a fresh "unknown" instance so that they survive a round trip.
 *
 * @param <T> the code class
 */
public final class CodeTable<T> {
  private final int max;
  private final Map<Integer, T> byCode = new HashMap<>();
  private final List<T> values;
  private final IntFunction<T> unknown;

  /**
   * Creates a table.
   *
   * @param max the largest valid number
   * @param code reads a constant's number
   * @param unknown makes the instance for a number no constant names
   * @param constants the named constants; their numbers must be distinct
   * @throws IllegalStateException if two constants share a number
   */
  @SafeVarargs
  public CodeTable(int max, ToIntFunction<T> code, IntFunction<T> unknown, T... constants) {
    this.max = max;
    this.unknown = unknown;
    List<T> list = new ArrayList<>();
    for (T c : constants) {
      if (byCode.put(code.applyAsInt(c), c) != null) {
        throw new IllegalStateException("duplicate code " + code.applyAsInt(c));
      }
      list.add(c);
    }
    this.values = Collections.unmodifiableList(list);
  }

  /**
   * Returns the constant for {@code code}, or an unknown instance.
   *
   * @throws IllegalArgumentException if {@code code} is outside 0..max
   */
  public T valueOf(int code) {
    if (code < 0 || code > max) {
      throw new IllegalArgumentException("code: " + code + " (expected: 0-" + max + ")");
    }
    T known = byCode.get(code);
    return known != null ? known : unknown.apply(code);
  }

  /** Returns the named constants in declaration order. */
  public List<T> values() {
    return values;
  }
}
