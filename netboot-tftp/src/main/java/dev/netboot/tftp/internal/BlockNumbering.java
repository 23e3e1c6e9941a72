package dev.netboot.tftp.internal;

/**
 * Maps a transfer's 64-bit block index to the 16-bit block number on the wire and back, so that
 * files of more than 65535 blocks work (block number rollover). After 65535 the number wraps to
 * 0, as tftp-hpa, atftp and most peers do, unless tftp-hpa's {@code rollover} option chose 1.
 */
public final class BlockNumbering {
  private static final long PERIOD_0 = 0x10000;
  private static final long PERIOD_1 = 0xFFFF;

  private final int rollover;

  /**
   * Creates the numbering.
   *
   * @param rollover the number after 65535: 0 or 1 (-1, not negotiated, means 0)
   */
  public BlockNumbering(int rollover) {
    this.rollover = rollover == 1 ? 1 : 0;
  }

  /**
   * Returns the wire number of block {@code index}.
   *
   * @param index the 64-bit index, 0 or more
   * @return 0..65535
   */
  public int wire(long index) {
    if (index <= 0xFFFF) {
      return (int) index;
    }
    return rollover == 0
        ? (int) (index & 0xFFFF)
        : (int) ((index - PERIOD_0) % PERIOD_1) + 1;
  }

  /**
   * Returns the block index with wire number {@code wire} nearest to {@code reference}: how a
   * 16-bit number in an ACK or DATA is read, given where the transfer is.
   *
   * @param wire the 16-bit number
   * @param reference the index the number is expected near
   * @return the index, 0 or more
   */
  public long nearest(int wire, long reference) {
    long best = wire; // the one index below the first rollover
    if (rollover == 0) {
      long k = Math.floorDiv(reference - wire, PERIOD_0);
      for (long j = k; j <= k + 1; j++) {
        best = closer(best, wire + j * PERIOD_0, reference);
      }
    } else if (wire >= 1) {
      long first = PERIOD_0 + wire - 1;
      long k = Math.floorDiv(reference - first, PERIOD_1);
      for (long j = k; j <= k + 1; j++) {
        best = closer(best, first + j * PERIOD_1, reference);
      }
    }
    return best;
  }

  private static long closer(long best, long candidate, long reference) {
    if (candidate < 0) {
      return best;
    }
    return Math.abs(candidate - reference) < Math.abs(best - reference) ? candidate : best;
  }
}
