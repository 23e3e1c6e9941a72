package dev.netboot.it.tftp;

import dev.netboot.it.PeerProcess;
import dev.netboot.it.Peers;
import dev.netboot.it.TestFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Transfers between two network namespaces joined by /work/shared/tools/netwire.c: 1 ms each
 * way and 1 % loss, fragments included, as on a real link. Our server (a child JVM) serves
 * tftp-hpa, curl, atftp and our own client (another child JVM); our client also downloads from
 * tftpd-hpa across the same link. Needs root, {@code ip netns} and gcc; the namespaces get a
 * random suffix and are deleted afterwards.
 */
class NetwireLinkTest {
  static final Path NETWIRE_SOURCE = Path.of("/work/shared/tools/netwire.c");
  static final Duration PEER_TIMEOUT = Duration.ofSeconds(60);
  static final long SMALL = 256 * 1024 + 3;
  static final long LARGE = (1 << 20) + 7;
  static final int PORT = 6969;

  @TempDir static Path root;
  @TempDir static Path work;
  static String serverNs;
  static String clientNs;
  static String serverIp;
  static final List<PeerProcess> background = new ArrayList<>();
  static final List<String> namespaces = new ArrayList<>();

  @BeforeAll
  static void link() throws Exception {
    Peers.requireRoot();
    Peers.require("ip");
    Peers.require("gcc");
    if (!Files.isReadable(NETWIRE_SOURCE)) {
      Peers.missing(NETWIRE_SOURCE + " is missing");
    }
    Path netwire = Path.of("target", "netwire").toAbsolutePath();
    Files.createDirectories(netwire.getParent());
    run("gcc", "-O2", "-o", netwire.toString(), NETWIRE_SOURCE.toString());

    SplittableRandom random = new SplittableRandom();
    String suffix = Integer.toHexString(random.nextInt(1 << 24));
    serverNs = "nbs-" + suffix;
    clientNs = "nbc-" + suffix;
    String net = "10." + (200 + random.nextInt(50)) + "." + random.nextInt(256) + ".";
    serverIp = net + "1";
    for (String ns : List.of(serverNs, clientNs)) {
      PeerProcess.Result added = PeerProcess.run(Duration.ofSeconds(10), work, "ip", "netns",
          "add", ns);
      if (added.exitCode() != 0) {
        Peers.missing("cannot create a network namespace: " + added.describe());
      }
      namespaces.add(ns);
    }
    PeerProcess wire = PeerProcess.start(work.resolve("netwire.log"), List.of(netwire.toString(),
        serverNs, "tw0", clientNs, "tw1", "1000", "10000", Long.toString(random.nextLong() >>> 1)));
    background.add(wire);
    wire.awaitOutput("READY", Duration.ofSeconds(10));
    configure(serverNs, "tw0", serverIp);
    configure(clientNs, "tw1", net + "2");

    TestFiles.create(root.resolve("small"), SMALL, 11);
    TestFiles.create(root.resolve("large"), LARGE, 12);
    PeerProcess server = PeerProcess.start(work.resolve("server.log"), inNs(serverNs,
        javaCommand("serve", serverIp, Integer.toString(PORT), root.toString())));
    background.add(server);
    server.awaitOutput("LISTENING", Duration.ofSeconds(20));
  }

  @AfterAll
  static void unlink() throws Exception {
    for (PeerProcess p : background) {
      p.close();
    }
    for (String ns : namespaces) {
      PeerProcess.run(Duration.ofSeconds(10), work, "ip", "netns", "del", ns);
    }
  }

  @Test
  void peerClientsDownloadIntact() throws Exception {
    Peers.require("tftp");
    Peers.require("curl");
    Peers.require("atftp");
    getWith("tftp-hpa", "small", "tftp", "-m", "binary", serverIp, Integer.toString(PORT),
        "-c", "get", "small", work.resolve("tftp-hpa").toString());
    getWith("curl", "large", "curl", "-sS", "--max-time", "60", "--tftp-blksize", "1468",
        "-o", work.resolve("curl").toString(), "tftp://" + serverIp + ":" + PORT + "/large");
    getWith("atftp", "large", "atftp", "-g", "-r", "large", "-l",
        work.resolve("atftp").toString(), "--option", "blksize 1468", "--option",
        "windowsize 8", serverIp, Integer.toString(PORT));
  }

