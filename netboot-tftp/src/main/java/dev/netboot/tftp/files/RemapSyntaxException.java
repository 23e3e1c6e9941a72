package dev.netboot.tftp.files;

/** A remap rule that cannot be parsed, with the line it is on. */
public final class RemapSyntaxException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final int lineNumber;

  /**
   * Creates the exception.
   *
   * @param lineNumber the 1-based line of the rule
   * @param message what is wrong
   */
  public RemapSyntaxException(int lineNumber, String message) {
    super("line " + lineNumber + ": " + message);
    this.lineNumber = lineNumber;
  }

  /** Returns the 1-based line of the rule. */
  public int lineNumber() {
    return lineNumber;
  }
}
