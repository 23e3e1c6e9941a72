package dev.netboot.bench.tftp;

import dev.netboot.tftp.TftpTransferResult;
import dev.netboot.tftp.files.DirectoryFileSource;
import dev.netboot.tftp.udp.TftpServer;
import dev.netboot.tftp.udp.TftpTransferEvent;
import dev.netboot.tftp.udp.TftpTransferListener;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The server half of {@link ConcurrentTransfers}, in its own JVM so that its heap is measured
 * alone: our {@link TftpServer} with its default settings and limits, serving a directory from
 * 127.0.0.1. It samples its own heap every {@value #SAMPLE_MILLIS} ms and answers commands on
 * stdin, one per line:
 *
 * <pre>
 *   GC n   waits (up to {@value #AWAIT_ACTIVE_MILLIS} ms) until n transfers run, runs a full GC and
 *          prints "LIVE usedBytes activeTransfers": what running transfers keep
 *   (EOF)  prints "STATS completed failed retransmissions maxActive sampledPeakBytes poolPeakBytes"
 *          and exits
 * </pre>
 *
 * <p>{@code sampledPeakBytes} misses what a young GC collects between two samples; the GC log
 * that {@link ConcurrentTransfers} asks for has the exact peak (heap before each GC).
 * {@code poolPeakBytes} is the sum of each heap pool's own peak, an upper bound.
 */
public final class ConcurrentServer {
  static final long SAMPLE_MILLIS = 5;
  static final long AWAIT_ACTIVE_MILLIS = 20_000;

  private ConcurrentServer() {}

  /**
   * Serves until stdin closes.
   *
   * @param args ROOT
   * @throws Exception if the server cannot start
   */
  public static void main(String[] args) throws Exception {
    Counts counts = new Counts();
    DirectoryFileSource files = DirectoryFileSource.builder(Path.of(args[0])).build();
    try (TftpServer server = TftpServer.builder(files)
        .bind(InetAddress.getByName("127.0.0.1"), 0)
        .listener(counts)
        .build()
        .start()) {
      AtomicLong sampledPeak = new AtomicLong();
      AtomicInteger maxActive = new AtomicInteger();
      Thread sampler = new Thread(() -> sample(server, sampledPeak, maxActive), "heap-sampler");
      sampler.setDaemon(true);
      sampler.start();
      System.out.println("LISTENING " + server.boundAddress().getPort());
      System.out.flush();
      BufferedReader in =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII));
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.startsWith("GC ")) {
          awaitActive(server, Integer.parseInt(line.substring(3)));
          int active = server.activeTransfers();
          System.gc();
          System.out.println("LIVE " + heapUsed() + " " + active);
          System.out.flush();
        }
      }
      System.out.println("STATS " + counts.completed.get() + " " + counts.failed.get() + " "
          + counts.retransmissions.get() + " " + maxActive.get() + " " + sampledPeak.get() + " "
          + poolPeaks());
      System.out.flush();
    }
  }

  private static void awaitActive(TftpServer server, int count) throws InterruptedException {
    for (long waited = 0; waited < AWAIT_ACTIVE_MILLIS && server.activeTransfers() < count;
        waited += SAMPLE_MILLIS) {
      Thread.sleep(SAMPLE_MILLIS);
    }
  }

  private static void sample(TftpServer server, AtomicLong peak, AtomicInteger maxActive) {
    while (true) {
      peak.accumulateAndGet(heapUsed(), Math::max);
      maxActive.accumulateAndGet(server.activeTransfers(), Math::max);
      try {
        Thread.sleep(SAMPLE_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private static long heapUsed() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static long poolPeaks() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }

  /** Counts ended transfers; runs on the server's listener executor. */
  private static final class Counts implements TftpTransferListener {
    final AtomicInteger completed = new AtomicInteger();
    final AtomicInteger failed = new AtomicInteger();
    final AtomicLong retransmissions = new AtomicLong();

    @Override
    public void transferCompleted(TftpTransferEvent event) {
      completed.incrementAndGet();
      retransmissions.addAndGet(result(event).retransmissions());
    }

    @Override
    public void transferFailed(TftpTransferEvent event) {
      failed.incrementAndGet();
      retransmissions.addAndGet(result(event).retransmissions());
      System.err.println("server: failed " + event.peer() + " " + result(event));
    }

    private static TftpTransferResult result(TftpTransferEvent event) {
      return Objects.requireNonNull(event.result(), "an ended transfer's result");
    }
  }
}
