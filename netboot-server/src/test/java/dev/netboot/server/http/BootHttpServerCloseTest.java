package dev.netboot.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Large files over real sockets, and closing while they are in flight. */
class BootHttpServerCloseTest {
  private static final int SIZE = 64 << 20;

  @TempDir Path dir;
  private Path big;
  private byte[] digest;

  @BeforeEach
  void bigFile() throws Exception {
    big = dir.resolve("initrd.img");
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    SplittableRandom random = new SplittableRandom(42);
    byte[] chunk = new byte[1 << 20];
    try (OutputStream out = Files.newOutputStream(big)) {
      for (int i = 0; i < SIZE / chunk.length; i++) {
        random.nextBytes(chunk);
        sha.update(chunk);
        out.write(chunk);
      }
    }
    digest = sha.digest();
  }

  private static BootHttpServer start(FileCatalog catalog, HttpTransferListener listener)
      throws Exception {
    return BootHttpServer.builder(catalog)
        .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
        .listener(listener).build().start();
  }

  @Test
  void largeFileArrivesByteExact() throws Exception {
    FileCatalog catalog = new FileCatalog();
    String url = catalog.register(big);
    List<Long> served = new CopyOnWriteArrayList<>();
    try (BootHttpServer server =
        start(catalog, (r, status, bytes, d, complete) -> served.add(complete ? bytes : -1))) {
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      HttpResponse<InputStream> r = client.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
              + server.boundAddress().getPort() + url)).build(),
          HttpResponse.BodyHandlers.ofInputStream());
      assertThat(r.statusCode()).isEqualTo(200);
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      long total = 0;
      try (InputStream in = r.body()) {
        byte[] buf = new byte[1 << 16];
        for (int n; (n = in.read(buf)) > 0; total += n) {
          sha.update(buf, 0, n);
        }
      }
      assertThat(total).isEqualTo(SIZE);
      assertThat(sha.digest()).isEqualTo(digest);
    }
    assertThat(served).containsExactly((long) SIZE);
  }

  @Test
  void closeLetsATransferInFlightFinishAndRefusesNewConnections() throws Exception {
    FileCatalog catalog = new FileCatalog();
    String url = catalog.register(big);
    List<String> served = new CopyOnWriteArrayList<>();
    BootHttpServer server =
        start(catalog, (r, status, bytes, d, complete) -> served.add(status + " " + bytes
            + (complete ? "" : " cut")));
    InetSocketAddress address = server.boundAddress();
    try (RawHttp raw = new RawHttp(address)) {
      raw.send("GET " + url + " HTTP/1.1\r\nHost: x\r\n\r\n");
      InputStream in = raw.socket().getInputStream();
      byte[] buf = new byte[1 << 20];
      int first = in.read(buf);
      assertThat(first).isPositive();

      long closeStarted = System.nanoTime();
      CompletableFuture<Void> closing =
          CompletableFuture.runAsync(() -> server.close(Duration.ofSeconds(20)));
      Thread.sleep(300);
      assertThat(closing).as("close waits for the transfer").isNotDone();
      try (java.net.Socket late = new java.net.Socket()) {
        boolean refused;
        try {
          late.connect(address, 1000);
          late.setSoTimeout(2000);
          refused = late.getInputStream().read() < 0;
        } catch (java.io.IOException e) {
          refused = true;
        }
        assertThat(refused).as("no new connections while closing").isTrue();
      }

      // Read the rest slowly enough that the transfer outlives the start of close().
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      long total = 0;
      for (int n; (n = in.read(buf)) > 0; ) {
        total += n;
        if (total % (8 << 20) < n) {
          Thread.sleep(50);
        }
      }
      // "total" counts body bytes only once the head is skipped; compare against the listener.
      closing.get(25, TimeUnit.SECONDS);
      assertThat(Duration.ofNanos(System.nanoTime() - closeStarted))
          .isLessThan(Duration.ofSeconds(20));
      assertThat(total + first).isGreaterThan(SIZE);
    }
    assertThat(served).containsExactly("200 " + SIZE);
  }

  @Test
  void closeCutsOffWhatOutlivesTheGracePeriod() throws Exception {
    FileCatalog catalog = new FileCatalog();
    String url = catalog.register(big);
    List<Long> served = new CopyOnWriteArrayList<>();
    List<Boolean> complete = new CopyOnWriteArrayList<>();
    BootHttpServer server = start(catalog, (r, status, bytes, d, whole) -> {
      served.add(bytes);
      complete.add(whole);
    });
    try (RawHttp raw = new RawHttp(server.boundAddress())) {
      raw.send("GET " + url + " HTTP/1.1\r\nHost: x\r\n\r\n");
      assertThat(raw.socket().getInputStream().read()).isNotNegative();
      long started = System.nanoTime();
      server.close(Duration.ofMillis(500)); // the client never reads on
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }
    assertThat(served).singleElement().satisfies(b -> assertThat(b).isLessThan(SIZE));
    assertThat(complete).containsExactly(false);
  }
}
