package dev.netboot.cli.server;

/**
 * A mistake the user can fix (a missing file, a port that needs root): the command prints its
 * message as one {@code netboot: } line and exits 1, without a stack trace.
 */
final class UserError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UserError(String message) {
    super(message, null, false, false);
  }
}
