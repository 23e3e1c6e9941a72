package dev.netboot.server.api;

/**
 * An API answer this package cannot turn into a boot decision: a body that is not JSON, a field of
 * the wrong type, a URL that does not parse or cannot be served, a command-line template outside
 * the supported subset. Pixiecore ignores the machine then ("malformed 200 responses will have the
 * same result as a non-200 response"), and so does {@link PixiecoreApiPolicy}.
 */
final class ApiResponseException extends Exception {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what is wrong with the answer
   */
  ApiResponseException(String message) {
    super(message);
  }

  /**
   * Creates the exception with its cause.
   *
   * @param message what is wrong with the answer
   * @param cause the parse error underneath
   */
  ApiResponseException(String message, Throwable cause) {
    super(message, cause);
  }
}
