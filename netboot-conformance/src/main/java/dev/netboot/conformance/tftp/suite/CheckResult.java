package dev.netboot.conformance.tftp.suite;

import java.time.Duration;

/**
 * The result of one check of a {@link TftpServerSuite}.
 *
 * @param id a short stable name, such as {@code blksize.8}
 * @param rfcSection where the rule comes from, such as {@code RFC 2348 sec 2}
 * @param title what the check verifies, in one line
 * @param outcome pass, fail or skip
 * @param detail what was seen: the numbers on a pass, the difference on a failure, the reason
 *     for a skip
 * @param duration how long the check took
 */
public record CheckResult(
    String id,
    String rfcSection,
    String title,
    CheckOutcome outcome,
    String detail,
    Duration duration) {
  /** Returns whether the check passed. */
  public boolean passed() {
    return outcome == CheckOutcome.PASS;
  }
}
