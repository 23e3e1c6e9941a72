package dev.netboot.tftp;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The options in force for one transfer, after negotiation (RFC 2347): the block size (RFC
 * 2348), timeout and transfer size (RFC 2349), window size (RFC 7440), and tftp-hpa's
 * {@code utimeout} and {@code rollover}. A transfer without an OACK uses {@link #DEFAULTS}, the
 * plain RFC 1350 values. Options that were not negotiated read as -1, except the block size and
 * the window size, which then have their RFC 1350 values 512 and 1.
 */
public final class TftpOptions {
  /** Option name of the block size (RFC 2348). */
  public static final String BLKSIZE = "blksize";
  /** Option name of the retransmission timeout in seconds (RFC 2349). */
  public static final String TIMEOUT = "timeout";
  /** Option name of the transfer size (RFC 2349). */
  public static final String TSIZE = "tsize";
  /** Option name of the window size (RFC 7440). */
  public static final String WINDOWSIZE = "windowsize";
  /** Option name of tftp-hpa's retransmission timeout in microseconds. */
  public static final String UTIMEOUT = "utimeout";
  /** Option name of tftp-hpa's block number after 65535: 0 or 1. */
  public static final String ROLLOVER = "rollover";

  /** The block size of RFC 1350. */
  public static final int DEFAULT_BLKSIZE = 512;
  /** The smallest block size (RFC 2348). */
  public static final int MIN_BLKSIZE = 8;
  /** The largest block size (RFC 2348): 65535 minus IP and UDP headers and TFTP's four bytes. */
  public static final int MAX_BLKSIZE = 65464;
  /** The smallest timeout in seconds (RFC 2349). */
  public static final int MIN_TIMEOUT = 1;
  /** The largest timeout in seconds (RFC 2349). */
  public static final int MAX_TIMEOUT = 255;
  /** The smallest {@code utimeout} in microseconds (tftp-hpa: 10 ms). */
  public static final long MIN_UTIMEOUT = 10_000;
  /** The largest {@code utimeout} in microseconds (tftp-hpa: 255 s). */
  public static final long MAX_UTIMEOUT = 255_000_000;
  /** The smallest window size (RFC 7440). */
  public static final int MIN_WINDOWSIZE = 1;
  /** The largest window size (RFC 7440). */
  public static final int MAX_WINDOWSIZE = 65535;

  /** The options of a plain RFC 1350 transfer: 512-byte blocks, one block per window. */
  public static final TftpOptions DEFAULTS = builder().build();

  private final int blksize;
  private final int timeout;
  private final long tsize;
  private final int windowsize;
  private final long utimeout;
  private final int rollover;

  private TftpOptions(Builder b) {
    this.blksize = b.blksize;
    this.timeout = b.timeout;
    this.tsize = b.tsize;
    this.windowsize = b.windowsize;
    this.utimeout = b.utimeout;
    this.rollover = b.rollover;
  }

  /** Returns a builder holding {@link #DEFAULTS}. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding these options. */
  public Builder toBuilder() {
    return builder().blksize(blksize).timeout(timeout).tsize(tsize).windowsize(windowsize)
        .utimeout(utimeout).rollover(rollover);
  }

  /** Returns the block size in bytes: 512 unless negotiated. */
  public int blksize() {
    return blksize;
  }

  /** Returns the negotiated timeout in seconds, or -1. */
  public int timeout() {
    return timeout;
  }

  /** Returns the negotiated transfer size in bytes, or -1. */
  public long tsize() {
    return tsize;
  }

  /** Returns the window size in blocks: 1 unless negotiated. */
  public int windowsize() {
    return windowsize;
  }

  /** Returns the negotiated {@code utimeout} in microseconds, or -1. */
  public long utimeout() {
    return utimeout;
  }

  /** Returns the block number that follows 65535 (0 or 1) if negotiated, or -1. */
  public int rollover() {
    return rollover;
  }

  /**
   * Returns the retransmission timeout the options ask for, in nanoseconds: {@code utimeout}
   * if negotiated, else {@code timeout}, else -1.
   */
  public long timeoutNanos() {
    if (utimeout >= 0) {
      return utimeout * 1_000L;
    }
    return timeout >= 0 ? timeout * 1_000_000_000L : -1;
  }

  /**
   * Returns the options that differ from plain RFC 1350, as an OACK would list them: names in
   * the order blksize, timeout, tsize, windowsize, utimeout, rollover.
   */
  public Map<String, String> toMap() {
    Map<String, String> m = new LinkedHashMap<>();
    if (blksize != DEFAULT_BLKSIZE) {
      m.put(BLKSIZE, Integer.toString(blksize));
    }
    if (timeout >= 0) {
      m.put(TIMEOUT, Integer.toString(timeout));
    }
    if (tsize >= 0) {
      m.put(TSIZE, Long.toString(tsize));
    }
    if (windowsize != 1) {
      m.put(WINDOWSIZE, Integer.toString(windowsize));
    }
    if (utimeout >= 0) {
      m.put(UTIMEOUT, Long.toString(utimeout));
    }
    if (rollover >= 0) {
      m.put(ROLLOVER, Integer.toString(rollover));
    }
    return m;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof TftpOptions)) {
      return false;
    }
    TftpOptions x = (TftpOptions) o;
    return x.blksize == blksize && x.timeout == timeout && x.tsize == tsize
        && x.windowsize == windowsize && x.utimeout == utimeout && x.rollover == rollover;
  }

  @Override
  public int hashCode() {
    return Objects.hash(blksize, timeout, tsize, windowsize, utimeout, rollover);
  }

  @Override
  public String toString() {
    return "TftpOptions" + toMap();
  }

  /** Builds {@link TftpOptions}; every setter checks its range, -1 meaning "not negotiated". */
  public static final class Builder {
    private int blksize = DEFAULT_BLKSIZE;
    private int timeout = -1;
    private long tsize = -1;
    private int windowsize = 1;
    private long utimeout = -1;
    private int rollover = -1;

    private Builder() {}

    /**
     * Sets the block size.
     *
     * @param blksize 8..65464
     * @return this builder
     */
    public Builder blksize(int blksize) {
      this.blksize = (int) check("blksize", blksize, MIN_BLKSIZE, MAX_BLKSIZE, false);
      return this;
    }

    /**
     * Sets the timeout in seconds.
     *
     * @param timeout 1..255, or -1
     * @return this builder
     */
    public Builder timeout(int timeout) {
      this.timeout = (int) check("timeout", timeout, MIN_TIMEOUT, MAX_TIMEOUT, true);
      return this;
    }

    /**
     * Sets the transfer size.
     *
     * @param tsize 0 or more, or -1
     * @return this builder
     */
    public Builder tsize(long tsize) {
      this.tsize = check("tsize", tsize, 0, Long.MAX_VALUE, true);
      return this;
    }

    /**
     * Sets the window size.
     *
     * @param windowsize 1..65535
     * @return this builder
     */
    public Builder windowsize(int windowsize) {
      this.windowsize =
          (int) check("windowsize", windowsize, MIN_WINDOWSIZE, MAX_WINDOWSIZE, false);
      return this;
    }

    /**
     * Sets the timeout in microseconds.
     *
     * @param utimeout 10000..255000000, or -1
     * @return this builder
     */
    public Builder utimeout(long utimeout) {
      this.utimeout = check("utimeout", utimeout, MIN_UTIMEOUT, MAX_UTIMEOUT, true);
      return this;
    }

    /**
     * Sets the block number after 65535.
     *
     * @param rollover 0 or 1, or -1
     * @return this builder
     */
    public Builder rollover(int rollover) {
      this.rollover = (int) check("rollover", rollover, 0, 1, true);
      return this;
    }

    /** Returns the options. */
    public TftpOptions build() {
      return new TftpOptions(this);
    }

    private static long check(String name, long value, long min, long max, boolean absentOk) {
      if ((value < min || value > max) && !(absentOk && value == -1)) {
        throw new IllegalArgumentException(name + ": " + value + " (expected: " + min + "-" + max
            + (absentOk ? " or -1" : "") + ")");
      }
      return value;
    }
  }
}
