package dev.netboot.conformance.hostile;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * What a {@link HostileCampaign} run found: one {@link Row} per listener and category, in the
 * order they ran, and the seed that repeats the run.
 */
public final class HostileReport {
  /** Violations kept word for word per row; the rest are only counted. */
  public static final int MAX_EXAMPLES = 5;

  private final long seed;
  private final List<Row> rows;
  private final Duration duration;

  HostileReport(long seed, List<Row> rows, Duration duration) {
    this.seed = seed;
    this.rows = List.copyOf(rows);
    this.duration = duration;
  }

  /** Returns the seed of the run; the same seed sends the same cases. */
  public long seed() {
    return seed;
  }

  /** Returns every row, in the order the categories ran. */
  public List<Row> rows() {
    return rows;
  }

  /** Returns how long the run took. */
  public Duration duration() {
    return duration;
  }

  /** Returns the number of cases sent over all rows. */
  public long cases() {
    return rows.stream().mapToLong(Row::cases).sum();
  }

  /** Returns the number of violations over all rows. */
  public long violations() {
    return rows.stream().mapToLong(Row::violations).sum();
  }

  /** Returns whether no row has a violation. */
  public boolean passed() {
    return violations() == 0;
  }

  /** Returns the report as a Markdown table, one line a row, with totals. */
  public String toMarkdown() {
    StringBuilder sb = new StringBuilder();
    sb.append("| listener | category | rule | cases | answered | violations | s |\n");
    sb.append("| --- | --- | --- | ---: | ---: | ---: | ---: |\n");
    for (Row r : rows) {
      sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %d | %d | %d | %.1f |%n",
          r.listener(), r.category(), r.rule(), r.cases(), r.answered(), r.violations(),
          r.duration().toMillis() / 1000.0));
    }
    sb.append(String.format(Locale.ROOT, "| **all** | | | **%d** | **%d** | **%d** | %.1f |%n",
        cases(), rows.stream().mapToLong(Row::answered).sum(), violations(),
        duration.toMillis() / 1000.0));
    return sb.toString();
  }

  /** Returns the report as plain text, with the violations each row kept. */
  public String toText() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "hostile campaign, seed %d: %d cases, %d violations, %d"
        + " ms%n", seed, cases(), violations(), duration.toMillis()));
    for (Row r : rows) {
      sb.append(String.format(Locale.ROOT, "%s %-10s %-41s %6d cases %6d answered %6d ms  %s%n",
          r.violations() == 0 ? "PASS" : "FAIL", r.listener(), r.category(), r.cases(),
          r.answered(), r.duration().toMillis(), r.rule()));
      for (String example : r.examples()) {
        sb.append("       ").append(example).append('\n');
      }
      if (r.violations() > r.examples().size()) {
        sb.append(String.format(Locale.ROOT, "       ... and %d more%n",
            r.violations() - r.examples().size()));
      }
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return toText();
  }

  /**
   * One category of hostile traffic sent to one listener.
   *
   * @param listener the listener: {@code dhcp}, {@code bootserver}, {@code tftp} or {@code http}
   * @param category what was sent
   * @param rule what the server must do with it
   * @param cases how many cases were sent
   * @param answered how many of them got any answer
   * @param violations how many answers broke the rule
   * @param examples the first violations, described
   * @param duration how long the category ran
   */
  public record Row(String listener, String category, String rule, long cases, long answered,
      long violations, List<String> examples, Duration duration) {
    /** Copies the examples. */
    public Row {
      examples = List.copyOf(examples);
    }
  }

  /** Counts one row while its category runs; thread-safe. */
  static final class Tally {
    private final String listener;
    private final String category;
    private final String rule;
    private long cases;
    private long answered;
    private long violations;
    private final List<String> examples = new ArrayList<>();
    private final long startNanos = System.nanoTime();

    Tally(String listener, String category, String rule) {
      this.listener = listener;
      this.category = category;
      this.rule = rule;
    }

    synchronized void sent() {
      cases++;
    }

    synchronized void answered() {
      answered++;
    }

    synchronized void violation(String what) {
      violations++;
      if (examples.size() < MAX_EXAMPLES) {
        examples.add(what);
      }
    }

    synchronized Row row() {
      return new Row(listener, category, rule, cases, answered, violations,
          Collections.unmodifiableList(new ArrayList<>(examples)),
          Duration.ofNanos(System.nanoTime() - startNanos));
    }
  }
}
