package dev.netboot.tftp.internal;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * How many lines about failures one peer address may write per period: enough to follow a
 * real machine's boot (pxelinux asks for ten missing config files in a row, and each miss is a
 * failed transfer worth seeing), too few for a flood of bad requests to flood the log. Lines
 * beyond the budget are counted and the count is reported with the peer's next admitted line.
 */
public final class PeerLogBudget {
  /** Lines per peer per period. */
  public static final int LINES_PER_PERIOD = 20;
  /** The period. */
  public static final long PERIOD_NANOS = TimeUnit.MINUTES.toNanos(1);
  /** Peers tracked at most; beyond, the table starts over (a few extra lines at worst). */
  public static final int MAX_PEERS = 4096;

  private final Map<InetAddress, long[]> peers = new HashMap<>(); // {period start, lines, held}

  /**
   * Spends one line of {@code peer}'s budget.
   *
   * @param peer the peer's address
   * @param nowNanos the time, on {@link System#nanoTime}
   * @return a suffix for the line ({@code ""}, or why lines after it will be missing, or how
   *     many were held back before it), or {@code null} if the line must not be written
   */
  public synchronized @Nullable String spend(InetAddress peer, long nowNanos) {
    long[] budget = peers.get(peer);
    if (budget == null || nowNanos - budget[0] >= PERIOD_NANOS) {
      if (budget == null && peers.size() >= MAX_PEERS) {
        peers.clear();
      }
      long held = budget == null ? 0 : budget[2];
      budget = new long[] {nowNanos, 0, 0};
      peers.put(peer, budget);
      if (held > 0) {
        budget[1]++;
        return " (" + held + " more from this address in the minute before were not logged)";
      }
    }
    if (budget[1] >= LINES_PER_PERIOD) {
      budget[2]++;
      return null;
    }
    budget[1]++;
    return budget[1] == LINES_PER_PERIOD
        ? " (further failures from this address in the next minute are counted, not logged)" : "";
  }
}
