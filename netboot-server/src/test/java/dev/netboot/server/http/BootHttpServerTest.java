package dev.netboot.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.DateFormatter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GET, HEAD, conditional and range requests over real sockets on 127.0.0.1. */
class BootHttpServerTest {
  private static final Instant MTIME = Instant.parse("2026-01-02T03:04:05Z");

  @TempDir Path dir;
  private final List<String> served = new CopyOnWriteArrayList<>();
  private final HttpClient client = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
  private FileCatalog catalog;
  private BootHttpServer server;
  private byte[] content;
  private String url;

  @BeforeEach
  void start() throws Exception {
    content = new byte[100_000];
    new SplittableRandom(7).nextBytes(content);
    Path file = Files.write(dir.resolve("ipxe.efi"), content);
    Files.setLastModifiedTime(file, FileTime.from(MTIME));
    catalog = new FileCatalog();
    url = catalog.register(file);
    server = BootHttpServer.builder(catalog)
        .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
        .listener((request, status, bytes, duration, complete) ->
            served.add(request.method() + " " + request.path() + " " + status + " " + bytes))
        .build()
        .start();
  }

  @AfterEach
  void stop() {
    server.close(Duration.ZERO);
  }

  private HttpResponse<byte[]> get(String path, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.boundAddress().getPort() + path);
  }

  /**
   * Returns what the listener saw once it saw {@code n} responses: it runs when the server's
   * write completes, which may be just after the client has read the last byte.
   */
  private List<String> served(int n) throws InterruptedException {
    for (int i = 0; i < 100 && served.size() < n; i++) {
      Thread.sleep(50);
    }
    return served;
  }

  private static String lastModified() {
    return DateFormatter.format(Date.from(MTIME));
  }

  @Test
  void getServesTheWholeFileWithValidators() throws Exception {
    HttpResponse<byte[]> r = get(url);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEqualTo(content);
    assertThat(r.headers().firstValue("content-length")).contains("100000");
    assertThat(r.headers().firstValue("content-type")).contains("application/octet-stream");
    assertThat(r.headers().firstValue("accept-ranges")).contains("bytes");
    assertThat(r.headers().firstValue("last-modified")).contains(lastModified());
    assertThat(r.headers().firstValue("etag"))
        .hasValueSatisfying(e -> assertThat(e).startsWith("W/\""));
    assertThat(served(1)).containsExactly("GET " + url + " 200 100000");
  }

  @Test
  void headSendsHeadersOnly() throws Exception {
    try (RawHttp raw = new RawHttp(server.boundAddress())) {
      RawHttp.Response r = raw.request("HEAD", url);
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.header("content-length")).isEqualTo("100000");
      // The connection stays usable: a body would have been read as the next response.
      assertThat(raw.request("GET", url).body()).isEqualTo(content);
    }
    assertThat(served(2))
        .containsExactly("HEAD " + url + " 200 0", "GET " + url + " 200 100000");
  }

  @Test
  void conditionalRequestsGet304() throws Exception {
    String etag = get(url).headers().firstValue("etag").orElseThrow();
    assertThat(get(url, "If-None-Match", etag).statusCode()).isEqualTo(304);
    assertThat(get(url, "If-None-Match", "\"other\", " + etag).statusCode()).isEqualTo(304);
    assertThat(get(url, "If-None-Match", "\"other\"").statusCode()).isEqualTo(200);
    assertThat(get(url, "If-Modified-Since", lastModified()).statusCode()).isEqualTo(304);
    String earlier = DateFormatter.format(Date.from(MTIME.minusSeconds(1)));
    HttpResponse<byte[]> changed = get(url, "If-Modified-Since", earlier);
    assertThat(changed.statusCode()).isEqualTo(200);
    assertThat(changed.body()).isEqualTo(content);
    // If-None-Match wins over If-Modified-Since (RFC 9110 section 13.2.2).
    assertThat(get(url, "If-None-Match", "\"other\"", "If-Modified-Since", lastModified())
        .statusCode()).isEqualTo(200);
    HttpResponse<byte[]> notModified = get(url, "If-None-Match", etag);
    assertThat(notModified.body()).isEmpty();
    assertThat(notModified.headers().firstValue("etag")).contains(etag);
  }

  @Test
  void singleRangesGet206() throws Exception {
    HttpResponse<byte[]> r = get(url, "Range", "bytes=10-19");
    assertThat(r.statusCode()).isEqualTo(206);
    assertThat(r.headers().firstValue("content-range")).contains("bytes 10-19/100000");
    assertThat(r.body()).isEqualTo(java.util.Arrays.copyOfRange(content, 10, 20));
    assertThat(get(url, "Range", "bytes=99990-").body())
        .isEqualTo(java.util.Arrays.copyOfRange(content, 99990, 100000));
    assertThat(get(url, "Range", "bytes=-5").body())
        .isEqualTo(java.util.Arrays.copyOfRange(content, 99995, 100000));
    assertThat(served(3)).contains("GET " + url + " 206 10");
  }

  @Test
  void unsatisfiableRangeGets416() throws Exception {
    HttpResponse<byte[]> r = get(url, "Range", "bytes=100000-");
    assertThat(r.statusCode()).isEqualTo(416);
    assertThat(r.headers().firstValue("content-range")).contains("bytes */100000");
  }

  @Test
  void severalRangesGetTheWholeFile() throws Exception {
    HttpResponse<byte[]> r = get(url, "Range", "bytes=0-1,5-6");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEqualTo(content);
  }

  @Test
  void ifRangeHonoursOnlyTheCurrentDate() throws Exception {
    assertThat(get(url, "Range", "bytes=0-9", "If-Range", lastModified()).statusCode())
        .isEqualTo(206);
    String earlier = DateFormatter.format(Date.from(MTIME.minusSeconds(60)));
    HttpResponse<byte[]> stale = get(url, "Range", "bytes=0-9", "If-Range", earlier);
    assertThat(stale.statusCode()).isEqualTo(200);
    assertThat(stale.body()).isEqualTo(content);
    String etag = get(url).headers().firstValue("etag").orElseThrow();
    assertThat(get(url, "Range", "bytes=0-9", "If-Range", etag).statusCode())
        .as("a weak tag never satisfies If-Range").isEqualTo(200);
  }

  @Test
  void bytesResourcesBehaveLikeFiles() throws Exception {
    byte[] script = "#!ipxe\nchain http://x/y\n".getBytes(StandardCharsets.UTF_8);
    String scriptUrl = catalog.register("boot.ipxe", script, "text/plain; charset=utf-8");
    HttpResponse<byte[]> r = get(scriptUrl);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEqualTo(script);
    assertThat(r.headers().firstValue("content-type")).contains("text/plain; charset=utf-8");
    assertThat(get(scriptUrl, "Range", "bytes=0-5").body()).isEqualTo("#!ipxe".getBytes());
    String etag = r.headers().firstValue("etag").orElseThrow();
    assertThat(get(scriptUrl, "If-None-Match", etag).statusCode()).isEqualTo(304);
  }

  @Test
  void unknownPathsAndVanishedFilesGet404() throws Exception {
    assertThat(get("/f/nothing/here").statusCode()).isEqualTo(404);
    Path gone = Files.writeString(dir.resolve("gone"), "x");
    String goneUrl = catalog.register(gone);
    Files.delete(gone);
    assertThat(get(goneUrl).statusCode()).isEqualTo(404);
    Path directory = Files.createDirectory(dir.resolve("adir"));
    assertThat(get(catalog.register(directory)).statusCode()).isEqualTo(404);
  }

  @Test
  void aFifoIsNotFoundAndBlocksNothing() throws Exception {
    Path fifo = dir.resolve("fifo");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assertThat(mkfifo.waitFor()).isZero();
    // Opening a FIFO for reading blocks until a writer comes: the server must not try.
    assertThat(get(catalog.register(fifo)).statusCode()).isEqualTo(404);
    assertThat(get(url).statusCode()).isEqualTo(200);
  }

  @Test
  void manyConcurrentClientsGetByteExactFiles() throws Exception {
    List<java.util.concurrent.CompletableFuture<HttpResponse<byte[]>>> all =
        new java.util.ArrayList<>();
    for (int i = 0; i < 64; i++) {
      HttpClient own = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      all.add(own.sendAsync(HttpRequest.newBuilder(uri(url)).timeout(Duration.ofSeconds(30))
          .build(), HttpResponse.BodyHandlers.ofByteArray()));
    }
    for (var f : all) {
      HttpResponse<byte[]> r = f.get(60, java.util.concurrent.TimeUnit.SECONDS);
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body()).isEqualTo(content);
    }
  }

  @Test
  void otherMethodsGet405WithAllow() throws Exception {
    try (RawHttp raw = new RawHttp(server.boundAddress())) {
      RawHttp.Response r = raw.request("DELETE", url);
      assertThat(r.status()).isEqualTo(405);
      assertThat(r.header("allow")).isEqualTo("GET, HEAD");
    }
  }

  @Test
  void keepAliveServesSeveralRequestsAndPipelining() throws Exception {
    try (RawHttp raw = new RawHttp(server.boundAddress())) {
      assertThat(raw.request("GET", url).status()).isEqualTo(200);
      raw.send("GET " + url + " HTTP/1.1\r\nHost: x\r\nRange: bytes=0-0\r\n\r\n"
          + "GET " + url + " HTTP/1.1\r\nHost: x\r\nRange: bytes=1-1\r\n\r\n");
      assertThat(raw.read(false).body()).containsExactly(content[0]);
      assertThat(raw.read(false).body()).containsExactly(content[1]);
      RawHttp.Response last = raw.request("GET", url, "Connection: close");
      assertThat(last.header("connection")).isEqualTo("close");
      assertThat(raw.closedByServer()).isTrue();
    }
  }

  @Test
  void http10ClosesUnlessKeepAliveIsAsked() throws Exception {
    try (RawHttp raw = new RawHttp(server.boundAddress())) {
      raw.send("GET " + url + " HTTP/1.0\r\n\r\n");
      assertThat(raw.read(false).body()).isEqualTo(content);
      assertThat(raw.closedByServer()).isTrue();
    }
    try (RawHttp raw = new RawHttp(server.boundAddress())) {
      raw.send("GET " + url + " HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
      RawHttp.Response r = raw.read(false);
      assertThat(r.header("connection")).isEqualToIgnoringCase("keep-alive");
      raw.send("GET " + url + " HTTP/1.0\r\n\r\n");
      assertThat(raw.read(false).status()).isEqualTo(200);
    }
  }

  @Test
  void oversizedBodiesHeadersAndLinesAreRefused() throws Exception {
    try (RawHttp raw = new RawHttp(server.boundAddress())) {
      assertThat(raw.request("GET", url, "Content-Length: 100000").status()).isEqualTo(413);
      assertThat(raw.closedByServer()).isTrue();
    }
    try (RawHttp raw = new RawHttp(server.boundAddress())) {
      assertThat(raw.request("GET", url, "X-Big: " + "a".repeat(10_000)).status())
          .isEqualTo(431);
    }
    try (RawHttp raw = new RawHttp(server.boundAddress())) {
      assertThat(raw.request("GET", "/" + "a".repeat(5000)).status()).isEqualTo(414);
    }
    try (RawHttp raw = new RawHttp(server.boundAddress())) {
      // A small body is tolerated and discarded.
      raw.send("GET " + url + " HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello");
      assertThat(raw.read(false).body()).isEqualTo(content);
      assertThat(raw.request("GET", url).status()).isEqualTo(200);
    }
  }

  @Test
  void resolverFailureGets500() throws Exception {
    try (BootHttpServer failing = BootHttpServer.builder(request -> {
          throw new IllegalStateException("boom");
        })
        .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).build().start();
        RawHttp raw = new RawHttp(failing.boundAddress())) {
      assertThat(raw.request("GET", "/x").status()).isEqualTo(500);
      assertThat(raw.request("GET", "/x").status()).as("still serving").isEqualTo(500);
    }
  }

  @Test
  void queryReachesTheResolver() throws Exception {
    List<HttpRequestInfo> seen = new CopyOnWriteArrayList<>();
    try (BootHttpServer s = BootHttpServer.builder(request -> {
          seen.add(request);
          return Optional.empty();
        })
        .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).build().start();
        RawHttp raw = new RawHttp(s.boundAddress())) {
      raw.request("GET", "/boot.ipxe?mac=aa-bb-cc-dd-ee-ff&arch=7");
    }
    assertThat(seen).singleElement().satisfies(info -> {
      assertThat(info.path()).isEqualTo("/boot.ipxe");
      assertThat(info.queryParameter("mac")).contains("aa-bb-cc-dd-ee-ff");
      assertThat(info.queryParameter("arch")).contains("7");
      assertThat(info.remote().getAddress().isLoopbackAddress()).isTrue();
      assertThat(info.local().getPort()).isPositive();
    });
  }

  @Test
  void startTwiceAndBindConflictsFail() throws Exception {
    org.assertj.core.api.Assertions.assertThatThrownBy(server::start)
        .isInstanceOf(IllegalStateException.class);
    BootHttpServer clash = BootHttpServer.builder(catalog).bind(server.boundAddress()).build();
    org.assertj.core.api.Assertions.assertThatThrownBy(clash::start)
        .isInstanceOf(java.io.IOException.class);
    clash.close();
  }
}
