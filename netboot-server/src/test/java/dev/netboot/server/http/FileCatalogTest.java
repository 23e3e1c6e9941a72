package dev.netboot.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileCatalogTest {
  private static final InetSocketAddress ADDRESS =
      new InetSocketAddress(InetAddress.getLoopbackAddress(), 80);
  private static final Instant NOW = Instant.parse("2026-11-22T07:00:00Z");

  @TempDir Path dir;

  private static Optional<HttpResource> get(FileCatalog catalog, String decodedPath) {
    return catalog.resolve(new HttpRequestInfo("GET", decodedPath, Map.of(), ADDRESS, ADDRESS));
  }

  @Test
  void registeredFileResolvesUnderItsIdAndName() throws Exception {
    Path kernel = Files.writeString(dir.resolve("vmlinuz"), "kernel");
    FileCatalog catalog = new FileCatalog();
    String url = catalog.register(kernel);
    assertThat(url).matches("/f/[A-Za-z0-9_-]{22}/vmlinuz");
    assertThat(get(catalog, url)).contains(
        new HttpResource.FileResource(kernel.toAbsolutePath(), "application/octet-stream"));
    assertThat(catalog.register(kernel)).as("same file, same URL").isEqualTo(url);
    assertThat(catalog.size()).isEqualTo(1);
  }

  @Test
  void otherNamesIdsAndPrefixesDoNotResolve() throws Exception {
    FileCatalog catalog = new FileCatalog();
    String url = catalog.register(Files.writeString(dir.resolve("initrd.img"), "x"));
    String id = url.split("/")[2];
    assertThat(get(catalog, "/f/" + id + "/other.img")).isEmpty();
    assertThat(get(catalog, "/f/" + id + "/initrd.img/")).isEmpty();
    assertThat(get(catalog, "/f/" + id)).isEmpty();
    assertThat(get(catalog, "/f/" + id + "x/initrd.img")).isEmpty();
    assertThat(get(catalog, "/g/" + id + "/initrd.img")).isEmpty();
    assertThat(get(catalog, "/initrd.img")).isEmpty();
  }

  @Test
  void bytesEntriesAreDatedAndCopied() {
    FileCatalog catalog = new FileCatalog(Clock.fixed(NOW, ZoneOffset.UTC));
    byte[] script = "#!ipxe\nboot\n".getBytes(StandardCharsets.UTF_8);
    String url = catalog.register("boot.ipxe", script, "text/plain");
    script[0] = 'X';
    HttpResource.BytesResource r = (HttpResource.BytesResource) get(catalog, url).orElseThrow();
    assertThat(new String(r.bytes(), StandardCharsets.UTF_8)).isEqualTo("#!ipxe\nboot\n");
    assertThat(r.lastModified()).isEqualTo(NOW);
    assertThat(r.contentType()).isEqualTo("text/plain");
  }

  @Test
  void namesArePercentEncodedInUrlsAndMatchedDecoded() {
    FileCatalog catalog = new FileCatalog();
    String url = catalog.register("my boot é.cfg", new byte[] {1}, "text/plain");
    assertThat(url).endsWith("/my%20boot%20%C3%A9.cfg");
    String decodedPath = RequestTarget.parse(url).orElseThrow().path();
    assertThat(get(catalog, decodedPath)).isPresent();
  }

  @Test
  void idsAreUnique() {
    FileCatalog catalog = new FileCatalog();
    Set<String> ids = new HashSet<>();
    IntStream.range(0, 2000).forEach(i ->
        ids.add(catalog.register("a", new byte[0], "text/plain").split("/")[2]));
    assertThat(ids).hasSize(2000);
  }

  @Test
  void removeWithdrawsAnEntry() throws Exception {
    FileCatalog catalog = new FileCatalog();
    Path file = Files.writeString(dir.resolve("x.efi"), "x");
    String url = catalog.register(file);
    assertThat(catalog.remove(url)).isTrue();
    assertThat(get(catalog, url)).isEmpty();
    assertThat(catalog.remove(url)).isFalse();
    assertThat(catalog.register(file)).as("a new id after removal").isNotEqualTo(url);
  }

  @Test
  void badNamesAreRefused() {
    FileCatalog catalog = new FileCatalog();
    for (String name : new String[] {"", ".", "..", "a/b", "a\\b", "a\u0000", "x".repeat(256)}) {
      assertThatThrownBy(() -> catalog.register(name, new byte[0], "text/plain"))
          .as(name).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected");
    }
    assertThatThrownBy(() -> catalog.register(Path.of("/")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
