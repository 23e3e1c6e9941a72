package dev.netboot.ipxe;

import org.jspecify.annotations.Nullable;

/**
 * Text that is not a script this library can model: the only exception
 * {@link IpxeScriptParser} throws for bad input. Each hits a named limit of the parser or a byte
 * iPXE itself cannot carry (NUL).
 */
public final class IpxeParseException extends IpxeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates a parse exception.
   *
   * @param reason what is wrong
   * @param file the script's name, or {@code null}
   * @param line 1-based line
   * @param column 1-based column
   */
  public IpxeParseException(String reason, @Nullable String file, int line, int column) {
    super(reason, file, line, column);
  }
}
