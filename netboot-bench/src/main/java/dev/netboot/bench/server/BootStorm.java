package dev.netboot.bench.server;

import dev.netboot.pxe.BootDecision;
import dev.netboot.server.NetbootServer;
import dev.netboot.server.simulation.BootTrace;
import dev.netboot.server.simulation.Firmware;
import dev.netboot.server.simulation.SimulatedMachine;
import dev.netboot.tftp.files.InMemoryFileSource;
import dev.netboot.tftp.udp.TftpClient;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A boot storm: {@code --machines} simulated BIOS PXE machines boot at once from one
 * {@link NetbootServer} on loopback, {@code --concurrency} at a time (each setting of the
 * comma-separated list in turn, on a fresh server). Each does what a real one does: DISCOVER,
 * ProxyDHCP offer with the PXE menu, boot server request on 4011, TFTP of a 1 MiB
 * {@code undionly.kpxe} (blksize 1432), DISCOVER again as iPXE, ProxyDHCP request, HTTP script,
 * kernel and initrd.
 *
 * <pre>
 *   java -Xmx512m -cp netboot-bench/target/benchmarks.jar dev.netboot.bench.server.BootStorm \
 *       [--machines 500] [--concurrency 64,500] [--ipxe-size 1048576] [--kernel-size 65536] \
 *       [--sources 50]
 * </pre>
 *
 * <p>Machines send from {@code --sources} loopback addresses (127.0.1.1 and up), as machines of
 * a real network each have their own address: the TFTP server limits transfers per client
 * address (16 by default). Prints per setting the wall time, p50 / p99 / max time per boot,
 * DHCP retries, and the peak heap of this JVM (server and simulated machines together: the
 * heap pools' peak usage, reset before each setting). Exits 1 if any boot fails.
 */
public final class BootStorm {
  private BootStorm() {}

  /**
   * Runs the storm.
   *
   * @param args see the class comment
   * @throws Exception if the server cannot start
   */
  public static void main(String[] args) throws Exception {
    int machines = 500;
    List<Integer> settings = List.of(64, 500);
    int ipxeSize = 1 << 20;
    int kernelSize = 64 << 10;
    int sources = 50;
    for (int i = 0; i + 1 < args.length; i += 2) {
      String value = args[i + 1];
      switch (args[i]) {
        case "--machines" -> machines = Integer.parseInt(value);
        case "--concurrency" -> settings = parseList(value);
        case "--ipxe-size" -> ipxeSize = Integer.parseInt(value);
        case "--kernel-size" -> kernelSize = Integer.parseInt(value);
        case "--sources" -> sources = Integer.parseInt(value);
        default -> throw new IllegalArgumentException("unknown option " + args[i]
            + " (expected: --machines, --concurrency, --ipxe-size, --kernel-size, --sources)");
      }
    }
    System.out.printf(Locale.ROOT, "Boot storm: %d BIOS PXE machines, %d-byte undionly.kpxe over"
        + " TFTP, %d-byte kernel and initrd over HTTP, from %d source addresses; Java %s, %d"
        + " CPUs, -Xmx%d MiB%n", machines, ipxeSize, kernelSize, sources,
        System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20);
    System.out.println("| concurrency | boots ok | wall s | p50 ms | p99 ms | max ms | DHCP"
        + " retries | peak heap MiB |");
    System.out.println("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    boolean allOk = true;
    for (int concurrency : settings) {
      allOk &= storm(machines, Math.min(concurrency, machines), ipxeSize, kernelSize, sources);
    }
    System.exit(allOk ? 0 : 1);
  }

  private static boolean storm(int machines, int concurrency, int ipxeSize, int kernelSize,
      int sources) throws Exception {
    Inet4Address loopback = (Inet4Address) InetAddress.getByName("127.0.0.1");
    SplittableRandom random = new SplittableRandom(20261122L);
    InMemoryFileSource ipxe = InMemoryFileSource.builder()
        .add("undionly.kpxe", bytes(random, ipxeSize)).build();
    AtomicReference<BootDecision> decision = new AtomicReference<>(BootDecision.ignore());
    List<TftpClient> tftpClients = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
    try (NetbootServer server = NetbootServer.builder().address(loopback)
        .dhcpPort(0).bootServerPort(0).tftpPort(0).httpPort(0).tftpFiles(ipxe)
        .policy(client -> decision.get()).build()) {
      decision.set(BootDecision.linux(
          server.files().register("vmlinuz", bytes(random, kernelSize), "application/octet-stream"),
          List.of(server.files().register("initrd.img", bytes(random, kernelSize),
              "application/octet-stream")),
          "console=ttyS0"));
      server.start();
      List<Inet4Address> sourceAddresses = new ArrayList<>();
      for (int s = 0; s < sources; s++) {
        Inet4Address a = (Inet4Address) InetAddress.getByAddress(
            new byte[] {127, 0, 1, (byte) (s + 1)});
        sourceAddresses.add(a);
        tftpClients.add(TftpClient.builder().localAddress(a).build());
      }
      HttpClient http = SimulatedMachine.newHttpClient(Duration.ofSeconds(10));
      // One boot first, not counted: class loading and the first JIT passes are not the storm.
      BootTrace warmUp = SimulatedMachine.builder("52:54:00:ff:ff:ff").server(loopback)
          .localAddress(sourceAddresses.get(0)).tftpClient(tftpClients.get(0)).httpClient(http)
          .dhcpPort(server.dhcpPort()).bootServerPort(server.bootServerPort())
          .tftpPort(server.tftpPort()).build().boot();
      if (!warmUp.succeeded()) {
        System.out.println("  warm-up boot failed: " + warmUp.failure().orElse("?"));
        return false;
      }
      System.gc();
      resetHeapPeaks();
      long start = System.nanoTime();
      List<Future<BootTrace>> boots = new ArrayList<>();
      for (int i = 0; i < machines; i++) {
        int source = i % sources;
        SimulatedMachine machine = SimulatedMachine.builder(String.format(Locale.ROOT,
                "52:54:00:%02x:%02x:%02x", (i >> 16) & 0xff, (i >> 8) & 0xff, i & 0xff))
            .firmware(Firmware.BIOS_PXE_ROM).server(loopback)
            .localAddress(sourceAddresses.get(source)).tftpClient(tftpClients.get(source))
            .httpClient(http).dhcpPort(server.dhcpPort())
            .bootServerPort(server.bootServerPort()).tftpPort(server.tftpPort())
            .attempts(5).build();
        boots.add(pool.submit(machine::boot));
      }
      List<BootTrace> traces = new ArrayList<>();
      for (Future<BootTrace> f : boots) {
        traces.add(f.get());
      }
      double wall = (System.nanoTime() - start) / 1e9;
      return report(concurrency, traces, wall, heapPeakBytes());
    } finally {
      pool.shutdownNow();
      tftpClients.forEach(TftpClient::close);
    }
  }

  private static boolean report(int concurrency, List<BootTrace> traces, double wall,
      long peakHeap) {
    long[] ms = traces.stream().filter(BootTrace::succeeded)
        .mapToLong(t -> t.duration().toMillis()).sorted().toArray();
    long failed = traces.stream().filter(t -> !t.succeeded()).count();
    // A DHCP step says "[sent N times]" when its request had to be resent.
    long retries = traces.stream().flatMap(t -> t.steps().stream())
        .filter(s -> s.detail().contains(" times]")).count();
    System.out.printf(Locale.ROOT, "| %d | %d / %d | %.1f | %d | %d | %d | %d | %d |%n",
        concurrency, ms.length, traces.size(), wall, percentile(ms, 50), percentile(ms, 99),
        ms.length == 0 ? 0 : ms[ms.length - 1], retries, peakHeap >> 20);
    traces.stream().filter(t -> !t.succeeded()).limit(5).forEach(t ->
        System.out.println("  failed: " + t.mac() + ": " + t.failure().orElse("?")));
    return failed == 0;
  }

  private static long percentile(long[] sorted, int p) {
    if (sorted.length == 0) {
      return 0;
    }
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  private static void resetHeapPeaks() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  // The sum of the pools' peaks: an upper bound of the peak heap, as pools peak at different times.
  private static long heapPeakBytes() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }

  private static List<Integer> parseList(String text) {
    List<Integer> values = new ArrayList<>();
    for (String part : text.split(",")) {
      values.add(Integer.parseInt(part.trim()));
    }
    return values;
  }

  private static byte[] bytes(SplittableRandom random, int size) {
    byte[] b = new byte[size];
    random.nextBytes(b);
    return b;
  }
}
