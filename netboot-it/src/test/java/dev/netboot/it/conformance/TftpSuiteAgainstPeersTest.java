package dev.netboot.it.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netboot.conformance.tftp.suite.CheckOutcome;
import dev.netboot.conformance.tftp.suite.CheckResult;
import dev.netboot.conformance.tftp.suite.TftpServerSuite;
import dev.netboot.conformance.tftp.suite.TftpSuiteReport;
import dev.netboot.it.tftp.PeerServer;
import dev.netboot.tftp.TftpServerSettings;
import dev.netboot.tftp.files.DirectoryFileSource;
import dev.netboot.tftp.udp.TftpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The TFTP conformance suite against real servers on loopback: our {@link TftpServer}, which
 * must pass every check, and tftpd-hpa and atftpd, whose reports are documentation (written to
 * {@code target/conformance/tftp-<server>.txt}); for them the test asserts only that every check
 * ran. Skips a peer that is not installed unless peers are required.
 */
class TftpSuiteAgainstPeersTest {
  private static final long SEED = 0x7F7F_5EEDL;
  private static final Path REPORTS = Path.of("target", "conformance");

  @TempDir Path root;

  /** The files every server serves: the sizes the suite asks for, a large one, a text file. */
  private Map<String, byte[]> files() throws Exception {
    SplittableRandom random = new SplittableRandom(SEED);
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (int size : new int[] {0, 1, 512, 1024, 5_000, (2 << 20) + 777}) {
      byte[] b = new byte[size];
      random.nextBytes(b);
      files.put("file-" + size + ".bin", b);
    }
    files.put("hello.txt", "netboot\nconformance suite\n\tnetascii: LF becomes CR LF\n"
        .getBytes(StandardCharsets.US_ASCII));
    for (Map.Entry<String, byte[]> f : files.entrySet()) {
      Files.write(root.resolve(f.getKey()), f.getValue());
    }
    return files;
  }

  private static TftpSuiteReport run(InetSocketAddress server, Map<String, byte[]> files,
      String name) throws Exception {
    TftpServerSuite.Builder suite = TftpServerSuite.builder(server).writable(true).seed(SEED);
    files.forEach(suite::file);
    TftpSuiteReport report = suite.run();
    Files.createDirectories(REPORTS);
    Files.writeString(REPORTS.resolve("tftp-" + name + ".txt"), report.toText());
    assertThat(report.checks()).extracting(CheckResult::id)
        .as("every check ran against " + name)
        .containsExactlyElementsOf(TftpServerSuite.checkIds());
    return report;
  }

  @Test
  void ourServerPassesEveryCheck() throws Exception {
    Map<String, byte[]> files = files();
    TftpServerSettings settings = TftpServerSettings.builder().writeAllowed(true).build();
    try (TftpServer server = TftpServer.builder(
            DirectoryFileSource.builder(root).allowWrite(true).build())
        .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
        .settings(settings).build().start()) {
      TftpSuiteReport report = run(server.boundAddress(), files, "netboot");
      assertThat(report.checks()).as(report.toText())
          .allSatisfy(c -> assertThat(c.outcome()).as(c.id() + ": " + c.detail())
              .isEqualTo(CheckOutcome.PASS));
    }
  }

  @Test
  void tftpdHpaReport() throws Exception {
    Map<String, byte[]> files = files();
    try (PeerServer peer = PeerServer.start(PeerServer.Kind.TFTPD_HPA, root,
        root.resolveSibling(root.getFileName() + "-tftpd-hpa.log"))) {
      run(peer.address(), files, "tftpd-hpa");
    }
  }

  @Test
  void atftpdReport() throws Exception {
    Map<String, byte[]> files = files();
    try (PeerServer peer = PeerServer.start(PeerServer.Kind.ATFTPD, root,
        root.resolveSibling(root.getFileName() + "-atftpd.log"))) {
      run(peer.address(), files, "atftpd");
    }
  }
}
