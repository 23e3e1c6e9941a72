package dev.netboot.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Hostile and careless clients: path tricks, slowloris, idlers, stalled readers, floods. */
class BootHttpServerAbuseTest {
  private static final String SECRET = "TOPSECRET";

  @TempDir Path dir;
  private BootHttpServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close(Duration.ZERO);
    }
  }

  private BootHttpServer start(BootHttpContent content, BootHttpLimits limits,
      HttpTransferListener listener) throws IOException {
    server = BootHttpServer.builder(content)
        .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
        .limits(limits).listener(listener).build().start();
    return server;
  }

  /**
   * A deliberately naive resolver that joins the path onto a directory: only the server's path
   * checks stand between it and the secret next to that directory.
   */
  private BootHttpContent naiveDirectory() throws IOException {
    Path www = Files.createDirectories(dir.resolve("www"));
    Files.writeString(www.resolve("index.txt"), "public");
    Files.writeString(dir.resolve("secret.txt"), SECRET);
    return request -> Optional.of(new HttpResource.FileResource(
        www.resolve(request.path().substring(1)), "text/plain"));
  }

  @Test
  void naiveResolverServesItsOwnFiles() throws Exception {
    start(naiveDirectory(), BootHttpLimits.DEFAULTS, HttpTransferListener.NONE);
    try (RawHttp raw = new RawHttp(server.boundAddress())) {
      RawHttp.Response r = raw.request("GET", "/index.txt");
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.text()).isEqualTo("public");
      assertThat(raw.request("GET", "//index.txt").text()).isEqualTo("public");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"FOO /index.txt HTTP/1.1\r\nHost: x\r\n\r\n",
      "GET /index.txt HTTP/1.1\r\nHost: x\r\n\r\n"})
  void aClientThatClosedItsSideIsClosedOnceAnswered(String request) throws Exception {
    start(naiveDirectory(), BootHttpLimits.DEFAULTS, HttpTransferListener.NONE);
    try (RawHttp raw = new RawHttp(server.boundAddress())) {
      raw.send(request);
      raw.socket().shutdownOutput();
      raw.socket().setSoTimeout(3_000);
      // readAllBytes returns only once the server closed: a timeout here fails the test.
      byte[] all = raw.socket().getInputStream().readAllBytes();
      assertThat(new String(all, java.nio.charset.StandardCharsets.ISO_8859_1))
          .startsWith("HTTP/1.1 ");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"HTTP/9.9", "HTTP/2.0", "HTTP/0.9"})
  void versionsOtherThanOneAreRefusedWith505(String version) throws Exception {
    start(naiveDirectory(), BootHttpLimits.DEFAULTS, HttpTransferListener.NONE);
    try (RawHttp raw = new RawHttp(server.boundAddress())) {
      raw.send("GET /index.txt " + version + "\r\nHost: x\r\n\r\n");
      RawHttp.Response r = raw.read(false);
      assertThat(r.status()).isEqualTo(505);
      assertThat(r.text()).doesNotContain("public");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "/../secret.txt", "/f/../../secret.txt", "/./../secret.txt", "/%2e%2e/secret.txt",
      "/%2E%2e/secret.txt", "/.%2e/secret.txt", "/..%2fsecret.txt", "/..%2Fsecret.txt",
      "/..%5csecret.txt", "/..\\secret.txt", "/x/..%00/secret.txt", "/%00../secret.txt",
      "/%252e%252e/secret.txt", "/..%c0%afsecret.txt", "/%c0%ae%c0%ae/secret.txt",
      "http://127.0.0.1/../secret.txt", "http://127.0.0.1/%2e%2e/secret.txt",
      "http://127.0.0.1/..%2fsecret.txt", "http:/../secret.txt", "../secret.txt",
      "secret.txt", "*", "/..", "/../", "/..;/secret.txt/..", "/index.txt/../../secret.txt"})
  void traversalSpellingsNeverReachFilesOutsideTheResolver(String target) throws Exception {
    List<String> paths = new CopyOnWriteArrayList<>();
    start(naiveDirectory(), BootHttpLimits.DEFAULTS,
        (request, status, bytes, duration, complete) -> paths.add(request.path()));
    try (RawHttp raw = new RawHttp(server.boundAddress())) {
      RawHttp.Response r = raw.request("GET", target);
      assertThat(r.status()).as(target).isIn(400, 404);
      assertThat(r.text()).doesNotContain(SECRET);
    }
  }

  @Test
  void slowlorisIsCutOffWhileOthersAreServed() throws Exception {
    FileCatalog catalog = new FileCatalog();
    String url = catalog.register("f", "payload".getBytes(StandardCharsets.UTF_8), "text/plain");
    start(catalog, BootHttpLimits.builder().requestHeadTimeout(Duration.ofSeconds(1)).build(),
        HttpTransferListener.NONE);
    try (RawHttp slow = new RawHttp(server.boundAddress())) {
      long started = System.nanoTime();
      CompletableFuture<Duration> closedAfter = CompletableFuture.supplyAsync(() -> {
        slow.closedWithin(Duration.ofSeconds(20));
        return Duration.ofNanos(System.nanoTime() - started);
      });
      slow.send("GET " + url + " HTTP/1.1\r\n");
      // One header byte every 200 ms for up to 8 s: never a complete head, never idle. The
      // default idle timeout (30 s) cannot be what closes it.
      for (int i = 0; i < 40 && !closedAfter.isDone(); i++) {
        try {
          slow.send("X");
        } catch (IOException e) {
          break;
        }
        try (RawHttp other = new RawHttp(server.boundAddress())) {
          assertThat(other.request("GET", url).text()).isEqualTo("payload");
        }
        Thread.sleep(200);
      }
      // The upper bound is loose: the machine may be busy; without the head timeout the
      // connection would stay open for the whole loop.
      assertThat(closedAfter.get(10, TimeUnit.SECONDS))
          .isBetween(Duration.ofMillis(800), Duration.ofSeconds(6));
    }
  }

  @Test
  void idleKeepAliveConnectionsAreClosed() throws Exception {
    FileCatalog catalog = new FileCatalog();
    String url = catalog.register("f", new byte[10], "text/plain");
    start(catalog, BootHttpLimits.builder().idleTimeout(Duration.ofSeconds(1)).build(),
        HttpTransferListener.NONE);
    try (RawHttp raw = new RawHttp(server.boundAddress())) {
      assertThat(raw.request("GET", url).status()).isEqualTo(200);
      assertThat(raw.closedWithin(Duration.ofMillis(700))).as("still open at first").isFalse();
      assertThat(raw.closedWithin(Duration.ofSeconds(5))).isTrue();
    }
  }

  @Test
  void connectionsOverTheCapAreClosedAtAccept() throws Exception {
    FileCatalog catalog = new FileCatalog();
    String url = catalog.register("f", new byte[10], "text/plain");
    start(catalog, BootHttpLimits.builder().maxConnections(2).build(), HttpTransferListener.NONE);
    RawHttp a = new RawHttp(server.boundAddress());
    try (RawHttp b = new RawHttp(server.boundAddress())) {
      assertThat(a.request("GET", url).status()).isEqualTo(200);
      assertThat(b.request("GET", url).status()).isEqualTo(200);
      try (RawHttp c = new RawHttp(server.boundAddress())) {
        assertThat(c.closedWithin(Duration.ofSeconds(2))).isTrue();
      }
      a.close();
      boolean servedAgain = false;
      for (int i = 0; i < 20 && !servedAgain; i++) {
        try (RawHttp d = new RawHttp(server.boundAddress())) {
          servedAgain = d.request("GET", url).status() == 200;
        } catch (IOException e) {
          Thread.sleep(100); // the freed slot is counted when the close is processed
        }
      }
      assertThat(servedAgain).isTrue();
    } finally {
      a.close();
    }
  }

  @Test
  void stalledReaderIsDisconnectedAfterTheWriteTimeout() throws Exception {
    long size = 64L << 20;
    Path big = dir.resolve("big.img");
    try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(big.toFile(), "rw")) {
      f.setLength(size);
    }
    FileCatalog catalog = new FileCatalog();
    String url = catalog.register(big);
    List<Long> bytes = new CopyOnWriteArrayList<>();
    start(catalog, BootHttpLimits.builder().writeTimeout(Duration.ofSeconds(1)).build(),
        (request, status, sent, duration, complete) -> bytes.add(complete ? -1 : sent));
    try (RawHttp raw = new RawHttp(server.boundAddress())) {
      raw.socket().setReceiveBufferSize(64 * 1024);
      raw.send("GET " + url + " HTTP/1.1\r\nHost: x\r\n\r\n");
      for (int i = 0; i < 100 && bytes.isEmpty(); i++) {
        Thread.sleep(100); // never reads
      }
      assertThat(bytes).singleElement().satisfies(sent -> assertThat(sent).isLessThan(size));
      assertThat(server.openConnections()).isZero();
    }
  }
}
