package dev.netboot.server.simulation;

/** Ends a simulated boot: the message says why, for the {@link BootTrace}. */
final class BootFailure extends Exception {
  private static final long serialVersionUID = 1L;

  BootFailure(String message) {
    super(message, null, false, false);
  }
}
