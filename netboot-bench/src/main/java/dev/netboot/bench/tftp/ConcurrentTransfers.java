package dev.netboot.bench.tftp;

import dev.netboot.tftp.TftpTransferResult;
import dev.netboot.tftp.udp.TftpClient;
import dev.netboot.tftp.udp.TftpTransferException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * 1,000 concurrent downloads of one 4 MiB file from one server process on loopback: our
 * {@link dev.netboot.tftp.udp.TftpServer} in a child JVM capped at {@code -Xmx256m}
 * ({@link ConcurrentServer}: default settings and limits), our {@link TftpClient} in this JVM. The clients come from
 * {@code --sources} loopback addresses (127.0.0.2 and up, one single-threaded client each) so
 * that the server's default per-address limit (16) holds; every download is checked by
 * length and CRC32C.
 *
 * <pre>
 *   java -cp benchmarks.jar dev.netboot.bench.tftp.ConcurrentTransfers \
 *       [--transfers 1000] [--size 4194304] [--sources 100] [--blksize 1468] [--windowsize 8] \
 *       [--heap 256m] [--timeout 600] [--work DIR]
 * </pre>
 *
 * <p>Without {@code --work} the file and the server's GC log go to a temporary directory (in
 * /dev/shm when there is one) that is deleted at the end.
 *
 * <p>Prints the completions, the total time, per-transfer percentiles, retransmissions on both
 * sides, and the server's heap: the peak before any GC (from its GC log, exact), and what
 * running transfers keep (a full GC once nine tenths of them run). Exits 0 only if every
 * download is intact and the peak stays under the heap cap.
 */
public final class ConcurrentTransfers {
  private static final String FILE = "file";

  private ConcurrentTransfers() {}

