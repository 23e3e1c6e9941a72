package dev.netboot.conformance.tftp.suite;

/** How one check of a {@link TftpServerSuite} ended. */
public enum CheckOutcome {
  /** The server did what the RFC asks. */
  PASS,
  /** The server did something else; the check's detail says what. */
  FAIL,
  /** The check could not run: a file it needs was not given, or the server lacks the option. */
  SKIP
}
