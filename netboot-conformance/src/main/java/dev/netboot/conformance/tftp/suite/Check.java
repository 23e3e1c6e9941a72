package dev.netboot.conformance.tftp.suite;

/**
 * One check of the suite: its names and its body.
 *
 * @param id the stable short name
 * @param rfcSection where the rule comes from
 * @param title what is verified
 * @param body runs the check: returns the detail of a pass, throws {@link CheckFailed} or
 *     {@link CheckSkipped} otherwise
 */
record Check(String id, String rfcSection, String title, Body body) {
  /** The code of a check. */
  @FunctionalInterface
  interface Body {
    String run(SuiteContext ctx) throws Exception;
  }
}
