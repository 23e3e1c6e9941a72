package dev.netboot.it.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netboot.conformance.hostile.HostileCampaign;
import dev.netboot.conformance.hostile.HostileReport;
import dev.netboot.pxe.BootDecision;
import dev.netboot.server.NetbootServer;
import dev.netboot.server.http.FileCatalog;
import dev.netboot.server.simulation.BootTrace;
import dev.netboot.server.simulation.SimulatedMachine;
import dev.netboot.tftp.files.DirectoryFileSource;
import dev.netboot.tftp.internal.PeerLogBudget;
import dev.netboot.tftp.udp.TftpClient;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8's hostile-input campaign against the whole {@link NetbootServer} on loopback: every
 * listener (ProxyDHCP, the 4011 boot server, TFTP, HTTP) gets {@link HostileCampaign}'s
 * malformed, oversized, spoofed, flooding and traversing traffic from 127.66.x.x while a valid
 * machine on 127.0.0.1 keeps booting (ProxyDHCP, 4011, TFTP of iPXE, HTTP script, kernel and
 * initrd). The server must break no rule of the campaign, boot every valid machine, serve nothing
 * from outside its roots (a file beside the TFTP root, FIFOs, devices, links out), write nothing,
 * keep its heap and thread count bounded, and log each kind of rejection rarely: a flood of
 * malformed datagrams from one sender is one line a minute, not a line a datagram.
 *
 * <p>The report goes to {@code target/hostile/}; the table in netboot-conformance's README is
 * one such run.
 */
class HostileTrafficTest {
  private static final long SEED = 0x4057_11EL;
  private static final Path REPORTS = Path.of("target", "hostile");
  /** Valid boots at most while the campaign runs: bounds the loop if the campaign hangs. */
  private static final int MAX_CANARY_BOOTS = 2_000;
  /** The valid machine's pause between two boots: a machine reboots, it does not storm. */
  private static final long CANARY_PAUSE_MILLIS = 100;
  /** Heap the server may keep after the campaign (after a full GC), beyond what it had before. */
  private static final long MAX_HEAP_GROWTH = 64L << 20;
  /** Threads the server may have after the campaign beyond before: no thread per client. */
  private static final int MAX_THREAD_GROWTH = 8;

  private static final Pattern HOSTILE_ADDRESS = Pattern.compile("127\\.66\\.\\d+\\.\\d+");

  @TempDir Path work;
  // One pair of clients for every boot of the valid machine, as BootStorm does: a client per
  // boot would leave its threads behind and blur the server's own thread count.
  private final HttpClient canaryHttp = SimulatedMachine.newHttpClient(Duration.ofSeconds(5));
  private TftpClient canaryTftp;

