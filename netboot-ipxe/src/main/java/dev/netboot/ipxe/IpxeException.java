package dev.netboot.ipxe;

import org.jspecify.annotations.Nullable;

/**
 * The root of this module's exceptions: something in or about an iPXE script that cannot be
 * processed, with where it is.
 *
 * <p>Line and column are 1-based; 0 means "not tied to a place" (for example an expansion that
 * runs away). The file name is whatever the caller named the script, if anything.
 */
public class IpxeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String reason;
  private final @Nullable String file;
  private final int line;
  private final int column;

  /**
   * Creates an exception.
   *
   * @param reason what is wrong, in a few words
   * @param file the script's name, or {@code null}
   * @param line the 1-based line, or 0
   * @param column the 1-based column, or 0
   */
  public IpxeException(String reason, @Nullable String file, int line, int column) {
    super(format(reason, file, line, column));
    this.reason = reason;
    this.file = file;
    this.line = line;
    this.column = column;
  }

  private static String format(String reason, @Nullable String file, int line, int column) {
    if (line == 0) {
      return file == null ? reason : file + ": " + reason;
    }
    return (file == null ? "" : file + ":") + line + ":" + column + ": " + reason;
  }

  /** Returns what is wrong, without the place. */
  public String reason() {
    return reason;
  }

  /** Returns the script's name as the caller gave it, or {@code null}. */
  public @Nullable String file() {
    return file;
  }

  /** Returns the 1-based line, or 0 when the problem has no place. */
  public int line() {
    return line;
  }

  /** Returns the 1-based column, or 0 when the problem has no place. */
  public int column() {
    return column;
  }
}
