package dev.netboot.conformance.dhcp.suite;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of one check of a {@link ProxyDhcpSuite} run.
 *
 * @param id a stable identifier, such as {@code offer.uefi-x64.options}
 * @param source where the rule comes from: a PXE 2.1 or RFC section, or a firmware note
 * @param title what the check expects, in a few words
 * @param status whether it passed
 * @param detail what was seen, or why it failed or was skipped
 * @param duration how long the check waited for the server
 */
public record CheckResult(
    String id, String source, String title, Status status, String detail, Duration duration) {
  /** Whether a check passed. */
  public enum Status {
    /** The server did what the rule asks. */
    PASS,
    /** The server did not; the detail says what it did. */
    FAIL,
    /** The check could not apply, e.g. there was no reply to inspect. */
    SKIP
  }

  /** Checks that no component is null. */
  public CheckResult {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(duration, "duration");
  }

  /** Returns PASS with {@code passDetail} if {@code problems} is empty, else FAIL listing them. */
  static CheckResult of(Rule rule, String id, List<String> problems, String passDetail,
      Duration duration) {
    return problems.isEmpty()
        ? new CheckResult(id, rule.source(), rule.title(), Status.PASS, passDetail, duration)
        : new CheckResult(id, rule.source(), rule.title(), Status.FAIL,
            String.join("; ", problems), duration);
  }

  /** Returns a SKIP of {@code rule}. */
  static CheckResult skip(Rule rule, String id, String why) {
    return new CheckResult(id, rule.source(), rule.title(), Status.SKIP, why, Duration.ZERO);
  }

  /** Returns whether the check passed. */
  public boolean passed() {
    return status == Status.PASS;
  }
}
