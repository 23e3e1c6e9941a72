package dev.netboot.server.api;

/**
 * A body that is not one well-formed JSON value (RFC 8259), or one that passes the reader's
 * limits. Pixiecore ignores a machine whose API response does not parse; so does this package.
 */
final class JsonSyntaxException extends Exception {
  private static final long serialVersionUID = 1L;

  private final int offset;

  /**
   * Creates the exception.
   *
   * @param message what is wrong
   * @param offset the character offset in the text where it was found
   */
  JsonSyntaxException(String message, int offset) {
    super(message + " at offset " + offset);
    this.offset = offset;
  }

  /** Returns the character offset where the problem was found. */
  int offset() {
    return offset;
  }
}