  @Test
  void ourClientDownloadsAndUploadsIntact() throws Exception {
    Path local = work.resolve("ours-large");
    runInClientNs("ours get", javaCommand("get", serverIp, Integer.toString(PORT), "large",
        local.toString(), "blksize=1468", "windowsize=8"));
    TestFiles.assertSameBytes(root.resolve("large"), local, "our client, windowed");

    Path plain = work.resolve("ours-small");
    runInClientNs("ours get plain", javaCommand("get", serverIp, Integer.toString(PORT), "small",
        plain.toString()));
    TestFiles.assertSameBytes(root.resolve("small"), plain, "our client, RFC 1350");

    runInClientNs("ours put", javaCommand("put", serverIp, Integer.toString(PORT),
        local.toString(), "uploaded", "blksize=1468", "windowsize=4"));
    TestFiles.assertSameBytes(root.resolve("large"), root.resolve("uploaded"), "our upload");
  }

  @Test
  void ourClientDownloadsFromTftpdHpaIntact() throws Exception {
    Peers.require("in.tftpd");
    int port = PORT + 1;
    PeerProcess hpa = PeerProcess.start(work.resolve("tftpd-hpa.log"), inNs(serverNs, List.of(
        Peers.TFTPD_HPA.toString(), "-L", "-a", serverIp + ":" + port, "-s", "-u", "root",
        // -T: retransmit after 100 ms rather than 1 s, which would only make the test slow.
        "-B", "65464", "-T", "100000", root.toString())));
    background.add(hpa);
    Path local = work.resolve("from-hpa");
    // tftpd-hpa may need a moment to bind: the client's own retries cover it.
    runInClientNs("ours from tftpd-hpa", javaCommand("get", serverIp, Integer.toString(port),
        "large", local.toString(), "blksize=1468", "tsize=0"));
    TestFiles.assertSameBytes(root.resolve("large"), local, "from tftpd-hpa");
  }

  private static void getWith(String name, String file, String... command) throws Exception {
    PeerProcess.Result r = runInClientNs(name, List.of(command));
    String local = command[0].equals("tftp") ? command[command.length - 1]
        : work.resolve(name).toString();
    TestFiles.assertSameBytes(root.resolve(file), Path.of(local), name + " " + r.describe());
  }

  private static PeerProcess.Result runInClientNs(String what, List<String> command)
      throws Exception {
    PeerProcess.Result r = PeerProcess.run(PEER_TIMEOUT, work, null, inNs(clientNs, command));
    if (r.exitCode() != 0) {
      throw new AssertionError(what + ": " + r.describe());
    }
    return r;
  }

  private static List<String> inNs(String ns, List<String> command) {
    List<String> c = new ArrayList<>(List.of("ip", "netns", "exec", ns));
    c.addAll(command);
    return c;
  }

  private static List<String> javaCommand(String... args) {
    List<String> c = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "-Xmx256m",
        NamespacedTftp.class.getName()));
    c.addAll(List.of(args));
    return c;
  }

  private static void configure(String ns, String dev, String ip) throws Exception {
    run("ip", "-n", ns, "addr", "add", ip + "/24", "dev", dev);
    run("ip", "-n", ns, "link", "set", dev, "mtu", "1500", "up");
    run("ip", "-n", ns, "link", "set", "lo", "up");
  }

  private static void run(String... command) throws Exception {
    PeerProcess.Result r = PeerProcess.run(Duration.ofSeconds(60), work, command);
    if (r.exitCode() != 0) {
      throw new IllegalStateException(String.join(" ", command) + ": " + r.describe());
    }
  }
}
