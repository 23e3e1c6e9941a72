package dev.netboot.tftp.internal;

import java.io.IOException;

/** Guards the read loops of block sources against a file that keeps returning no bytes. */
final class FileReads {
  /** How many reads in a row may return nothing before the file is declared broken. */
  static final int MAX_EMPTY_READS = 8;

  private FileReads() {}

  /**
   * Counts empty reads.
   *
   * @param n what the last read returned (0 or more)
   * @param emptyReads empty reads in a row so far
   * @return the new count
   * @throws IOException once too many reads in a row returned nothing
   */
  static int checkProgress(int n, int emptyReads) throws IOException {
    if (n > 0) {
      return 0;
    }
    if (emptyReads + 1 >= MAX_EMPTY_READS) {
      throw new IOException("the file returned no bytes " + MAX_EMPTY_READS + " times in a row");
    }
    return emptyReads + 1;
  }
}
