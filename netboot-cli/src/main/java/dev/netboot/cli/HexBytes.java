package dev.netboot.cli;

import java.io.ByteArrayOutputStream;

/**
 * Reads bytes written as hex the way people paste them: {@code 0101 0600}, {@code 01:01:06:00},
 * {@code 0x01010600}, a one-line {@code .hex} capture, or {@code xxd -p} output over many lines.
 */
public final class HexBytes {
  private HexBytes() {}

  /**
   * Parses hex digits in either case. Whitespace and colons may separate groups of whole bytes;
   * each group may start with {@code 0x}.
   *
   * @throws IllegalArgumentException if the text holds no byte, a character that is not a hex
   *     digit, or a group with an odd number of digits, naming the position (from 1)
   */
  public static byte[] parse(String text) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length() / 2);
    int i = 0;
    while (i < text.length()) {
      if (isSeparator(text.charAt(i))) {
        i++;
        continue;
      }
      int group = i;
      if (text.startsWith("0x", i) || text.startsWith("0X", i)) {
        i += 2;
      }
      int digits = i;
      while (i < text.length() && !isSeparator(text.charAt(i))) {
        if (Character.digit(text.charAt(i), 16) < 0) {
          throw new IllegalArgumentException(
              "not a hex digit: '" + printable(text.charAt(i)) + "' at position " + (i + 1));
        }
        i++;
      }
      if (i == digits) {
        throw new IllegalArgumentException("no hex digits after '0x' at position " + (group + 1));
      }
      if ((i - digits) % 2 != 0) {
        // A lone nibble is a cut-off paste more often than a value; guessing its place would lie.
        throw new IllegalArgumentException(
            "odd number of hex digits in '" + text.substring(group, i) + "' at position "
                + (group + 1) + " (expected: whole bytes, two digits each)");
      }
      for (int d = digits; d < i; d += 2) {
        int high = Character.digit(text.charAt(d), 16);
        bytes.write(high << 4 | Character.digit(text.charAt(d + 1), 16));
      }
    }
    if (bytes.size() == 0) {
      throw new IllegalArgumentException("no hex bytes in the input");
    }
    return bytes.toByteArray();
  }

  private static boolean isSeparator(char c) {
    return c == ':' || Character.isWhitespace(c);
  }

  private static String printable(char c) {
    return c >= 0x20 && c < 0x7F ? String.valueOf(c) : String.format("\\u%04x", (int) c);
  }
}
