package dev.netboot.conformance.tftp.suite;

/** Ends a check with {@link CheckOutcome#FAIL}; the message is the report's detail. */
final class CheckFailed extends Exception {
  private static final long serialVersionUID = 1L;

  CheckFailed(String detail) {
    super(detail, null, false, false);
  }
}
