package dev.netboot.conformance.tftp.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.netboot.tftp.TftpServerSettings;
import dev.netboot.tftp.TftpOptions;
import dev.netboot.tftp.files.DirectoryFileSource;
import dev.netboot.tftp.files.InMemoryFileSource;
import dev.netboot.tftp.udp.TftpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The suite against netboot's own server (every check passes) and against broken servers. */
class TftpServerSuiteTest {
  @TempDir Path root;

  static Map<String, byte[]> files(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (int size : new int[] {0, 1, 512, 1024, 5_000, (2 << 20) + 777}) {
      byte[] b = new byte[size];
      random.nextBytes(b);
      files.put("file-" + size + ".bin", b);
    }
    files.put("hello.txt",
        "netboot\nconformance\n\ttext with CR LF on the wire\n".getBytes(StandardCharsets.US_ASCII));
    return files;
  }

  private TftpServer ourServer(Map<String, byte[]> files, boolean writable) throws Exception {
    for (Map.Entry<String, byte[]> f : files.entrySet()) {
      Files.write(root.resolve(f.getKey()), f.getValue());
    }
    TftpServerSettings settings = TftpServerSettings.builder()
        .maxBlksize(TftpOptions.MAX_BLKSIZE)
        .writeAllowed(writable)
        .initialTimeout(Duration.ofMillis(300))
        .maxRetries(3)
        .build();
    return TftpServer.builder(DirectoryFileSource.builder(root).allowWrite(writable).build())
        .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
        .settings(settings)
        .build()
        .start();
  }

  @Test
  void ourServerPassesEveryCheck() throws Exception {
    Map<String, byte[]> files = files(1);
    try (TftpServer server = ourServer(files, true)) {
      TftpServerSuite.Builder suite = TftpServerSuite.builder(server.boundAddress())
          .writable(true).timeout(Duration.ofSeconds(3)).giveUpWait(Duration.ofSeconds(15));
      files.forEach(suite::file);
      TftpSuiteReport report = suite.run();
      System.out.print(report.toText());
      assertThat(report.checks()).extracting(CheckResult::id)
          .containsExactlyElementsOf(TftpServerSuite.checkIds());
      assertThat(report.checks()).as(report.toText())
          .allSatisfy(c -> assertThat(c.outcome()).as(c.id() + ": " + c.detail())
              .isEqualTo(CheckOutcome.PASS));
      assertThat(report.passed()).isTrue();
      assertThat(report.toText()).contains("seed " + report.seed(), "windowsize.16", "PASS");
    }
  }

