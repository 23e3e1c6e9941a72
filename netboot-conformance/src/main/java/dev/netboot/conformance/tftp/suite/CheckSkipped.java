package dev.netboot.conformance.tftp.suite;

/** Ends a check with {@link CheckOutcome#SKIP}; the message is the report's detail. */
final class CheckSkipped extends Exception {
  private static final long serialVersionUID = 1L;

  CheckSkipped(String detail) {
    super(detail, null, false, false);
  }
}
