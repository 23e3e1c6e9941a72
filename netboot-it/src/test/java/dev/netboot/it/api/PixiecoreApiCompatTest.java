package dev.netboot.it.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.netboot.dhcp.DhcpMessage;
import dev.netboot.dhcp.DhcpMessageDecoder;
import dev.netboot.dhcp.DhcpMessageEncoder;
import dev.netboot.dhcp.DhcpMessageType;
import dev.netboot.server.NetbootServer;
import dev.netboot.server.api.PixiecoreApiPolicy;
import dev.netboot.server.http.FileCatalog;
import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole {@link NetbootServer} in ProxyDHCP mode on loopback, deciding with
 * {@link PixiecoreApiPolicy} against an API server written from Pixiecore's README.api.md: an
 * iPXE DISCOVER over UDP gets the script URL, and the script boots what the API said, with
 * {@code file://} URLs served by the netboot server and naked paths fetched from the API host.
 */
class PixiecoreApiCompatTest {
  private static final Path CAPTURES =
      Path.of("..", "netboot-dhcp", "src", "test", "resources", "dhcp", "captures");
  private static final String MAC = "52:54:00:12:34:56";
  private static final String UNKNOWN_MAC = "52:54:00:65:43:21";
  private static final Duration ANSWER = Duration.ofSeconds(5);

  @TempDir Path dir;
  private HttpServer api;
  private final List<String> apiRequests = new CopyOnWriteArrayList<>();
  private final Map<String, String> apiAnswers = new ConcurrentHashMap<>();
  private NetbootServer server;
  private DatagramSocket client;
  private final HttpClient http = HttpClient.newHttpClient();
  private Path kernel;
  private Path preseed;

  @BeforeEach
  void start() throws IOException {
    kernel = Files.write(dir.resolve("vmlinuz"), "KERNEL-BYTES".getBytes(StandardCharsets.US_ASCII));
    preseed = Files.writeString(dir.resolve("preseed.cfg"), "d-i foo");
    api = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    api.createContext("/", this::handleApi);
    api.start();

    FileCatalog files = new FileCatalog();
    AtomicReference<NetbootServer> self = new AtomicReference<>();
    // file:// URLs: registered in the server's catalog; a full URL so it also works on the
    // kernel command line (a single-address server knows its own address).
    PixiecoreApiPolicy policy = PixiecoreApiPolicy.builder(URI.create(apiOrigin() + "/api"))
        .fileMapper(uri -> "http://127.0.0.1:" + self.get().httpPort()
            + files.register(Path.of(uri.getPath())))
        .build();
    server = NetbootServer.builder()
        .address((java.net.Inet4Address) InetAddress.getLoopbackAddress())
        .files(files).asyncPolicy(policy).ipxeDirectory(dir)
        .dhcpPort(0).bootServerPort(0).tftpPort(0).httpPort(0)
        .shutdownGrace(Duration.ofSeconds(1))
        .build();
    self.set(server);
    server.start();
    client = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
  }

  @AfterEach
  void stop() {
    if (client != null) {
      client.close();
    }
    if (server != null) {
      server.close();
    }
    if (api != null) {
      api.stop(0);
    }
  }

  private String apiOrigin() {
    return "http://127.0.0.1:" + api.getAddress().getPort();
  }

  private void handleApi(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getRawPath();
      apiRequests.add(exchange.getRequestMethod() + " " + path);
      String body = null;
      if (path.startsWith("/api/v1/boot/")) {
        body = apiAnswers.get(path.substring("/api/v1/boot/".length()));
      } else if (path.equals("/images/initrd.img")) {
        body = "INITRD-FROM-API-HOST";
      }
      byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length == 0 ? -1 : bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  private static DhcpMessage ipxeDiscover(String mac) throws IOException {
    String hex = Files.readString(CAPTURES.resolve("undionly-ipxe").resolve("010-client-DISCOVER.hex"))
        .trim();
    return DhcpMessageDecoder.decode(HexFormat.of().parseHex(hex)).toBuilder()
        .hardwareAddress(HexFormat.ofDelimiter(":").parseHex(mac)).build();
  }

  private Optional<DhcpMessage> exchange(DhcpMessage request, Duration wait) throws IOException {
    byte[] bytes = DhcpMessageEncoder.toBytes(request);
    client.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(),
        server.dhcpPort()));
    client.setSoTimeout((int) wait.toMillis());
    byte[] buf = new byte[2048];
    DatagramPacket packet = new DatagramPacket(buf, buf.length);
    try {
      client.receive(packet);
    } catch (SocketTimeoutException e) {
      return Optional.empty();
    }
    return Optional.of(DhcpMessageDecoder.decode(Arrays.copyOf(buf, packet.getLength())));
  }

  private HttpResponse<String> get(String url) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(ANSWER).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void ipxeBootsWhatTheApiAnswers() throws Exception {
    apiAnswers.put(MAC, "{\"kernel\": \"file://" + kernel + "\","
        + " \"initrd\": [\"/images/initrd.img\"],"
        + " \"cmdline\": \"console=ttyS0 preseed/url={{ URL \\\"file://" + preseed + "\\\" }}\","
        + " \"message\": \"Installing\"}");

    DhcpMessage discover = ipxeDiscover(MAC);
    DhcpMessage offer = exchange(discover, ANSWER).orElseThrow();

    assertThat(offer.messageType()).isEqualTo(DhcpMessageType.OFFER);
    assertThat(offer.transactionId()).isEqualTo(discover.transactionId());
    String base = "http://127.0.0.1:" + server.httpPort();
    assertThat(offer.bootFileName()).startsWith(base + "/boot.ipxe?mac=");
    assertThat(apiRequests).contains("GET /api/v1/boot/" + MAC);

    HttpResponse<String> script = get(offer.bootFileName());
    assertThat(script.statusCode()).isEqualTo(200);
    Matcher kernelLine = Pattern.compile("(?m)^kernel (" + Pattern.quote(base) + "/f/\\S+/vmlinuz)"
        + " .*console=ttyS0 preseed/url=(" + Pattern.quote(base) + "/f/\\S+/preseed\\.cfg)$")
        .matcher(script.body());
    assertThat(kernelLine.find()).as(script.body()).isTrue();
    assertThat(script.body()).startsWith("#!ipxe\n")
        .contains("\ninitrd " + apiOrigin() + "/images/initrd.img\n")
        .endsWith("boot\n");

    assertThat(get(kernelLine.group(1)).body()).isEqualTo("KERNEL-BYTES");
    assertThat(get(kernelLine.group(2)).body()).isEqualTo("d-i foo");
    assertThat(get(apiOrigin() + "/images/initrd.img").body()).isEqualTo("INITRD-FROM-API-HOST");
    // One boot's packets share the cached answer instead of asking per packet.
    assertThat(apiRequests.stream().filter(r -> r.endsWith(MAC))).hasSizeBetween(1, 2);
  }

  @Test
  void machineTheApiDoesNotKnowIsLeftAlone() throws Exception {
    assertThat(exchange(ipxeDiscover(UNKNOWN_MAC), Duration.ofMillis(1500))).isEmpty();
    assertThat(apiRequests).contains("GET /api/v1/boot/" + UNKNOWN_MAC);
  }

  @Test
  void malformedAnswerIsLikeNon200() throws Exception {
    apiAnswers.put(MAC, "{\"kernel\": \"/k\", \"initrd\": [\"/i\",]}");

    assertThat(exchange(ipxeDiscover(MAC), Duration.ofMillis(1500))).isEmpty();
    assertThat(apiRequests).contains("GET /api/v1/boot/" + MAC);
  }
}
