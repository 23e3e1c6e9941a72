package dev.netboot.tftp.internal;

/** Reads the decimal values of TFTP options (RFC 2347: ASCII digits, NUL-terminated). */
public final class OptionValues {
  /** The most digits read; more could overflow a {@code long}. */
  static final int MAX_DIGITS = 18;

  private OptionValues() {}

  /**
   * Parses a non-negative decimal of plain ASCII digits.
   *
   * @param value the option's value
   * @return the number, or -1 if the value is not one (signs, spaces, empty, too long)
   */
  public static long parse(String value) {
    if (value.isEmpty() || value.length() > MAX_DIGITS) {
      return -1;
    }
    long n = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      n = n * 10 + (c - '0');
    }
    return n;
  }
}