  @Test
  void aReadOnlyServerMustRefuseWritesWithError2() throws Exception {
    InMemoryFileSource source = InMemoryFileSource.builder().add("a.bin", new byte[700]).build();
    try (TftpServer server = TftpServer.builder(source)
        .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).build().start()) {
      TftpSuiteReport report = TftpServerSuite.builder(server.boundAddress())
          .file("a.bin", new byte[700]).only(List.of("wrq", "rrq.missing")).run();
      assertThat(report.checks()).extracting(CheckResult::outcome)
          .as(report.toText()).containsOnly(CheckOutcome.PASS);
      // Claiming the server is writable makes the same server fail the write check.
      TftpSuiteReport claimed = TftpServerSuite.builder(server.boundAddress())
          .file("a.bin", new byte[700]).writable(true).only(List.of("wrq")).run();
      assertThat(claimed.checks().get(0).outcome()).as(claimed.toText())
          .isEqualTo(CheckOutcome.FAIL);
    }
  }

  @Test
  void checksWithoutTheFilesTheyNeedAreSkippedNotFailed() throws Exception {
    InMemoryFileSource source = InMemoryFileSource.builder().add("tiny", new byte[3]).build();
    try (TftpServer server = TftpServer.builder(source)
        .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).build().start()) {
      TftpSuiteReport report = TftpServerSuite.builder(server.boundAddress())
          .file("tiny", new byte[3])
          .only(List.of("rrq.large", "rrq.netascii", "rrq.last-empty-block", "rrq.octet"))
          .run();
      assertThat(report.checks()).extracting(CheckResult::outcome).as(report.toText())
          .containsExactly(CheckOutcome.PASS, CheckOutcome.SKIP, CheckOutcome.SKIP,
              CheckOutcome.SKIP);
      assertThat(report.passed()).isTrue();
    }
  }

  @Test
  void aWrongFileContentFails() throws Exception {
    InMemoryFileSource source = InMemoryFileSource.builder().add("a.bin", new byte[700]).build();
    try (TftpServer server = TftpServer.builder(source)
        .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).build().start()) {
      byte[] promised = new byte[700];
      promised[699] = 1;
      TftpSuiteReport report = TftpServerSuite.builder(server.boundAddress())
          .file("a.bin", promised).only(List.of("rrq.octet", "tsize.read")).run();
      assertThat(report.checks().get(0).outcome()).isEqualTo(CheckOutcome.FAIL);
      assertThat(report.checks().get(0).detail()).contains("offset 699");
      assertThat(report.checks().get(1).outcome()).isEqualTo(CheckOutcome.PASS);
    }
  }

  @Test
  void aBrokenServerFailsTheChecksOfWhatItBreaks() throws Exception {
    byte[] content = new byte[8 * 1024 + 10];
    new SplittableRandom(7).nextBytes(content);
    try (BrokenTftpServer broken = new BrokenTftpServer("f.bin", content)) {
      TftpSuiteReport report = TftpServerSuite.builder(broken.address())
          .file("f.bin", content).timeout(Duration.ofSeconds(1)).seed(99)
          .only(List.of("rrq.octet", "tsize.read", "oack.only-asked", "rrq.missing",
              "ack.duplicate"))
          .run();
      Map<String, CheckResult> byId = new LinkedHashMap<>();
      report.checks().forEach(c -> byId.put(c.id(), c));
      assertThat(byId.get("rrq.octet").outcome()).as(report.toText())
          .isEqualTo(CheckOutcome.PASS);
      assertThat(byId.get("tsize.read").outcome()).isEqualTo(CheckOutcome.FAIL);
      assertThat(byId.get("tsize.read").detail())
          .contains("tsize=" + (content.length + 1), "expected: " + content.length);
      assertThat(byId.get("oack.only-asked").outcome()).isEqualTo(CheckOutcome.FAIL);
      assertThat(byId.get("oack.only-asked").detail()).contains(OptionChecks.UNKNOWN_OPTION);
      assertThat(byId.get("rrq.missing").outcome()).isEqualTo(CheckOutcome.FAIL);
      assertThat(byId.get("ack.duplicate").outcome()).isEqualTo(CheckOutcome.FAIL);
      assertThat(byId.get("ack.duplicate").detail()).contains("duplicate DATA");
      assertThat(report.passed()).isFalse();
      assertThat(report.failures()).hasSize(4);
      assertThat(report.toText()).contains("seed 99", "4 failed");
    }
  }

  @Test
  void theBuilderRefusesNonsense() {
    InetSocketAddress server = new InetSocketAddress(InetAddress.getLoopbackAddress(), 69);
    assertThatThrownBy(() -> TftpServerSuite.builder(server).build())
        .hasMessageContaining("expected: at least one file");
    assertThatThrownBy(() -> TftpServerSuite.builder(server).only(List.of("nope")))
        .hasMessageContaining("expected: one of");
    assertThatThrownBy(() -> TftpServerSuite.builder(server).timeout(Duration.ZERO))
        .hasMessageContaining("expected: 1 ms to");
    assertThatThrownBy(() -> TftpServerSuite.builder(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)))
        .hasMessageContaining("expected: a resolved address with a port");
  }

  @Test
  void theSameSeedNamesTheSameMissingFile() {
    InetSocketAddress server = new InetSocketAddress(InetAddress.getLoopbackAddress(), 69);
    long a = TftpServerSuite.builder(server).file("x", new byte[1]).seed(5).build().seed();
    assertThat(a).isEqualTo(5);
    assertThat(TftpServerSuite.checkIds()).doesNotHaveDuplicates().hasSizeGreaterThan(20);
  }

  @Test
  void netasciiTurnsLineEndsIntoCrLfAndLoneCrIntoCrNul() {
    assertThat(ReadChecks.toNetascii("a\nb\rc".getBytes(StandardCharsets.US_ASCII)))
        .containsExactly('a', '\r', '\n', 'b', '\r', 0, 'c');
    assertThat(ReadChecks.isText("x\n".getBytes(StandardCharsets.US_ASCII))).isTrue();
    assertThat(ReadChecks.isText(new byte[] {1, '\n'})).isFalse();
    assertThat(ReadChecks.isText("no line end".getBytes(StandardCharsets.US_ASCII))).isFalse();
  }
}
