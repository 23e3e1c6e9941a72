package dev.netboot.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Progress reports while a body goes out, for the command's progress line. */
class BootHttpServerProgressTest {
  private static final int SIZE = 16 << 20;

  @TempDir Path dir;

  private static BootHttpServer start(FileCatalog catalog, Duration interval,
      List<long[]> progress) throws Exception {
    return BootHttpServer.builder(catalog)
        .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
        .progressInterval(interval)
        .listener(new HttpTransferListener() {
          @Override
          public void onServed(HttpRequestInfo request, int status, long bytes,
              Duration duration, boolean complete) {}

          @Override
          public void onProgress(HttpRequestInfo request, long bytes, long totalBytes) {
            progress.add(new long[] {bytes, totalBytes});
          }
        }).build().start();
  }

  @Test
  void aSlowDownloadIsReportedAsItGoesOut() throws Exception {
    Path kernel = dir.resolve("vmlinuz");
    Files.write(kernel, new byte[SIZE]);
    FileCatalog catalog = new FileCatalog();
    String url = catalog.register(kernel);
    List<long[]> progress = new CopyOnWriteArrayList<>();
    try (BootHttpServer server = start(catalog, Duration.ofMillis(1), progress);
        RawHttp raw = new RawHttp(server.boundAddress())) {
      raw.socket().setReceiveBufferSize(64 * 1024);
      raw.send("GET " + url + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
      InputStream in = raw.socket().getInputStream();
      byte[] buf = new byte[64 * 1024];
      long read = 0;
      for (int n; (n = in.read(buf)) >= 0; ) {
        read += n;
        if (read % (1 << 20) < n) {
          Thread.sleep(2); // a slow reader: the body goes out over many writes
        }
      }
      assertThat(read).isGreaterThan(SIZE);
    }
    assertThat(progress).isNotEmpty().allSatisfy(p -> {
      assertThat(p[0]).isBetween(1L, SIZE - 1L);
      assertThat(p[1]).isEqualTo(SIZE);
    });
    for (int i = 1; i < progress.size(); i++) {
      assertThat(progress.get(i)[0]).isGreaterThanOrEqualTo(progress.get(i - 1)[0]);
    }
  }

  @Test
  void aQuickResponseHasNoProgressReport() throws Exception {
    FileCatalog catalog = new FileCatalog();
    String url = catalog.register("boot.ipxe", "#!ipxe\nboot\n".getBytes(), "text/plain");
    List<long[]> progress = new CopyOnWriteArrayList<>();
    try (BootHttpServer server = start(catalog, Duration.ofSeconds(1), progress);
        RawHttp raw = new RawHttp(server.boundAddress())) {
      assertThat(raw.request("GET", url).status()).isEqualTo(200);
    }
    assertThat(progress).isEmpty();
  }
}
