package dev.netboot.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.netboot.dhcp.DhcpMessage;
import dev.netboot.pxe.BootDecision;
import dev.netboot.pxe.PxeClient;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link PixiecoreApiPolicy} against an API server written from Pixiecore's README.api.md. */
class PixiecoreApiPolicyTest {
  private static final String MAC = "52:54:00:ab:cd:ef";
  private static final String OTHER_MAC = "52:54:00:00:00:02";

  private TestApiServer api;

  @BeforeEach
  void startApi() throws IOException {
    api = new TestApiServer();
  }

  @AfterEach
  void stopApi() throws Exception {
    api.close();
  }

  static PxeClient client(String mac) {
    return PxeClient.of(DhcpMessage.builder()
        .hardwareAddress(HexFormat.ofDelimiter(":").parseHex(mac)).build());
  }

  static BootDecision decide(PixiecoreApiPolicy policy, String mac) throws Exception {
    return policy.decide(client(mac)).toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private PixiecoreApiPolicy.Builder policy() {
    return PixiecoreApiPolicy.builder(api.base()).cacheTtl(Duration.ZERO);
  }

  @Test
  void asksGetV1BootWithGoMacFormat() throws Exception {
    api.json(MAC, "{\"kernel\": \"http://files.test/vmlinuz\"}");
    PixiecoreApiPolicy policy = policy().header("Authorization", "Bearer t0ken").build();

    // Upper-case hex in the packet; Go's HardwareAddr.String() prints lower case.
    BootDecision decision = policy.decide(PxeClient.of(DhcpMessage.builder()
        .hardwareAddress(new byte[] {0x52, 0x54, 0, (byte) 0xAB, (byte) 0xCD, (byte) 0xEF})
        .build())).toCompletableFuture().get(10, TimeUnit.SECONDS);

    assertThat(decision).isInstanceOf(BootDecision.LinuxBoot.class);
    assertThat(api.requests).hasSize(1);
    TestApiServer.Request request = api.requests.get(0);
    assertThat(request.method()).isEqualTo("GET");
    assertThat(request.path()).isEqualTo("/api/v1/boot/52:54:00:ab:cd:ef");
    assertThat(request.bodyBytes()).isZero();
    assertThat(request.headers().get("Accept")).containsExactly("application/json");
    assertThat(request.headers().get("Authorization")).containsExactly("Bearer t0ken");
    assertThat(request.headers()).doesNotContainKeys("Upgrade", "HTTP2-Settings");
  }

  @Test
  void trailingSlashInApiBaseGivesTheSamePath() throws Exception {
    api.json(MAC, "{\"kernel\": \"/k\"}");
    PixiecoreApiPolicy policy = PixiecoreApiPolicy.builder(URI.create(api.base() + "/"))
        .cacheTtl(Duration.ZERO).build();

    BootDecision decision = decide(policy, MAC);

    assertThat(api.requests.get(0).path()).isEqualTo("/api/v1/boot/" + MAC);
    assertThat(((BootDecision.LinuxBoot) decision).kernel()).isEqualTo(api.origin() + "/k");
  }

  @Test
  void absoluteUrlsAndStringCmdlineAreKept() throws Exception {
    api.json(MAC, "{\"kernel\": \"https://files.local/kernel\","
        + " \"initrd\": [\"https://files.local/initrd\", \"http://other.test/2.cpio\"],"
        + " \"cmdline\": \"selinux=1 coreos.autologin\", \"message\": \"hello\"}");

    BootDecision decision = decide(policy().build(), MAC);

    assertThat(decision).isEqualTo(BootDecision.linux("https://files.local/kernel",
        List.of("https://files.local/initrd", "http://other.test/2.cpio"),
        "selinux=1 coreos.autologin"));
  }

  @Test
  void nakedPathsResolveAgainstTheApiUrlNotWithinIt() throws Exception {
    // README.api.md: "/foo" with api http://bar.com/baz is http://bar.com/foo.
    api.json(MAC, "{\"kernel\": \"/kernel\", \"initrd\": [\"/initrd.0\", \"initrd.1\"]}");

    BootDecision.LinuxBoot boot = (BootDecision.LinuxBoot) decide(policy().build(), MAC);

    assertThat(boot.kernel()).isEqualTo(api.origin() + "/kernel");
    // A relative path resolves against <api>/v1 as Go's ResolveReference does.
    assertThat(boot.initrds()).containsExactly(api.origin() + "/initrd.0",
        api.origin() + "/api/initrd.1");
    assertThat(boot.cmdline()).isEmpty();
  }

  @Test
  void fileUrlsGoThroughTheFileMapper() throws Exception {
    api.json(MAC, "{\"kernel\": \"file:///mnt/data/kernel\","
        + " \"initrd\": [\"file:///mnt/data/initrd\"],"
        + " \"cmdline\": \"ks={{ URL \\\"file:///mnt/data/ks.cfg\\\" }} quiet\"}");
    List<URI> mapped = new CopyOnWriteArrayList<>();
    PixiecoreApiPolicy policy = policy().fileMapper(uri -> {
      mapped.add(uri);
      return "/f/id" + mapped.size() + uri.getPath().substring(uri.getPath().lastIndexOf('/'));
    }).build();

    BootDecision decision = decide(policy, MAC);

    assertThat(decision).isEqualTo(BootDecision.linux("/f/id1/kernel", List.of("/f/id2/initrd"),
        "ks=/f/id3/ks.cfg quiet"));
    assertThat(mapped).extracting(URI::getPath)
        .containsExactly("/mnt/data/kernel", "/mnt/data/initrd", "/mnt/data/ks.cfg");
  }

  @Test
  void fileUrlWithoutMapperOrFailingMapperIgnores() throws Exception {
    api.json(MAC, "{\"kernel\": \"file:///mnt/data/kernel\"}");

    assertThat(decide(policy().build(), MAC)).isEqualTo(BootDecision.ignore());
    assertThat(decide(policy().fileMapper(uri -> {
      throw new IllegalStateException("no such file");
    }).build(), MAC)).isEqualTo(BootDecision.ignore());
  }

  @Test
  void cmdlineTemplateUrlsAreMadeAbsolute() throws Exception {
    api.json(MAC, "{\"kernel\": \"/k\", \"cmdline\": \"cloud-config-url={{ URL"
        + " \\\"https://files.local/cloud-config\\\" }} rel={{URL \\\"/cc\\\"}}"
        + " non-proxied-url=https://files.local/something-else\"}");

    BootDecision.LinuxBoot boot = (BootDecision.LinuxBoot) decide(policy().build(), MAC);

    assertThat(boot.cmdline()).isEqualTo("cloud-config-url=https://files.local/cloud-config"
        + " rel=" + api.origin() + "/cc non-proxied-url=https://files.local/something-else");
  }

  @Test
  void cmdlineObjectFormIsSortedQuotedAndMapped() throws Exception {
    api.json(MAC, "{\"kernel\": \"/k\", \"cmdline\": {\"selinux\": \"1\", \"autologin\": true,"
        + " \"cfg\": {\"url\": \"file:///srv/cfg\"}, \"console\": \"ttyS0,115200 \\\"x\\\"\"}}");
    PixiecoreApiPolicy policy = policy().fileMapper(uri -> "http://10.0.0.1/f/1/cfg").build();

    BootDecision.LinuxBoot boot = (BootDecision.LinuxBoot) decide(policy, MAC);

    assertThat(boot.cmdline()).isEqualTo(
        "autologin cfg=http://10.0.0.1/f/1/cfg console=\"ttyS0,115200 \\\"x\\\"\" selinux=\"1\"");
  }

  @Test
  void ipxeScriptAnswerIsPassedThrough() throws Exception {
    api.json(MAC, "{\"ipxe-script\": \"#!ipxe\\nchain http://x.test/boot\\n\"}");

    assertThat(decide(policy().build(), MAC))
        .isEqualTo(BootDecision.ipxeScript("#!ipxe\nchain http://x.test/boot\n"));
  }

  @Test
  void non200AndMalformedAnswersIgnoreTheMachine() throws Exception {
    PixiecoreApiPolicy policy = policy().build();
    // No answer registered: the test server says 404.
    assertThat(decide(policy, MAC)).isEqualTo(BootDecision.ignore());
    api.answer(MAC, exchange -> TestApiServer.send(exchange, 500, "{\"kernel\": \"/k\"}"));
    assertThat(decide(policy, MAC)).isEqualTo(BootDecision.ignore());
    api.answer(MAC, exchange -> TestApiServer.send(exchange, 204, ""));
    assertThat(decide(policy, MAC)).isEqualTo(BootDecision.ignore());
    for (String bad : List.of("", "not json", "{\"kernel\": \"/k\",}", "[\"/k\"]",
        "{\"kernel\": 7}", "{\"kernel\": \"/k\", \"initrd\": \"/i\"}", "{\"initrd\": [\"/i\"]}",
        "{\"kernel\": \"/k\", \"cmdline\": {\"a\": 1}}",
        "{\"kernel\": \"/k\", \"cmdline\": \"{{ .Env }}\"}",
        "{\"kernel\": \"ftp://x.test/k\"}", "{\"kernel\": \"http://x.test/%zz\"}")) {
      api.json(MAC, bad);
      assertThat(decide(policy, MAC)).as(bad).isEqualTo(BootDecision.ignore());
    }
    assertThat(api.count(MAC)).isEqualTo(14);
  }

  @Test
  void oversizedBodyIgnoresTheMachine() throws Exception {
    String padding = " ".repeat(PixiecoreApiPolicy.MAX_RESPONSE_BYTES);
    api.json(MAC, "{\"kernel\": \"/k\"}" + padding);
    // Without Content-Length, so only reading tells the size.
    api.answer(OTHER_MAC, exchange -> {
      OutputStream out = exchange.start(200, -1);
      try {
        out.write(("{\"kernel\": \"/k\"}" + padding).getBytes(StandardCharsets.UTF_8));
      } catch (IOException expected) {
        // The client hung up once over the limit.
      }
    });
    PixiecoreApiPolicy policy = policy().build();

    assertThat(decide(policy, MAC)).isEqualTo(BootDecision.ignore());
    assertThat(decide(policy, OTHER_MAC)).isEqualTo(BootDecision.ignore());
    api.json(MAC, "{\"kernel\": \"/k\"}" + " ".repeat(1000));
    assertThat(decide(policy, MAC)).isInstanceOf(BootDecision.LinuxBoot.class);
  }

  @Test
  void slowApiTimesOutWhileAnotherMachineIsAnsweredPromptly() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    api.answer(MAC, exchange -> {
      release.await(20, TimeUnit.SECONDS);
      TestApiServer.send(exchange, 200, "{\"kernel\": \"/slow\"}");
    });
    api.json(OTHER_MAC, "{\"kernel\": \"/fast\"}");
    PixiecoreApiPolicy policy = policy().timeout(Duration.ofMillis(1500)).build();
    try {
      long start = System.nanoTime();
      CompletableFuture<BootDecision> slow = policy.decide(client(MAC)).toCompletableFuture();
      BootDecision fast = decide(policy, OTHER_MAC);
      long fastMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

      assertThat(((BootDecision.LinuxBoot) fast).kernel()).endsWith("/fast");
      // Well before the slow one's timeout, with slack for a loaded build machine.
      assertThat(fastMillis).isLessThan(1000);
      assertThat(slow).isNotDone();
      assertThat(slow.get(5, TimeUnit.SECONDS)).isEqualTo(BootDecision.ignore());
      long slowMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertThat(slowMillis).isBetween(1400L, 4500L);
    } finally {
      release.countDown();
    }
  }

