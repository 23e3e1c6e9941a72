package dev.netboot.server.simulation;

import dev.netboot.tftp.udp.TftpClient;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/** Fetches an image by URL as a boot loader does: HTTP(S) with the JDK client, or TFTP. */
final class ImageFetcher {
  private static final String MAGIC = "#!ipxe";

  private final HttpClient http;
  private final TftpClient tftp;
  private final Duration timeout;

  ImageFetcher(HttpClient http, TftpClient tftp, Duration timeout) {
    this.http = http;
    this.tftp = tftp;
    this.timeout = timeout;
  }

  Fetched fetch(URI url) throws BootFailure, IOException {
    String scheme = String.valueOf(url.getScheme()).toLowerCase(Locale.ROOT);
    if (scheme.equals("tftp")) {
      int port = url.getPort() > 0 ? url.getPort() : 69;
      String path = url.getPath().startsWith("/") ? url.getPath().substring(1) : url.getPath();
      TftpFetch.Download d = TftpFetch.get(tftp, new InetSocketAddress(url.getHost(), port),
          path, Map.of("blksize", "1432", "tsize", "0"));
      return new Fetched("TFTP ok", d.bytes(), d.prefix());
    }
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new BootFailure("unsupported URL scheme: " + url);
    }
    HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout).GET().build();
    HttpResponse<InputStream> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while fetching " + url, e);
    }
    try (InputStream body = response.body()) {
      if (response.statusCode() != 200) {
        throw new BootFailure("GET " + url + " -> HTTP " + response.statusCode());
      }
      byte[] prefix = new byte[TftpFetch.KEPT_PREFIX];
      byte[] chunk = new byte[16 << 10];
      long total = 0;
      int kept = 0;
      for (int n; (n = body.read(chunk)) > 0; total += n) {
        int k = Math.min(n, prefix.length - kept);
        System.arraycopy(chunk, 0, prefix, kept, k);
        kept += k;
      }
      long declared = response.headers().firstValueAsLong("content-length").orElse(total);
      if (declared != total) {
        throw new BootFailure("GET " + url + ": " + total + " bytes, Content-Length " + declared);
      }
      return new Fetched("HTTP 200", total, Arrays.copyOf(prefix, kept));
    }
  }

  /** A fetched image: its size and first bytes. */
  record Fetched(String status, long bytes, byte[] prefix) {
    boolean isScript() {
      return new String(prefix, 0, Math.min(prefix.length, MAGIC.length()),
          StandardCharsets.ISO_8859_1).equalsIgnoreCase(MAGIC);
    }
  }
}
