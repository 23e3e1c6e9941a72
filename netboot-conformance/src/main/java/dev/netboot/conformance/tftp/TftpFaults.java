package dev.netboot.conformance.tftp;

/**
 * What a simulated network does to packets: loses them, duplicates them, delays them by a base
 * delay plus a random jitter (a jitter larger than the spacing of packets reorders them), and
 * optionally models a receiving socket buffer that holds {@code bufferPackets} packets and is
 * drained one packet per {@code serviceNanos}, dropping what does not fit.
 *
 * @param loss the probability that a packet is lost, 0..1
 * @param duplicate the probability that a packet arrives twice, 0..1
 * @param delayNanos the one-way delay
 * @param jitterNanos the largest extra random delay, 0 for none
 * @param bufferPackets the receiving buffer's size in packets (with {@code serviceNanos} > 0)
 * @param serviceNanos the time a receiver takes per packet, 0 for an unlimited buffer
 * @param seed the seed of every random choice of the network
 */
public record TftpFaults(double loss, double duplicate, long delayNanos, long jitterNanos,
    int bufferPackets, long serviceNanos, long seed) {
  /** A perfect network with a 1 ms delay. */
  public static final TftpFaults NONE = new TftpFaults(0, 0, 1_000_000, 0, 0, 0, 1);

  /**
   * Checks the ranges.
   *
   * @throws IllegalArgumentException if a value is out of its range
   */
  public TftpFaults {
    if (!(loss >= 0 && loss <= 1) || !(duplicate >= 0 && duplicate <= 1)) {
      throw new IllegalArgumentException(
          "loss " + loss + ", duplicate " + duplicate + " (expected: 0..1)");
    }
    if (delayNanos < 0 || jitterNanos < 0 || serviceNanos < 0 || bufferPackets < 0) {
      throw new IllegalArgumentException("negative delay, jitter, service or buffer"
          + " (expected: 0 or more)");
    }
  }
}
