package dev.netboot.dhcp;

import java.util.Arrays;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * One DHCP option as it travels: a code and its value bytes.
 *
 * <p>The value is the whole logical option: an option split into several instances on the wire
 * (RFC 3396) is one {@code DhcpOption} here, and may be longer than 255 bytes. The typed view of
 * the value comes from a {@link DhcpOptionType}.
 */
public final class DhcpOption {
  private final DhcpOptionCode code;
  private final byte[] value;

  private DhcpOption(DhcpOptionCode code, byte[] value) {
    this.code = code;
    this.value = value;
  }

  /**
   * Creates an option from its code and a copy of its value.
   *
   * @throws IllegalArgumentException if {@code code} is a framing code (pad, overload, end)
   */
  public static DhcpOption of(DhcpOptionCode code, byte[] value) {
    return wrap(code, value.clone());
  }

  /** Creates an option over {@code value} without copying it; the caller gives it up. */
  static DhcpOption wrap(DhcpOptionCode code, byte[] value) {
    if (code.isFraming()) {
      throw new IllegalArgumentException(
          "option code: " + code + " (expected: not pad, overload or end; the codec writes those)");
    }
    return new DhcpOption(code, value);
  }

  /** Returns the option code. */
  public DhcpOptionCode code() {
    return code;
  }

  /** Returns a copy of the value bytes. */
  public byte[] value() {
    return value.clone();
  }

  /** Returns the length of the value in bytes. */
  public int length() {
    return value.length;
  }

  /** Returns the value bytes without copying; callers in this package must not change them. */
  byte[] valueUnsafe() {
    return value;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof DhcpOption
        && ((DhcpOption) o).code.equals(code)
        && Arrays.equals(((DhcpOption) o).value, value);
  }

  @Override
  public int hashCode() {
    return 31 * code.hashCode() + Arrays.hashCode(value);
  }

  /** Returns the code and the value in hex, as in {@code MESSAGE_TYPE(53)=01}. */
  @Override
  public String toString() {
    return code + "=" + HexFormat.of().formatHex(value);
  }
}