  @Test
  void serverKeepsBootingValidMachinesThroughTheCampaign() throws Exception {
    SplittableRandom random = new SplittableRandom(SEED);
    byte[] secret = ("netboot secret " + Long.toHexString(random.nextLong())
        + Long.toHexString(random.nextLong()) + "\n").getBytes(StandardCharsets.US_ASCII);
    Files.write(work.resolve("secret.txt"), secret);
    Path root = Files.createDirectories(work.resolve("root"));
    Files.write(root.resolve("undionly.kpxe"), bytes(random, 200_000));
    byte[] campaignFile = bytes(random, 40_000);
    Files.write(root.resolve("campaign.bin"), campaignFile);
    Files.createDirectories(root.resolve("dir"));
    Files.createSymbolicLink(root.resolve("escape"), Path.of("..", "secret.txt"));
    Files.createSymbolicLink(root.resolve("zero"), Path.of("/dev/zero"));
    Process mkfifo = new ProcessBuilder("mkfifo", root.resolve("fifo").toString())
        .redirectErrorStream(true).start();
    assertThat(mkfifo.waitFor()).as("mkfifo").isZero();
    Set<Path> filesBefore = listing(work);

    Inet4Address loopback = (Inet4Address) InetAddress.getByName("127.0.0.1");
    canaryTftp = TftpClient.builder().localAddress(loopback).build();
    byte[] kernel = bytes(random, 300_000);
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    PrintStream stderr = System.err;
    FileCatalog catalog = new FileCatalog();
    String kernelPath = catalog.register("vmlinuz", kernel, "application/octet-stream");
    String initrdPath = catalog.register("initrd.img", bytes(random, 100_000),
        "application/octet-stream");
    BootDecision boot = BootDecision.linux(kernelPath, List.of(initrdPath), "console=ttyS0");
    try (NetbootServer started = NetbootServer.builder().address(loopback)
        .dhcpPort(0).bootServerPort(0).tftpPort(0).httpPort(0)
        .tftpFiles(DirectoryFileSource.builder(root).build())
        .files(catalog).policy(client -> boot).shutdownGrace(Duration.ZERO)
        .build().start();
        TftpClient closedLast = canaryTftp) {
      assertThat(canary(started, loopback, 0).failure()).as("warm-up boot").isEmpty();
      long heapBefore = usedHeapAfterGc();
      int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();

      AtomicBoolean campaignDone = new AtomicBoolean();
      List<String> canaryFailures = new CopyOnWriteArrayList<>();
      int[] canaryBoots = {0};
      Thread canary = new Thread(() -> {
        for (int i = 1; i <= MAX_CANARY_BOOTS && !campaignDone.get(); i++) {
          BootTrace trace = canary(started, loopback, i);
          canaryBoots[0]++;
          trace.failure().ifPresent(f -> canaryFailures.add("boot " + canaryBoots[0] + ": " + f));
          try {
            Thread.sleep(CANARY_PAUSE_MILLIS);
          } catch (InterruptedException e) {
            return;
          }
        }
      }, "canary-machine");

      System.setErr(new PrintStream(new Tee(stderr, log), true, StandardCharsets.UTF_8));
      HostileReport report;
      try {
        canary.start();
        report = HostileCampaign.builder(loopback)
            .dhcpPort(started.dhcpPort()).bootServerPort(started.bootServerPort())
            .tftpPort(started.tftpPort()).tftpFile("campaign.bin", campaignFile)
            .httpPort(started.httpPort()).httpFile(kernelPath, kernel)
            .outsideRoot("secret.txt", secret)
            .specialFiles("fifo", "zero", "dir", "escape", "/dev/zero")
            .tftpGiveUp(Duration.ofSeconds(20))
            .seed(SEED)
            .build().run();
      } finally {
        campaignDone.set(true);
        canary.join(120_000);
        System.setErr(stderr);
      }
      BootTrace after = canary(started, loopback, MAX_CANARY_BOOTS + 1);
      long heapAfter = usedHeapAfterGc();
      int threadsAfter = ManagementFactory.getThreadMXBean().getThreadCount();
      String threadNames = Thread.getAllStackTraces().keySet().stream()
          .map(t -> t.getName().replaceAll("\\d+", "N"))
          .collect(Collectors.groupingBy(n -> n, java.util.TreeMap::new, Collectors.counting()))
          .toString();
      String logText = log.toString(StandardCharsets.UTF_8);
      // What the valid machine's boots logged is not about the campaign.
      List<String> serverLines = logText.lines()
          .filter(l -> !l.contains("52:54:00:c0:") && !l.contains("/127.0.0.1:")).toList();
      long malformedLines = serverLines.stream()
          .filter(l -> l.contains("dropped malformed datagram")).count();

      String summary = String.format(Locale.ROOT, "%d cases in %d s; %d valid boots during"
          + " the campaign, %d failed; heap after GC %d -> %d MiB; threads %d -> %d; %d log"
          + " lines (%d about malformed DHCP datagrams)", report.cases(),
          report.duration().toSeconds(), canaryBoots[0], canaryFailures.size(),
          heapBefore >> 20, heapAfter >> 20, threadsBefore, threadsAfter, serverLines.size(),
          malformedLines);
      Files.createDirectories(REPORTS);
      Files.writeString(REPORTS.resolve("hostile-campaign.txt"), report.toText() + "\n"
          + summary + "\n");
      Files.writeString(REPORTS.resolve("hostile-campaign.md"), report.toMarkdown() + "\n"
          + summary + "\n");
      Files.writeString(REPORTS.resolve("hostile-campaign.log"), logText);

      assertThat(report.passed()).as(report.toText()).isTrue();
      assertThat(report.cases()).as("cases sent").isGreaterThan(5_000);
      assertThat(canaryFailures).as(summary).isEmpty();
      assertThat(canaryBoots[0]).as(summary).isPositive();
      assertThat(after.failure()).as("a boot after the campaign").isEmpty();
      assertThat(heapAfter - heapBefore).as(summary).isLessThan(MAX_HEAP_GROWTH);
      assertThat(threadsAfter - threadsBefore).as(summary).isLessThanOrEqualTo(MAX_THREAD_GROWTH);
      // Both limits are per minute: a slow machine's longer campaign may start a second one.
      long minutes = 1 + report.duration().toMinutes();
      // MalformedLog: one line per sender per minute; the campaign sends from 8 addresses.
      assertThat(malformedLines).as(summary).isLessThanOrEqualTo(8 * minutes);
      // Refusals and failed transfers: a budget of lines per address for TFTP and for HTTP,
      // whatever the address sent (valid-looking DHCP requests, whole transfers and a client's
      // own end after the OACK, as OVMF's tsize probe does, are traffic, logged in full).
      Map<String, Long> refusalLinesByAddress = serverLines.stream()
          .filter(l -> !l.contains("DhcpService") && !l.contains(": COMPLETED")
              && !l.contains(": ENDED_AFTER_OPTIONS")
              && !l.contains(" sent to ") && !l.contains("-> 200 ") && !l.contains("-> 206 "))
          .map(HOSTILE_ADDRESS::matcher).filter(Matcher::find).map(Matcher::group)
          .collect(Collectors.groupingBy(a -> a, Collectors.counting()));
      assertThat(refusalLinesByAddress.values()).as(refusalLinesByAddress.toString())
          .allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(
              2L * (PeerLogBudget.LINES_PER_PERIOD + 1) * minutes));
      assertThat(logText).doesNotContain(new String(secret, StandardCharsets.US_ASCII).trim());
    }
    assertThat(Files.readAllBytes(work.resolve("secret.txt"))).isEqualTo(secret);
    assertThat(listing(work)).as("no file written or removed").isEqualTo(filesBefore);
  }

  private BootTrace canary(NetbootServer server, Inet4Address loopback, int n) {
    return SimulatedMachine.builder(String.format(Locale.ROOT, "52:54:00:c0:%02x:%02x",
            (n >> 8) & 0xff, n & 0xff))
        .server(loopback).localAddress(loopback).tftpClient(canaryTftp).httpClient(canaryHttp)
        .dhcpPort(server.dhcpPort()).bootServerPort(server.bootServerPort())
        .tftpPort(server.tftpPort()).attempts(5).build().boot();
  }

  private static long usedHeapAfterGc() throws InterruptedException {
    long best = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
      best = Math.min(best, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }
    return best;
  }

  private static Set<Path> listing(Path dir) throws Exception {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.map(dir::relativize).collect(Collectors.toSet());
    }
  }

  private static byte[] bytes(SplittableRandom random, int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }

  /** Writes to two streams: the test's own stderr, and the buffer the log lines are read from. */
  private static final class Tee extends OutputStream {
    private final OutputStream a;
    private final OutputStream b;

    Tee(OutputStream a, OutputStream b) {
      this.a = a;
      this.b = b;
    }

    @Override
    public synchronized void write(int c) throws java.io.IOException {
      a.write(c);
      b.write(c);
    }

    @Override
    public synchronized void write(byte[] buf, int off, int len) throws java.io.IOException {
      a.write(buf, off, len);
      b.write(buf, off, len);
    }

    @Override
    public synchronized void flush() throws java.io.IOException {
      a.flush();
      b.flush();
    }
  }
}
