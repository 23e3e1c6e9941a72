package dev.netboot.server.internal;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;

/**
 * Logs a malformed datagram at most once per sender per period: a broken or hostile sender must
 * not be able to flood the log, and one line per sender is enough to find it.
 */
public final class MalformedLog {
  /** The period between two lines about one sender. */
  public static final Duration PERIOD = Duration.ofMinutes(1);
  /** Senders tracked at most; beyond, the table starts over (a few extra lines at worst). */
  public static final int MAX_SENDERS = 4096;

  private final Logger log;
  private final Map<InetAddress, Instant> lastLogged = new HashMap<>();

  /**
   * Creates the log.
   *
   * @param log where lines go
   */
  public MalformedLog(Logger log) {
    this.log = log;
  }

  /**
   * Logs that a datagram from {@code sender} was dropped, unless one was logged recently.
   *
   * @return whether a line was written
   */
  public synchronized boolean dropped(InetAddress sender, String service, String why, Instant now) {
    Instant last = lastLogged.get(sender);
    if (last != null && now.isBefore(last.plus(PERIOD))) {
      return false;
    }
    if (lastLogged.size() >= MAX_SENDERS) {
      lastLogged.clear();
    }
    lastLogged.put(sender, now);
    log.warn("{}: dropped malformed datagram from {}: {} (next report from this sender in {} s)",
        service, sender.getHostAddress(), why, PERIOD.getSeconds());
    return true;
  }
}