  @Test
  void deadApiIgnoresQuickly() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    PixiecoreApiPolicy policy =
        PixiecoreApiPolicy.builder(URI.create("http://127.0.0.1:" + port + "/api")).build();

    long start = System.nanoTime();
    assertThat(decide(policy, MAC)).isEqualTo(BootDecision.ignore());
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(2000);
  }

  @Test
  void beyondMaxConcurrentMachinesAreIgnoredAtOnce() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    List<String> macs = List.of("02:00:00:00:00:01", "02:00:00:00:00:02", "02:00:00:00:00:03");
    for (String mac : macs) {
      api.answer(mac, exchange -> {
        release.await(20, TimeUnit.SECONDS);
        TestApiServer.send(exchange, 200, "{\"kernel\": \"/k\"}");
      });
    }
    PixiecoreApiPolicy policy = policy().maxConcurrent(2).build();
    try {
      CompletableFuture<BootDecision> first = policy.decide(client(macs.get(0))).toCompletableFuture();
      CompletableFuture<BootDecision> second =
          policy.decide(client(macs.get(1))).toCompletableFuture();
      CompletableFuture<BootDecision> third = policy.decide(client(macs.get(2))).toCompletableFuture();

      assertThat(third).isCompletedWithValue(BootDecision.ignore());
      assertThat(first).isNotDone();
      release.countDown();
      assertThat(first.get(5, TimeUnit.SECONDS)).isInstanceOf(BootDecision.LinuxBoot.class);
      assertThat(second.get(5, TimeUnit.SECONDS)).isInstanceOf(BootDecision.LinuxBoot.class);
      assertThat(api.count(macs.get(2))).isZero();
      // The slots are free again.
      assertThat(decide(policy, macs.get(2))).isInstanceOf(BootDecision.LinuxBoot.class);
    } finally {
      release.countDown();
    }
  }

  @Test
  void concurrentLookupsOfOneMacShareOneRequestAndTheAnswerIsCached() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    api.answer(MAC, exchange -> {
      release.await(20, TimeUnit.SECONDS);
      TestApiServer.send(exchange, 200, "{\"kernel\": \"/k\"}");
    });
    PixiecoreApiPolicy policy = PixiecoreApiPolicy.builder(api.base())
        .cacheTtl(Duration.ofMillis(800)).maxConcurrent(1).build();
    List<CompletableFuture<BootDecision>> lookups = new ArrayList<>();
    try {
      for (int i = 0; i < 5; i++) {
        lookups.add(policy.decide(client(MAC)).toCompletableFuture());
      }
      release.countDown();
      for (CompletableFuture<BootDecision> lookup : lookups) {
        assertThat(lookup.get(5, TimeUnit.SECONDS)).isInstanceOf(BootDecision.LinuxBoot.class);
      }
      assertThat(api.count(MAC)).isEqualTo(1);
      assertThat(decide(policy, MAC)).isEqualTo(lookups.get(0).get());
      assertThat(api.count(MAC)).isEqualTo(1);

      Thread.sleep(1000);
      assertThat(decide(policy, MAC)).isInstanceOf(BootDecision.LinuxBoot.class);
      assertThat(api.count(MAC)).isEqualTo(2);
    } finally {
      release.countDown();
    }
  }

  @Test
  void ignoreAnswersAreCachedToo() throws Exception {
    PixiecoreApiPolicy policy = PixiecoreApiPolicy.builder(api.base()).build();

    assertThat(decide(policy, MAC)).isEqualTo(BootDecision.ignore());
    assertThat(decide(policy, MAC)).isEqualTo(BootDecision.ignore());

    assertThat(api.count(MAC)).isEqualTo(1);
  }

  @Test
  void builderRejectsMisuse() {
    assertThatThrownBy(() -> PixiecoreApiPolicy.builder(URI.create("/relative")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected:");
    assertThatThrownBy(() -> PixiecoreApiPolicy.builder(URI.create("ftp://x.test/")))
        .isInstanceOf(IllegalArgumentException.class);
    PixiecoreApiPolicy.Builder builder = PixiecoreApiPolicy.builder(api.base());
    assertThatThrownBy(() -> builder.timeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected: > 0");
    assertThatThrownBy(() -> builder.maxConcurrent(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected: >= 1");
    assertThatThrownBy(() -> builder.cacheTtl(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.header("Host", "evil.test"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected:");
    assertThatThrownBy(() -> builder.header("Bad Name", "x"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void bootUriFollowsTheSpec() {
    PixiecoreApiPolicy policy = PixiecoreApiPolicy.builder(URI.create("http://bar.test/baz")).build();

    assertThat(policy.bootUri(new byte[] {0x0a, (byte) 0xff, 0, 1, 2, 3}))
        .isEqualTo(URI.create("http://bar.test/baz/v1/boot/0a:ff:00:01:02:03"));
  }
}
