package dev.netboot.dhcp;

import org.jspecify.annotations.Nullable;

/**
 * A protocol code: a number from a registry, with the name the registry gives it.
 *
 * <p>Codes are open value classes, not enums: decoding a number that no constant names yields a
 * fresh instance named {@code UNKNOWN}, so unknown wire values survive a round trip. Two codes of
 * the same class are equal when their numbers are.
 *
 * @param <T> the concrete code class
 */
public abstract class NamedCode<T extends NamedCode<T>> implements Comparable<T> {
  /** The name given to codes that no registry entry names. */
  public static final String UNKNOWN = "UNKNOWN";

  private final int code;
  private final String name;

  /**
   * Creates a code.
   *
   * @param code the wire number
   * @param name the registry's name for it
   */
  protected NamedCode(int code, String name) {
    this.code = code;
    this.name = name;
  }

  /** Returns the wire number. */
  public final int code() {
    return code;
  }

  /** Returns the registry's name, or {@link #UNKNOWN}. */
  public final String name() {
    return name;
  }

  /** Returns whether a registry entry names this code. */
  public final boolean isKnown() {
    return !UNKNOWN.equals(name);
  }

  @Override
  public final int compareTo(T other) {
    return Integer.compare(code, other.code());
  }

  @Override
  public final boolean equals(@Nullable Object o) {
    return o != null && o.getClass() == getClass() && ((NamedCode<?>) o).code == code;
  }

  @Override
  public final int hashCode() {
    return code;
  }

  /** Returns {@code NAME(code)}, as in {@code DISCOVER(1)}. */
  @Override
  public String toString() {
    return name + "(" + code + ")";
  }
}
