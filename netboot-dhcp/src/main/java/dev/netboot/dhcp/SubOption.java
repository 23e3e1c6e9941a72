package dev.netboot.dhcp;

import java.util.Arrays;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * One sub-option of an encapsulated option (relay agent information, iPXE's option 175, PXE's
 * option 43): a code from 1 to 254 and up to 255 value bytes.
 */
public final class SubOption {
  private final int code;
  private final byte[] value;

  private SubOption(int code, byte[] value) {
    this.code = code;
    this.value = value;
  }

  /**
   * Returns a sub-option with a copy of {@code value}.
   *
   * @throws IllegalArgumentException if {@code code} is outside 1..254 or the value is longer than
   *     255 bytes
   */
  public static SubOption of(int code, byte[] value) {
    if (code < 1 || code > 254) {
      throw new IllegalArgumentException("sub-option code: " + code + " (expected: 1-254)");
    }
    if (value.length > 255) {
      throw new IllegalArgumentException(
          "sub-option length: " + value.length + " (expected: 0-255)");
    }
    return new SubOption(code, value.clone());
  }

  static SubOption wrap(int code, byte[] value) {
    return new SubOption(code, value);
  }

  /** Returns the sub-option code. */
  public int code() {
    return code;
  }

  /** Returns a copy of the value bytes. */
  public byte[] value() {
    return value.clone();
  }

  /** Returns the length of the value. */
  public int length() {
    return value.length;
  }

  byte[] valueUnsafe() {
    return value;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof SubOption
        && ((SubOption) o).code == code
        && Arrays.equals(((SubOption) o).value, value);
  }

  @Override
  public int hashCode() {
    return 31 * code + Arrays.hashCode(value);
  }

  @Override
  public String toString() {
    return code + "=" + HexFormat.of().formatHex(value);
  }
}
