package dev.netboot.it.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netboot.it.PeerProcess;
import dev.netboot.it.Peers;
import dev.netboot.server.http.BootHttpServer;
import dev.netboot.server.http.FileCatalog;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** curl, the reference HTTP client, against {@link BootHttpServer}: byte-exact transfers. */
class CurlAgainstBootHttpTest {
  private static final Duration CURL_TIMEOUT = Duration.ofSeconds(60);
  private static final Instant MTIME = Instant.parse("2026-03-04T05:06:07Z");
  private static final int SIZE = 3 * 1024 * 1024 + 17;

  @TempDir Path dir;
  private Path curl;
  private byte[] content;
  private Path served;
  private FileCatalog catalog;
  private BootHttpServer server;
  private String url;

  @BeforeEach
  void start() throws Exception {
    curl = Peers.require("curl");
    content = new byte[SIZE];
    new SplittableRandom(2026).nextBytes(content);
    served = Files.write(Files.createDirectory(dir.resolve("srv")).resolve("vmlinuz"), content);
    Files.setLastModifiedTime(served, FileTime.from(MTIME));
    catalog = new FileCatalog();
    server = BootHttpServer.builder(catalog)
        .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).build().start();
    url = "http://127.0.0.1:" + server.boundAddress().getPort() + catalog.register(served);
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close(Duration.ZERO);
    }
  }

  private PeerProcess.Result curl(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(curl.toString(), "-sS", "--max-time", "30"));
    command.addAll(Arrays.asList(args));
    PeerProcess.Result r = PeerProcess.run(CURL_TIMEOUT, dir, null, command);
    assertThat(r.exitCode()).as(r.describe()).isZero();
    return r;
  }

  @Test
  void wholeFileIsByteExact() throws Exception {
    Path out = dir.resolve("whole");
    PeerProcess.Result r = curl("-o", out.toString(), "-w", "%{http_code}", url);
    assertThat(r.output()).isEqualTo("200");
    assertThat(Files.mismatch(out, served)).isEqualTo(-1);
  }

  @Test
  void rangesAreByteExact() throws Exception {
    Path out = dir.resolve("part");
    assertThat(curl("-r", "1000-1999", "-o", out.toString(), "-w", "%{http_code}", url).output())
        .isEqualTo("206");
    assertThat(Files.readAllBytes(out)).isEqualTo(Arrays.copyOfRange(content, 1000, 2000));
    curl("-r", "-100", "-o", out.toString(), url);
    assertThat(Files.readAllBytes(out)).isEqualTo(Arrays.copyOfRange(content, SIZE - 100, SIZE));
    curl("-r", "3000000-", "-o", out.toString(), url);
    assertThat(Files.readAllBytes(out)).isEqualTo(Arrays.copyOfRange(content, 3000000, SIZE));
  }

  @Test
  void resumeCompletesAPartialDownload() throws Exception {
    Path out = Files.write(dir.resolve("resumed"), Arrays.copyOf(content, 1_000_000));
    curl("-C", "-", "-o", out.toString(), url);
    assertThat(Files.mismatch(out, served)).isEqualTo(-1);
  }

  @Test
  void headShowsTheValidators() throws Exception {
    String headers = curl("-I", url).output();
    assertThat(headers).startsWith("HTTP/1.1 200 OK")
        .containsIgnoringCase("content-length: " + SIZE)
        .containsIgnoringCase("accept-ranges: bytes")
        .containsIgnoringCase("last-modified: Wed, 04 Mar 2026 05:06:07 GMT")
        .containsIgnoringCase("etag: W/\"");
  }

  @Test
  void conditionalDownloadSkipsAnUnchangedFile() throws Exception {
    Path local = Files.write(dir.resolve("local-copy"), new byte[] {1});
    Files.setLastModifiedTime(local, FileTime.from(MTIME));
    Path out = dir.resolve("cond");
    assertThat(curl("-z", local.toString(), "-o", out.toString(), "-w", "%{http_code}", url)
        .output()).isEqualTo("304");
    Files.setLastModifiedTime(local, FileTime.from(MTIME.minusSeconds(3600)));
    assertThat(curl("-z", local.toString(), "-o", out.toString(), "-w", "%{http_code}", url)
        .output()).isEqualTo("200");
    assertThat(Files.mismatch(out, served)).isEqualTo(-1);
  }

  @Test
  void keepAliveReusesOneConnection() throws Exception {
    String script = "#!ipxe\nkernel vmlinuz\nboot\n";
    String scriptUrl = "http://127.0.0.1:" + server.boundAddress().getPort()
        + catalog.register("boot.ipxe", script.getBytes(StandardCharsets.UTF_8), "text/plain");
    Path a = dir.resolve("a");
    Path b = dir.resolve("b");
    String connects = curl("-w", "%{num_connects}\n", "-o", a.toString(), scriptUrl,
        "-o", b.toString(), url).output();
    assertThat(connects.lines()).containsExactly("1", "0");
    assertThat(Files.readString(a)).isEqualTo(script);
    assertThat(Files.mismatch(b, served)).isEqualTo(-1);
  }

  @Test
  void http10Works() throws Exception {
    Path out = dir.resolve("old");
    curl("--http1.0", "-o", out.toString(), url);
    assertThat(Files.mismatch(out, served)).isEqualTo(-1);
  }

  @Test
  void pathsOutsideTheCatalogAreNotFound() throws Exception {
    String base = "http://127.0.0.1:" + server.boundAddress().getPort();
    assertThat(curl("-o", "/dev/null", "-w", "%{http_code}", "--path-as-is",
        base + "/f/../srv/vmlinuz").output()).isEqualTo("400");
    assertThat(curl("-o", "/dev/null", "-w", "%{http_code}", base + "/srv/vmlinuz").output())
        .isEqualTo("404");
  }
}
