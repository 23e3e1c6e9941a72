package dev.netboot.bench.tftp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the heap peak from a unified GC log ({@code -Xlog:gc}): the largest "before" figure of
 * the {@code 120M->30M(256M)} transitions. The heap only grows between collections, so the
 * peak is the heap as each collection found it (rounded by the log to whole units).
 */
final class GcLogPeak {
  private static final Pattern TRANSITION =
      Pattern.compile("(\\d+)([KMG])->\\d+[KMG]\\(\\d+[KMG]\\)");

  private GcLogPeak() {}

  /** Returns the peak in bytes, or -1 if the log shows no collection. */
  static long peakBytesBeforeGc(Path log) throws IOException {
    if (!Files.exists(log)) {
      return -1;
    }
    long peak = -1;
    for (String line : Files.readAllLines(log)) {
      Matcher m = TRANSITION.matcher(line);
      while (m.find()) {
        long value = Long.parseLong(m.group(1));
        long unit = switch (m.group(2)) {
          case "K" -> 1L << 10;
          case "M" -> 1L << 20;
          default -> 1L << 30;
        };
        peak = Math.max(peak, value * unit);
      }
    }
    return peak;
  }
}
