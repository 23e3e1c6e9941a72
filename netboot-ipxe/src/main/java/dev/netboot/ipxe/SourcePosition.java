package dev.netboot.ipxe;

/**
 * Where something starts in a script's text: 1-based physical line and column (in characters).
 *
 * @param line the 1-based line
 * @param column the 1-based column
 */
public record SourcePosition(int line, int column) {
  /** A position for things that were built, not parsed. */
  public static final SourcePosition NONE = new SourcePosition(0, 0);

  /** Returns {@code line:column}. */
  @Override
  public String toString() {
    return line + ":" + column;
  }
}
