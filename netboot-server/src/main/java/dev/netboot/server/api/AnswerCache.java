package dev.netboot.server.api;

import dev.netboot.pxe.BootDecision;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Recent API answers per MAC, so that the several DHCP packets of one boot (DISCOVER, the port
 * 4011 request, iPXE's own DHCP) cost one API request rather than one each. Bounded: once
 * {@link #MAX_MACHINES} answers are live, new ones are not kept. Thread-safe.
 */
final class AnswerCache {
  /** How many machines' answers are kept at most. */
  static final int MAX_MACHINES = 4096;

  private final long ttlNanos;
  private final ConcurrentHashMap<String, Entry> answers = new ConcurrentHashMap<>();

  private record Entry(BootDecision decision, long expiresNanos) {}

  /**
   * Creates the cache.
   *
   * @param ttlNanos how long an answer is reused; zero or less keeps nothing
   */
  AnswerCache(long ttlNanos) {
    this.ttlNanos = ttlNanos;
  }

  /**
   * Returns the live answer for a MAC.
   *
   * @param mac the MAC text
   * @param nowNanos {@link System#nanoTime()}
   * @return the answer, or {@code null} if none or expired
   */
  @Nullable BootDecision get(String mac, long nowNanos) {
    Entry entry = answers.get(mac);
    return entry != null && entry.expiresNanos - nowNanos > 0 ? entry.decision : null;
  }

  /**
   * Keeps an answer.
   *
   * @param mac the MAC text
   * @param decision the answer
   * @param nowNanos {@link System#nanoTime()}
   */
  void put(String mac, BootDecision decision, long nowNanos) {
    if (ttlNanos <= 0) {
      return;
    }
    if (answers.size() >= MAX_MACHINES) {
      answers.values().removeIf(entry -> entry.expiresNanos - nowNanos <= 0);
      if (answers.size() >= MAX_MACHINES) {
        return;
      }
    }
    answers.put(mac, new Entry(decision, nowNanos + ttlNanos));
  }
}