  /**
   * Runs the benchmark.
   *
   * @param args see the class comment
   * @throws Exception if the server cannot be started
   */
  public static void main(String[] args) throws Exception {
    BenchArgs a = BenchArgs.parse(args);
    Path work = a.work != null ? a.work : Files.createTempDirectory(tmpBase(), "nb-concurrent");
    Path root = Files.createDirectories(work.resolve("root"));
    byte[] content = new byte[a.size];
    new SplittableRandom(20261122L).nextBytes(content);
    Files.write(root.resolve(FILE), content);
    long expectedCrc = ChecksumTarget.crcOf(content);
    System.out.printf(Locale.ROOT, "%d downloads of %d bytes, blksize %d windowsize %d, from %d"
            + " source addresses; server heap -Xmx%s; work %s%n", a.transfers, a.size, a.blksize,
        a.windowsize, a.sources, a.heap, work);

    boolean ok;
    try (ServerProcess server = ServerProcess.start(work, root, a.heap)) {
      Outcome outcome = download(a, server, expectedCrc);
      ServerProcess.Stats stats = server.stop();
      long gcPeak = GcLogPeak.peakBytesBeforeGc(work.resolve("gc.log"));
      ok = outcome.report(a, stats, gcPeak, a.heapBytes());
    } finally {
      if (a.work == null) {
        deleteTree(work);
      }
    }
    System.exit(ok ? 0 : 1);
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static Outcome download(BenchArgs a, ServerProcess server, long expectedCrc)
      throws Exception {
    InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(),
        server.port());
    Map<String, String> options = new LinkedHashMap<>();
    options.put("blksize", Integer.toString(a.blksize));
    options.put("windowsize", Integer.toString(a.windowsize));
    List<TftpClient> clients = new ArrayList<>();
    try {
      for (int i = 0; i < a.sources; i++) {
        clients.add(TftpClient.builder()
            .localAddress(InetAddress.getByAddress(new byte[] {127, 0, (byte) ((i + 2) >> 8),
                (byte) (i + 2)}))
            .build());
      }
      List<ChecksumTarget> targets = new ArrayList<>();
      List<CompletableFuture<TftpTransferResult>> futures = new ArrayList<>();
      long start = System.nanoTime();
      for (int i = 0; i < a.transfers; i++) {
        ChecksumTarget target = new ChecksumTarget();
        targets.add(target);
        futures.add(clients.get(i % a.sources)
            .getAsync(address, FILE, "octet", options, target));
      }
      long launched = System.nanoTime();
      // What running transfers keep: a full GC once nine tenths of them run at the server.
      long[] measured = server.liveHeap(a.transfers * 9 / 10);
      // Settled, failed or not: one failure must not stop the wait for the others.
      CompletableFuture<Void> settled = CompletableFuture.allOf(futures.stream()
          .map(f -> f.handle((result, failure) -> null))
          .toArray(CompletableFuture<?>[]::new));
      long remaining = start + TimeUnit.SECONDS.toNanos(a.timeoutSeconds) - System.nanoTime();
      try {
        settled.get(Math.max(0, remaining), TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        // Reported per download as still running.
      }
      long end = System.nanoTime();
      return Outcome.collect(futures, targets, a.size, expectedCrc, start, launched, end,
          measured[0], (int) measured[1]);
    } finally {
      clients.forEach(TftpClient::close);
    }
  }

  private static Path tmpBase() {
    Path shm = Path.of("/dev/shm");
    return Files.isDirectory(shm) && Files.isWritable(shm) ? shm : Path.of(
        System.getProperty("java.io.tmpdir"));
  }

  /** What the downloads did. */
  private record Outcome(int intact, int corrupt, List<String> failures, long[] sortedNanos,
      long totalNanos, long launchNanos, long clientRetransmissions, Long liveBytes,
      Integer liveActive) {

    static Outcome collect(List<CompletableFuture<TftpTransferResult>> futures,
        List<ChecksumTarget> targets, long size, long crc, long start, long launched, long end,
        long live, int liveActive) {
      int intact = 0;
      int corrupt = 0;
      long retransmissions = 0;
      List<String> failures = new ArrayList<>();
      List<Long> durations = new ArrayList<>();
      for (int i = 0; i < futures.size(); i++) {
        CompletableFuture<TftpTransferResult> f = futures.get(i);
        if (!f.isDone()) {
          failures.add("#" + i + ": still running at the time limit");
          f.cancel(true);
          continue;
        }
        try {
          TftpTransferResult r = f.join();
          retransmissions += r.retransmissions();
          durations.add(r.durationNanos());
          if (targets.get(i).matches(size, crc)) {
            intact++;
          } else {
            corrupt++;
            failures.add("#" + i + ": wrong bytes");
          }
        } catch (RuntimeException e) {
          Throwable cause = e.getCause() != null ? e.getCause() : e;
          if (cause instanceof TftpTransferException t) {
            retransmissions += t.result().retransmissions();
          }
          failures.add("#" + i + ": " + cause);
        }
      }
      long[] sorted = durations.stream().mapToLong(Long::longValue).sorted().toArray();
      return new Outcome(intact, corrupt, failures, sorted, end - start, launched - start,
          retransmissions, live, liveActive);
    }

    boolean report(BenchArgs a, ServerProcess.Stats stats, long gcPeak, long heapCap) {
      double seconds = totalNanos / 1e9;
      System.out.printf(Locale.ROOT, "intact: %d of %d (corrupt %d, failed %d)%n", intact,
          a.transfers, corrupt, a.transfers - intact - corrupt);
      failures.stream().limit(20).forEach(f -> System.out.println("  " + f));
      System.out.printf(Locale.ROOT, "total: %.2f s (all requests sent after %.0f ms);"
              + " %.1f MB/s aggregate%n", seconds, launchNanos / 1e6,
          (double) intact * a.size / 1e6 / seconds);
      if (sortedNanos.length > 0) {
        System.out.printf(Locale.ROOT, "per transfer: min %.2f s, p50 %.2f s, p90 %.2f s,"
                + " p99 %.2f s, max %.2f s%n", pct(0), pct(50), pct(90), pct(99), pct(100));
      }
      System.out.printf(Locale.ROOT, "retransmissions: server %d DATA, clients %d%n",
          stats.retransmissions(), clientRetransmissions);
      System.out.printf(Locale.ROOT, "server: %d completed, %d failed, at most %d running at"
          + " once%n", stats.completed(), stats.failed(), stats.maxActive());
      System.out.printf(Locale.ROOT, "server heap (cap %d MiB): peak before GC %s (GC log),"
              + " sampled peak %.1f MiB, sum of pool peaks %.1f MiB%n", heapCap >> 20,
          gcPeak < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f MiB", gcPeak / 1048576.0),
          stats.sampledPeakBytes() / 1048576.0, stats.poolPeakBytes() / 1048576.0);
      System.out.printf(Locale.ROOT, "server live heap after a full GC with %d transfers"
              + " running: %.1f MiB (%.1f KiB per running transfer, idle server included)%n",
          liveActive, liveBytes / 1048576.0, liveBytes / 1024.0 / Math.max(1, liveActive));
      long peak = Math.max(gcPeak, stats.sampledPeakBytes());
      boolean ok = intact == a.transfers && peak < heapCap;
      System.out.println(ok ? "RESULT PASS" : "RESULT FAIL");
      return ok;
    }

    private double pct(int p) {
      int index = (int) Math.ceil(p / 100.0 * sortedNanos.length) - 1;
      return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, index))] / 1e9;
    }
  }

  /** The command line. */
  static final class BenchArgs {
    int transfers = 1000;
    int size = 4 << 20;
    int sources = 100;
    int blksize = 1468;
    int windowsize = 8;
    String heap = "256m";
    long timeoutSeconds = 600;
    @Nullable Path work;

    static BenchArgs parse(String[] args) {
      BenchArgs a = new BenchArgs();
      for (int i = 0; i + 1 < args.length; i += 2) {
        String v = args[i + 1];
        switch (args[i]) {
          case "--transfers" -> a.transfers = Integer.parseInt(v);
          case "--size" -> a.size = Integer.parseInt(v);
          case "--sources" -> a.sources = Integer.parseInt(v);
          case "--blksize" -> a.blksize = Integer.parseInt(v);
          case "--windowsize" -> a.windowsize = Integer.parseInt(v);
          case "--heap" -> a.heap = v;
          case "--timeout" -> a.timeoutSeconds = Long.parseLong(v);
          case "--work" -> a.work = Path.of(v);
          default -> throw new IllegalArgumentException("unknown option " + args[i]);
        }
      }
      if (args.length % 2 != 0) {
        throw new IllegalArgumentException("options take a value: " + Arrays.toString(args));
      }
      if (a.sources < 1 || a.sources > 250) {
        throw new IllegalArgumentException("--sources " + a.sources + " (expected: 1-250)");
      }
      return a;
    }

    long heapBytes() {
      String h = heap.toLowerCase(Locale.ROOT);
      long unit = h.endsWith("g") ? 1L << 30
          : h.endsWith("m") ? 1L << 20
          : h.endsWith("k") ? 1L << 10
          : 1;
      String digits = unit == 1 ? h : h.substring(0, h.length() - 1);
      return Long.parseLong(digits) * unit;
    }
  }
}
