package dev.netboot.pxe;

/**
 * Sub-option 43.10, the menu prompt (PXE 2.1 table 2-1): how many seconds the ROM shows the
 * prompt before it picks the first menu item, and the text. A timeout of 0 picks the first item
 * at once, without showing anything: the "menu trick" that makes a ROM ask the boot server for
 * one item at once. A timeout of 255 waits for a key forever.
 *
 * @param timeoutSeconds 0 to 255
 * @param text the prompt, at most 254 bytes
 */
public record MenuPrompt(int timeoutSeconds, String text) {
  /** The timeout that picks the first item at once. */
  public static final int IMMEDIATE = 0;
  /** The timeout that waits for a key forever. */
  public static final int FOREVER = 255;

  /**
   * Checks the fields.
   *
   * @throws IllegalArgumentException if the timeout is outside 0..255 or the text is longer than
   *     254 chars or has a char above U+00FF
   */
  public MenuPrompt {
    if (timeoutSeconds < 0 || timeoutSeconds > 255) {
      throw new IllegalArgumentException(
          "menu prompt timeout: " + timeoutSeconds + " (expected: 0-255)");
    }
    PxeText.check("menu prompt", text, 254);
  }
}
