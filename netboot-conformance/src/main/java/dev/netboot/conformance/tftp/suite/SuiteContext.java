package dev.netboot.conformance.tftp.suite;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/** What a check may use: the server, the files, the settings, sockets it must not close. */
final class SuiteContext implements AutoCloseable {
  /** The size from which a file counts as large (the issue asks for one of 2 MiB or more). */
  static final long LARGE_FILE = 2L << 20;
  /** How long a check's transfer may take in all, whatever the server does. */
  static final Duration TRANSFER_BUDGET = Duration.ofSeconds(120);
  /** How soon an error for a missing file must come to count as "at once". */
  static final Duration PROMPT = Duration.ofSeconds(1);

  final InetSocketAddress server;
  final Map<String, byte[]> files;
  final String missingFile;
  final boolean writable;
  final long seed;
  final Duration timeout;
  final Duration giveUpWait;
  final SplittableRandom random;
  private final List<SuiteSocket> sockets = new ArrayList<>();

  SuiteContext(InetSocketAddress server, Map<String, byte[]> files, String missingFile,
      boolean writable, long seed, Duration timeout, Duration giveUpWait,
      SplittableRandom random) {
    this.server = server;
    this.files = files;
    this.missingFile = missingFile;
    this.writable = writable;
    this.seed = seed;
    this.timeout = timeout;
    this.giveUpWait = giveUpWait;
    this.random = random;
  }

  /** Opens a client socket on a fresh port, closed when the check ends. */
  SuiteSocket socket() throws IOException {
    SuiteSocket s = new SuiteSocket();
    sockets.add(s);
    return s;
  }

  /** Returns the smallest given file that matches, or skips the check naming {@code why}. */
  Map.Entry<String, byte[]> smallest(Predicate<byte[]> filter, String why) throws CheckSkipped {
    return pick(filter, Comparator.comparingInt(e -> e.getValue().length), why);
  }

  /** Returns the largest given file that matches, or skips the check naming {@code why}. */
  Map.Entry<String, byte[]> largest(Predicate<byte[]> filter, String why) throws CheckSkipped {
    return pick(filter, Comparator.<Map.Entry<String, byte[]>>comparingInt(
        e -> e.getValue().length).reversed(), why);
  }

  private Map.Entry<String, byte[]> pick(Predicate<byte[]> filter,
      Comparator<Map.Entry<String, byte[]>> order, String why) throws CheckSkipped {
    Optional<Map.Entry<String, byte[]>> found = files.entrySet().stream()
        .filter(e -> filter.test(e.getValue())).sorted(order).findFirst();
    if (found.isEmpty()) {
      throw new CheckSkipped("no such file given (expected: " + why + ")");
    }
    return found.get();
  }

  long deadline(Duration budget) {
    return System.nanoTime() + budget.toNanos();
  }

  @Override
  public void close() {
    sockets.forEach(SuiteSocket::close);
    sockets.clear();
  }
}
