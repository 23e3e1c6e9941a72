package dev.netboot.tftp.internal;

import dev.netboot.tftp.TftpRetransmitSettings;

/**
 * The adaptive retransmission timeout of one transfer: Jacobson and Karels' estimator as TCP
 * uses it (RFC 6298 section 2: SRTT and RTTVAR with gains 1/8 and 1/4, RTO = SRTT + 4 RTTVAR,
 * samples only from packets sent once, per Karn), kept between the settings' minimum and
 * maximum, doubled after each timeout (RFC 6298 section 5.5), and a count of consecutive
 * timeouts that bounds retransmission.
 *
 * <p>A timeout the peer negotiated ({@code timeout}, {@code utimeout}) is the starting value
 * and the ceiling of the estimate: the peer asked not to be kept waiting longer.
 *
 * <p><b>Giving up.</b> The retries are spent only once {@code maxRetries} timeouts in a row have
 * expired <em>and</em> the silence they add up to is at least what the same retries take from
 * the configured initial timeout, capped at the maximum timeout (5 s by default). On a fast path
 * the estimate falls to the floor (20 ms by default), and five doublings from there gave up after
 * 1.3 s of silence, while peers such as atftp wait 5 s before they resend: a receiver still
 * draining its socket buffer, or a client kernel that dropped a burst of fragments, was abandoned.
 * Without a round-trip sample the budget is exactly {@code maxRetries} timeouts, as configured.
 */
public final class RetransmitTimer {
  /** The clock granularity term of RFC 6298: the variance never counts for less than this. */
  static final long GRANULARITY_NANOS = 1_000_000;

  private final long minRto;
  private final long maxRto;
  private final long backoffCeiling;
  private final int maxRetries;
  private final long minSilenceNanos;
  private long silenceNanos;
  private long srtt = -1;
  private long rttvar;
  private long baseRto;
  private long rto;
  private int retries;

  /**
   * Creates a timer.
   *
   * @param settings the configured range and retry budget
   * @param negotiatedNanos the timeout the peer negotiated, or -1
   */
  public RetransmitTimer(TftpRetransmitSettings settings, long negotiatedNanos) {
    this.maxRetries = settings.maxRetries();
    if (negotiatedNanos > 0) {
      this.maxRto = negotiatedNanos;
      this.minRto = Math.min(settings.minTimeoutNanos(), negotiatedNanos);
      this.baseRto = negotiatedNanos;
    } else {
      this.maxRto = settings.maxTimeoutNanos();
      this.minRto = settings.minTimeoutNanos();
      this.baseRto = clamp(settings.initialTimeoutNanos());
    }
    this.backoffCeiling = Math.max(maxRto, settings.maxTimeoutNanos());
    this.rto = baseRto;
    this.minSilenceNanos = Math.min(settings.maxTimeoutNanos(), silenceOfAllRetries(baseRto));
  }

  /** The silence {@code maxRetries} timeouts add up to from {@code start}, the last one waited. */
  private long silenceOfAllRetries(long start) {
    long total = 0;
    long timeout = start;
    for (int i = 0; i <= maxRetries; i++) {
      total += timeout;
      timeout = Math.min(backoffCeiling, timeout * 2);
    }
    return total;
  }

  /** Returns the current timeout, backoff included. */
  public long rto() {
    return rto;
  }

  /** Returns the smoothed round-trip time, or -1 before the first sample. */
  public long srtt() {
    return srtt;
  }

  /** Returns how many timeouts happened since the last progress. */
  public int retries() {
    return retries;
  }

  /**
   * Adds a round-trip sample taken from a packet sent once (Karn's rule is the caller's).
   *
   * @param rttNanos the measured round trip
   */
  public void sample(long rttNanos) {
    long r = Math.max(0, rttNanos);
    if (srtt < 0) {
      srtt = r;
      rttvar = r / 2;
    } else {
      rttvar = rttvar - (rttvar >> 2) + (Math.abs(srtt - r) >> 2);
      srtt = srtt - (srtt >> 3) + (r >> 3);
    }
    baseRto = clamp(srtt + Math.max(GRANULARITY_NANOS, 4 * rttvar));
    rto = baseRto;
  }

  /** Records progress: the peer answered, so the backoff and the retry count start over. */
  public void progress() {
    retries = 0;
    silenceNanos = 0;
    rto = baseRto;
  }

  /**
   * Records a timeout: doubles the timeout and counts a retry.
   *
   * @return whether another retransmission is allowed; false once the retries are spent and
   *     the silence since the last progress is long enough (see the class comment)
   */
  public boolean backoff() {
    silenceNanos += rto;
    if (retries >= maxRetries && silenceNanos >= minSilenceNanos) {
      return false;
    }
    retries++;
    rto = Math.min(backoffCeiling, rto * 2);
    return true;
  }

  private long clamp(long value) {
    return Math.max(minRto, Math.min(maxRto, value));
  }
}
