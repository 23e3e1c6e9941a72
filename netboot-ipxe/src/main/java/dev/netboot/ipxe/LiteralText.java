package dev.netboot.ipxe;

/**
 * Text that must reach the command exactly as given. In a parsed script it is what the token
 * says; in a built one it may hold anything but NUL, and the renderer decides how to write it
 * (see {@link IpxeScriptRenderer}).
 *
 * @param text the text, never empty
 */
public record LiteralText(String text) implements WordPart {
  /** Checks the text. */
  public LiteralText {
    if (text.isEmpty()) {
      throw new IllegalArgumentException("empty literal text (expected: at least one character)");
    }
    if (text.indexOf('\0') >= 0) {
      throw new IllegalArgumentException(
          "literal text holds NUL, which iPXE strings cannot carry (expected: no U+0000)");
    }
  }

  @Override
  public String source() {
    return text;
  }

  @Override
  public String toString() {
    return text;
  }
}
