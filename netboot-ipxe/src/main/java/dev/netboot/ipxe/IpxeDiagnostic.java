package dev.netboot.ipxe;

/**
 * One finding of {@link IpxeValidator}.
 *
 * @param severity error (iPXE would fail or misbehave) or warning (suspicious)
 * @param position where, 1-based
 * @param message what, in one sentence
 */
public record IpxeDiagnostic(Severity severity, SourcePosition position, String message) {
  /** How bad a finding is. The set is closed. */
  public enum Severity {
    /** iPXE would fail, or go somewhere that does not exist. */
    ERROR,
    /** Legal but probably not what was meant. */
    WARNING
  }

  /**
   * Formats the finding as compilers do: {@code file:line:column: error: message}.
   *
   * @param file the script's name
   * @return the line
   */
  public String format(String file) {
    return file + ":" + position.line() + ":" + position.column() + ": "
        + severity.name().toLowerCase(java.util.Locale.ROOT) + ": " + message;
  }
}
