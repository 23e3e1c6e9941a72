package dev.netboot.conformance.tftp.suite;

import java.net.InetSocketAddress;
import java.util.List;

/**
 * What a {@link TftpServerSuite} run found: one {@link CheckResult} per check, in the order run,
 * with the seed that replays the run's random choices (file names, upload content, the lossy
 * link's decisions).
 *
 * @param server the server tested
 * @param seed the run's seed; pass it to {@link TftpServerSuite.Builder#seed(long)} to replay
 * @param checks every check's result
 */
public record TftpSuiteReport(InetSocketAddress server, long seed, List<CheckResult> checks) {
  private static final int ID_WIDTH = 24;
  private static final int RFC_WIDTH = 18;

  /**
   * Creates a report.
   *
   * @param server the server tested
   * @param seed the run's seed
   * @param checks every check's result
   */
  public TftpSuiteReport {
    checks = List.copyOf(checks);
  }

  /** Returns whether no check failed (skipped checks do not count as failures). */
  public boolean passed() {
    return count(CheckOutcome.FAIL) == 0;
  }

  /** Returns the checks that failed. */
  public List<CheckResult> failures() {
    return checks.stream().filter(c -> c.outcome() == CheckOutcome.FAIL).toList();
  }

  /**
   * Returns how many checks ended with {@code outcome}.
   *
   * @param outcome pass, fail or skip
   * @return the count
   */
  public long count(CheckOutcome outcome) {
    return checks.stream().filter(c -> c.outcome() == outcome).count();
  }

  /**
   * Returns a readable table: one line per check (id, RFC section, result, time, title) and an
   * indented line with its detail, then a summary line.
   *
   * @return the text, lines ending with {@code \n}
   */
  public String toText() {
    StringBuilder out = new StringBuilder();
    out.append("TFTP server conformance: ").append(server.getHostString()).append(':')
        .append(server.getPort()).append("  (seed ").append(seed).append(")\n");
    out.append(pad("CHECK", ID_WIDTH)).append(pad("RULE", RFC_WIDTH))
        .append("RESULT  TIME      TITLE / DETAIL\n");
    for (CheckResult c : checks) {
      out.append(pad(c.id(), ID_WIDTH)).append(pad(c.rfcSection(), RFC_WIDTH))
          .append(pad(c.outcome().name(), 8))
          .append(pad(c.duration().toMillis() + " ms", 10)).append(c.title()).append('\n');
      if (!c.detail().isEmpty()) {
        out.append(" ".repeat(ID_WIDTH + RFC_WIDTH + 18)).append(c.detail().replace("\n", " "))
            .append('\n');
      }
    }
    out.append(checks.size()).append(" checks: ").append(count(CheckOutcome.PASS))
        .append(" passed, ").append(count(CheckOutcome.FAIL)).append(" failed, ")
        .append(count(CheckOutcome.SKIP)).append(" skipped\n");
    return out.toString();
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s + " " : s + " ".repeat(width - s.length());
  }
}
