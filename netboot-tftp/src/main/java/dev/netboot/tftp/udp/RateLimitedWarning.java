package dev.netboot.tftp.udp;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * A WARN line that is written at most once per interval, with the number of occurrences it
 * stands for: a flood of refused requests must not become a flood of log lines.
 */
final class RateLimitedWarning {
  /** How often the warning may be written. */
  static final long INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);

  private final Logger log;
  private final String message;
  private final AtomicLong count = new AtomicLong();
  private final AtomicLong nextNanos = new AtomicLong(System.nanoTime());

  RateLimitedWarning(Logger log, String message) {
    this.log = log;
    this.message = message;
  }

  /** Counts an occurrence and writes the warning if the interval has passed. */
  void occurred(Object detail) {
    count.incrementAndGet();
    long now = System.nanoTime();
    long next = nextNanos.get();
    if (now - next >= 0 && nextNanos.compareAndSet(next, now + INTERVAL_NANOS)) {
      log.warn("{} ({}; {} times in the last {} s)", message, detail, count.getAndSet(0),
          TimeUnit.NANOSECONDS.toSeconds(INTERVAL_NANOS));
    }
  }
}
