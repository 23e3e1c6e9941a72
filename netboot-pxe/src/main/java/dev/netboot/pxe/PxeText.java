package dev.netboot.pxe;

/** Checks the one-byte-per-char texts of option 43 (menu items, prompt). */
final class PxeText {
  private PxeText() {}

  static void check(String what, String text, int maxLength) {
    if (text.length() > maxLength) {
      throw new IllegalArgumentException(
          what + " length: " + text.length() + " (expected: 0-" + maxLength + ")");
    }
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) > 0xFF) {
        throw new IllegalArgumentException(
            what + ": char U+" + Integer.toHexString(text.charAt(i)) + " at " + i
                + " (expected: U+0000-U+00FF)");
      }
    }
  }
}
