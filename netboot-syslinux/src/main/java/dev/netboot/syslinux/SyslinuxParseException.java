package dev.netboot.syslinux;

/**
 * Input that cannot be a syslinux configuration: the only exception this module's parsers and
 * loaders throw for bad input. It carries the file, line and column.
 *
 * <p>syslinux itself reads almost anything, so this is reserved for input it cannot read as
 * meant: a NUL character (binary data), a line longer than {@link ConfigDocument#MAX_LINE_LENGTH}
 * (syslinux would split it), a file larger than {@link ConfigDocument#MAX_FILE_SIZE}, includes
 * nested deeper than {@link ConfigLoader#MAX_INCLUDE_DEPTH} or in a cycle.
 */
public final class SyslinuxParseException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String reason;
  private final String file;
  private final int line;
  private final int column;

  /**
   * Creates an exception at a position.
   *
   * @param reason what was wrong, in a few words
   * @param file the file name
   * @param line the line, from 1
   * @param column the column, from 1
   */
  public SyslinuxParseException(String reason, String file, int line, int column) {
    super(file + ":" + line + ":" + column + ": " + reason);
    this.reason = reason;
    this.file = file;
    this.line = line;
    this.column = column;
  }

  /** Returns what was wrong, without the position. */
  public String reason() {
    return reason;
  }

  /** Returns the file name. */
  public String file() {
    return file;
  }

  /** Returns the line, from 1. */
  public int line() {
    return line;
  }

  /** Returns the column, from 1. */
  public int column() {
    return column;
  }

  /** Returns the position as a value. */
  public SourcePosition position() {
    return new SourcePosition(file, line, column);
  }
}
