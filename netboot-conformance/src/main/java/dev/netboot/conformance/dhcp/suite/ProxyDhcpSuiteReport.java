package dev.netboot.conformance.dhcp.suite;

import java.net.Inet4Address;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * What a {@link ProxyDhcpSuite} run found: one {@link CheckResult} per check, in a fixed order,
 * and how the run was set up (so that {@link #seed()} can repeat it).
 */
public final class ProxyDhcpSuiteReport {
  private static final int ID_WIDTH = 40;

  private final Inet4Address server;
  private final int dhcpPort;
  private final int bootServerPort;
  private final int clientPort;
  private final boolean broadcast;
  private final long seed;
  private final Duration window;
  private final List<CheckResult> checks;
  private final Duration duration;

  ProxyDhcpSuiteReport(Inet4Address server, int dhcpPort, int bootServerPort, int clientPort,
      boolean broadcast, long seed, Duration window, List<CheckResult> checks,
      Duration duration) {
    this.server = server;
    this.dhcpPort = dhcpPort;
    this.bootServerPort = bootServerPort;
    this.clientPort = clientPort;
    this.broadcast = broadcast;
    this.seed = seed;
    this.window = window;
    this.checks = List.copyOf(checks);
    this.duration = duration;
  }

  /** Returns every check, in the order they are reported. */
  public List<CheckResult> checks() {
    return checks;
  }

  /** Returns the checks that failed. */
  public List<CheckResult> failures() {
    return checks.stream().filter(c -> c.status() == CheckResult.Status.FAIL).toList();
  }

  /**
   * Returns whether no check failed. Skipped checks do not count against the server: they had
   * nothing to inspect (a menu request when the OFFER named a file instead), or a check they
   * depend on failed already.
   */
  public boolean passed() {
    return failures().isEmpty();
  }

  /** Returns how many checks have this status. */
  public long count(CheckResult.Status status) {
    return checks.stream().filter(c -> c.status() == status).count();
  }

  /** Returns the seed the run used; pass it to {@link ProxyDhcpSuite.Builder#seed} to repeat. */
  public long seed() {
    return seed;
  }

  /** Returns the server address the suite ran against. */
  public Inet4Address server() {
    return server;
  }

  /** Returns how long the run took. */
  public Duration duration() {
    return duration;
  }

  /** Returns the one-line summary, as {@code 59 checks: 58 passed, 1 failed, 0 skipped}. */
  public String summary() {
    return checks.size() + " checks: " + count(CheckResult.Status.PASS) + " passed, "
        + count(CheckResult.Status.FAIL) + " failed, " + count(CheckResult.Status.SKIP)
        + " skipped";
  }

  /**
   * Returns the report as plain text: the setup, one line per check (result, id, milliseconds
   * waited, detail), the rule and its source under each check that did not pass, and the
   * summary.
   */
  public String toText() {
    StringBuilder sb = new StringBuilder();
    sb.append(setup()).append('\n');
    sb.append(String.format(Locale.ROOT, "%-6s %-" + ID_WIDTH + "s %6s  %s%n", "RESULT", "CHECK",
        "MS", "DETAIL"));
    for (CheckResult c : checks) {
      sb.append(String.format(Locale.ROOT, "%-6s %-" + ID_WIDTH + "s %6d  %s%n", c.status(),
          c.id(), c.duration().toMillis(), c.detail()));
      if (!c.passed()) {
        sb.append(String.format(Locale.ROOT, "%-6s %s [%s]%n", "", "expects: " + c.title(),
            c.source()));
      }
    }
    return sb.append(summary()).append('\n').toString();
  }

  /**
   * Returns the report as a Markdown table (result, check, rule, source, detail), for a README.
   */
  public String toMarkdown() {
    StringBuilder sb = new StringBuilder();
    sb.append(setup()).append("\n\n| Result | Check | Rule | Source | Detail |\n");
    sb.append("|---|---|---|---|---|\n");
    for (CheckResult c : checks) {
      sb.append("| ").append(c.status()).append(" | `").append(c.id()).append("` | ")
          .append(cell(c.title())).append(" | ").append(cell(c.source())).append(" | ")
          .append(cell(c.detail())).append(" |\n");
    }
    return sb.append('\n').append(summary()).append('\n').toString();
  }

  private String setup() {
    return "ProxyDHCP conformance of " + server.getHostAddress() + ": DHCP port " + dhcpPort
        + ", boot server port " + bootServerPort + ", client port " + clientPort + ", "
        + (broadcast ? "broadcast" : "unicast") + ", seed " + seed + ", window "
        + window.toMillis() + " ms, run " + duration.toMillis() + " ms";
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }

  @Override
  public String toString() {
    return "ProxyDhcpSuiteReport(" + server.getHostAddress() + ", " + summary() + ")";
  }
}
