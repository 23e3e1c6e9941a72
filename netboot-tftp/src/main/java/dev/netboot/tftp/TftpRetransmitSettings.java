package dev.netboot.tftp;

import dev.netboot.tftp.internal.Checks;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How a transfer waits and retransmits (RFC 1350 section 2, RFC 1123 section 4.2.3.2): an
 * adaptive timeout estimated from round trips and kept between a minimum and a maximum, doubled
 * after each timeout, a bounded number of consecutive retransmissions, and an idle limit after
 * which a silent peer is given up. Part of both {@link TftpServerSettings} and
 * {@link TftpClientSettings}.
 */
public final class TftpRetransmitSettings {
  /** The largest number of consecutive retransmissions a setting may allow. */
  public static final int MAX_RETRIES_LIMIT = 100;
  /** The shortest timeout a setting may allow: below it a timer fires on scheduling noise. */
  public static final Duration SHORTEST_TIMEOUT = Duration.ofMillis(1);
  /** The longest timeout or idle limit a setting may allow. */
  public static final Duration LONGEST_TIMEOUT = Duration.ofMinutes(10);

  /** Defaults: 1 s first timeout, 20 ms to 5 s adaptive range, 5 retries, 30 s idle. */
  public static final TftpRetransmitSettings DEFAULTS = builder().build();

  private final long initialTimeoutNanos;
  private final long minTimeoutNanos;
  private final long maxTimeoutNanos;
  private final int maxRetries;
  private final long idleTimeoutNanos;

  private TftpRetransmitSettings(Builder b) {
    this.initialTimeoutNanos = b.initialTimeoutNanos;
    this.minTimeoutNanos = b.minTimeoutNanos;
    this.maxTimeoutNanos = b.maxTimeoutNanos;
    this.maxRetries = b.maxRetries;
    this.idleTimeoutNanos = b.idleTimeoutNanos;
  }

  /** Returns a builder holding {@link #DEFAULTS}. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding these settings. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.initialTimeoutNanos = initialTimeoutNanos;
    b.minTimeoutNanos = minTimeoutNanos;
    b.maxTimeoutNanos = maxTimeoutNanos;
    b.maxRetries = maxRetries;
    b.idleTimeoutNanos = idleTimeoutNanos;
    return b;
  }

  /** Returns the timeout used before any round trip was measured, in nanoseconds. */
  public long initialTimeoutNanos() {
    return initialTimeoutNanos;
  }

  /** Returns the floor of the adaptive timeout, in nanoseconds. */
  public long minTimeoutNanos() {
    return minTimeoutNanos;
  }

  /** Returns the ceiling of the adaptive timeout and of its backoff, in nanoseconds. */
  public long maxTimeoutNanos() {
    return maxTimeoutNanos;
  }

  /** Returns how many times in a row a packet is retransmitted before the transfer gives up. */
  public int maxRetries() {
    return maxRetries;
  }

  /** Returns how long a transfer waits for any packet from its peer, in nanoseconds. */
  public long idleTimeoutNanos() {
    return idleTimeoutNanos;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof TftpRetransmitSettings)) {
      return false;
    }
    TftpRetransmitSettings s = (TftpRetransmitSettings) o;
    return s.initialTimeoutNanos == initialTimeoutNanos && s.minTimeoutNanos == minTimeoutNanos
        && s.maxTimeoutNanos == maxTimeoutNanos && s.maxRetries == maxRetries
        && s.idleTimeoutNanos == idleTimeoutNanos;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        initialTimeoutNanos, minTimeoutNanos, maxTimeoutNanos, maxRetries, idleTimeoutNanos);
  }

  @Override
  public String toString() {
    return "TftpRetransmitSettings{initial=" + Duration.ofNanos(initialTimeoutNanos) + ", min="
        + Duration.ofNanos(minTimeoutNanos) + ", max=" + Duration.ofNanos(maxTimeoutNanos)
        + ", retries=" + maxRetries + ", idle=" + Duration.ofNanos(idleTimeoutNanos) + "}";
  }

  /** Builds {@link TftpRetransmitSettings}; {@link #build()} checks that min {@code <=} max. */
  public static final class Builder {
    private long initialTimeoutNanos = Duration.ofSeconds(1).toNanos();
    private long minTimeoutNanos = Duration.ofMillis(20).toNanos();
    private long maxTimeoutNanos = Duration.ofSeconds(5).toNanos();
    private int maxRetries = 5;
    private long idleTimeoutNanos = Duration.ofSeconds(30).toNanos();

    private Builder() {}

    /**
     * Sets the timeout used until a round trip is measured (RFC 2349's default is the server's
     * choice; tftp-hpa uses 1 s).
     *
     * @param timeout 1 ms to 10 min
     * @return this builder
     */
    public Builder initialTimeout(Duration timeout) {
      initialTimeoutNanos =
          Checks.duration("initialTimeout", timeout, SHORTEST_TIMEOUT, LONGEST_TIMEOUT);
      return this;
    }

    /**
     * Sets the floor of the adaptive timeout.
     *
     * @param timeout 1 ms to 10 min
     * @return this builder
     */
    public Builder minTimeout(Duration timeout) {
      minTimeoutNanos = Checks.duration("minTimeout", timeout, SHORTEST_TIMEOUT, LONGEST_TIMEOUT);
      return this;
    }

    /**
     * Sets the ceiling of the adaptive timeout and of its exponential backoff.
     *
     * @param timeout 1 ms to 10 min
     * @return this builder
     */
    public Builder maxTimeout(Duration timeout) {
      maxTimeoutNanos = Checks.duration("maxTimeout", timeout, SHORTEST_TIMEOUT, LONGEST_TIMEOUT);
      return this;
    }

    /**
     * Sets how many consecutive retransmissions are made before giving up.
     *
     * @param retries 0..100
     * @return this builder
     */
    public Builder maxRetries(int retries) {
      maxRetries = (int) Checks.range("maxRetries", retries, 0, MAX_RETRIES_LIMIT);
      return this;
    }

    /**
     * Sets how long a transfer waits for any packet from its peer before giving up.
     *
     * @param timeout 1 ms to 10 min
     * @return this builder
     */
    public Builder idleTimeout(Duration timeout) {
      idleTimeoutNanos = Checks.duration("idleTimeout", timeout, SHORTEST_TIMEOUT, LONGEST_TIMEOUT);
      return this;
    }

    /**
     * Returns the settings.
     *
     * @return the settings
     * @throws IllegalArgumentException if the minimum timeout exceeds the maximum
     */
    public TftpRetransmitSettings build() {
      if (minTimeoutNanos > maxTimeoutNanos) {
        throw new IllegalArgumentException("minTimeout " + Duration.ofNanos(minTimeoutNanos)
            + " > maxTimeout " + Duration.ofNanos(maxTimeoutNanos)
            + " (expected: minTimeout <= maxTimeout)");
      }
      return new TftpRetransmitSettings(this);
    }
  }
}
