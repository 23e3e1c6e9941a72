package dev.netboot.conformance.net;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link LossyUdpRelay} does to each datagram, in each direction: drop it, deliver it
 * twice, delay each copy by a uniform time within a range, or hold it back so that later
 * datagrams overtake it. Every decision comes from a generator seeded with {@link #seed()}, so
 * the same seed makes the same decisions for the same sequence of datagrams.
 */
public final class LinkFaults {
  /** The longest delay a datagram may be given; longer would only stall the peers' timers. */
  public static final Duration MAX_DELAY = Duration.ofSeconds(10);

  /** A perfect link: nothing dropped, duplicated, delayed or reordered. */
  public static final LinkFaults NONE = builder().build();

  private final double drop;
  private final double duplicate;
  private final double reorder;
  private final Duration minDelay;
  private final Duration maxDelay;
  private final long seed;

  private LinkFaults(Builder b) {
    this.drop = b.drop;
    this.duplicate = b.duplicate;
    this.reorder = b.reorder;
    this.minDelay = b.minDelay;
    this.maxDelay = b.maxDelay;
    this.seed = b.seed;
  }

  /** Returns a builder of a perfect link with seed 0. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding this value's settings. */
  public Builder toBuilder() {
    return new Builder()
        .drop(drop)
        .duplicate(duplicate)
        .reorder(reorder)
        .delay(minDelay, maxDelay)
        .seed(seed);
  }

  /** Returns the probability that a datagram is dropped. */
  public double drop() {
    return drop;
  }

  /** Returns the probability that a datagram is delivered twice. */
  public double duplicate() {
    return duplicate;
  }

  /** Returns the probability that a datagram is held back by an extra {@link #maxDelay()}. */
  public double reorder() {
    return reorder;
  }

  /** Returns the shortest delay of each copy. */
  public Duration minDelay() {
    return minDelay;
  }

  /** Returns the longest delay of each copy. */
  public Duration maxDelay() {
    return maxDelay;
  }

  /** Returns the seed of the relay's decisions. */
  public long seed() {
    return seed;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof LinkFaults f
        && drop == f.drop
        && duplicate == f.duplicate
        && reorder == f.reorder
        && minDelay.equals(f.minDelay)
        && maxDelay.equals(f.maxDelay)
        && seed == f.seed;
  }

  @Override
  public int hashCode() {
    return Objects.hash(drop, duplicate, reorder, minDelay, maxDelay, seed);
  }

  @Override
  public String toString() {
    return "LinkFaults{drop=" + drop + ", duplicate=" + duplicate + ", reorder=" + reorder
        + ", delay=" + minDelay.toMillis() + ".." + maxDelay.toMillis() + " ms, seed=" + seed
        + "}";
  }

  /** Builds {@link LinkFaults}; every setter checks its argument. */
  public static final class Builder {
    private double drop;
    private double duplicate;
    private double reorder;
    private Duration minDelay = Duration.ZERO;
    private Duration maxDelay = Duration.ZERO;
    private long seed;

    private Builder() {}

    /**
     * Sets the probability that a datagram is dropped.
     *
     * @param probability 0 to 1
     * @return this builder
     */
    public Builder drop(double probability) {
      this.drop = probability("drop", probability);
      return this;
    }

    /**
     * Sets the probability that a datagram is delivered twice.
     *
     * @param probability 0 to 1
     * @return this builder
     */
    public Builder duplicate(double probability) {
      this.duplicate = probability("duplicate", probability);
      return this;
    }

    /**
     * Sets the probability that a datagram is held back by an extra maximum delay, so that the
     * datagrams after it arrive first.
     *
     * @param probability 0 to 1
     * @return this builder
     */
    public Builder reorder(double probability) {
      this.reorder = probability("reorder", probability);
      return this;
    }

    /**
     * Sets the range of each copy's delay, drawn uniformly.
     *
     * @param min the shortest, zero or more
     * @param max the longest, from {@code min} to {@link #MAX_DELAY}
     * @return this builder
     */
    public Builder delay(Duration min, Duration max) {
      if (min.isNegative() || max.compareTo(min) < 0 || max.compareTo(MAX_DELAY) > 0) {
        throw new IllegalArgumentException("delay: " + min + ".." + max
            + " (expected: 0 <= min <= max <= " + MAX_DELAY + ")");
      }
      this.minDelay = min;
      this.maxDelay = max;
      return this;
    }

    /**
     * Sets the seed of every decision.
     *
     * @param seed any value
     * @return this builder
     */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Returns the faults. */
    public LinkFaults build() {
      return new LinkFaults(this);
    }

    private static double probability(String what, double p) {
      if (!(p >= 0 && p <= 1)) {
        throw new IllegalArgumentException(what + ": " + p + " (expected: 0.0 to 1.0)");
      }
      return p;
    }
  }
}
