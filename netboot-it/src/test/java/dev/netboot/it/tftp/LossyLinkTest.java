package dev.netboot.it.tftp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netboot.it.LossyUdpRelay;
import dev.netboot.it.PeerProcess;
import dev.netboot.it.Peers;
import dev.netboot.it.TestFiles;
import dev.netboot.tftp.TftpClientSettings;
import dev.netboot.tftp.TftpServerSettings;
import dev.netboot.tftp.TftpTransferResult;
import dev.netboot.tftp.files.DirectoryFileSource;
import dev.netboot.tftp.udp.TftpClient;
import dev.netboot.tftp.udp.TftpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Transfers across an in-JVM lossy relay on loopback: 3 % of datagrams dropped, 2 % delivered
 * twice, each delayed up to 2 ms so that they also arrive out of order. Every file must arrive
 * intact, and within a generous bound that only guards against a hang. Always runs: it needs no
 * peer and no root.
 */
class LossyLinkTest {
  static final LossyUdpRelay.Impairment BAD_NETWORK =
      new LossyUdpRelay.Impairment(0.03, 0.02, 2000);
  static final long SMALL = 256 * 1024 + 3;
  static final long LARGE = (1 << 20) + 7;
  static final long HANG_GUARD_SECONDS = 60;

  @TempDir static Path root;
  @TempDir static Path work;
  static TftpServer server;
  static TftpClient client;

  @BeforeAll
  static void start() throws Exception {
    TestFiles.create(root.resolve("small"), SMALL, 1);
    TestFiles.create(root.resolve("large"), LARGE, 2);
    server = TftpServer.builder(DirectoryFileSource.builder(root).allowWrite(true).build())
        .settings(TftpServerSettings.builder().writeAllowed(true).maxBlksize(65464).build())
        .bind(InetAddress.getLoopbackAddress(), 0)
        .build()
        .start();
    client = TftpClient.builder()
        .settings(TftpClientSettings.builder().initialTimeout(Duration.ofMillis(100)).build())
        .build();
  }

  @AfterAll
  static void stop() {
    if (client != null) {
      client.close();
    }
    if (server != null) {
      server.close();
    }
  }

  static Stream<Arguments> downloads() {
    return Stream.of(
        Arguments.of("small", Map.of()),
        Arguments.of("large", Map.of("blksize", "1468")),
        Arguments.of("large", Map.of("blksize", "1468", "windowsize", "8")),
        Arguments.of("large", Map.of("blksize", "8192", "windowsize", "16")));
  }

  @ParameterizedTest(name = "{0} with {1}")
  @MethodSource("downloads")
  void downloadsArriveIntact(String file, Map<String, String> options) throws Exception {
    Path local = work.resolve("got-" + file + "-" + options.size());
    try (LossyUdpRelay relay = new LossyUdpRelay(server.boundAddress(), BAD_NETWORK,
        options.hashCode())) {
      TftpTransferResult r = client.getAsync(relay.address(), file, options, local)
          .get(HANG_GUARD_SECONDS, TimeUnit.SECONDS);

      TestFiles.assertSameBytes(root.resolve(file), local, relay.toString());
      assertThat(relay.dropped.get()).as("the relay dropped datagrams").isPositive();
      assertThat(r.options().toMap()).containsAllEntriesOf(options);
    }
  }

  static Stream<Arguments> uploads() {
    return Stream.of(
        Arguments.of("small", Map.of()),
        Arguments.of("large", Map.of("blksize", "1468", "windowsize", "4")));
  }

  @ParameterizedTest(name = "{0} with {1}")
  @MethodSource("uploads")
  void uploadsArriveIntact(String file, Map<String, String> options) throws Exception {
    String remote = "up-" + file + "-" + options.size();
    try (LossyUdpRelay relay = new LossyUdpRelay(server.boundAddress(), BAD_NETWORK,
        77 + options.hashCode())) {
      client.putAsync(relay.address(), remote, options, root.resolve(file))
          .get(HANG_GUARD_SECONDS, TimeUnit.SECONDS);

      TestFiles.assertSameBytes(root.resolve(file), root.resolve(remote), relay.toString());
      assertThat(relay.dropped.get()).as("the relay dropped datagrams").isPositive();
    }
  }

  @Test
  void curlThroughTheBadNetwork() throws Exception {
    Peers.require("curl");
    Path local = work.resolve("curl-large");
    try (LossyUdpRelay relay = new LossyUdpRelay(server.boundAddress(), BAD_NETWORK, 5)) {
      PeerProcess.Result r = PeerProcess.run(Duration.ofSeconds(HANG_GUARD_SECONDS), work,
          "curl", "-sS", "--tftp-blksize", "1468", "-o", local.toString(),
          "tftp://127.0.0.1:" + relay.address().getPort() + "/large");

      TestFiles.assertSameBytes(root.resolve("large"), local, relay + " " + r.describe());
    }
  }
}
