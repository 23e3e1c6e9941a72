package dev.netboot.it.tftp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netboot.it.PeerProcess;
import dev.netboot.it.Peers;
import dev.netboot.it.TestFiles;
import dev.netboot.tftp.TftpServerSettings;
import dev.netboot.tftp.files.DirectoryFileSource;
import dev.netboot.tftp.udp.TftpServer;
import dev.netboot.tftp.udp.TftpTransferEvent;
import dev.netboot.tftp.udp.TftpTransferListener;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our server against real clients (tftp-hpa, atftp, curl, BusyBox) on loopback, IPv4 and IPv6:
 * every file must arrive byte for byte, in both directions.
 */
class OurServerWithPeerClientsTest {
  /** Edge sizes: empty, one byte, one whole 512 block, three whole 1468 blocks, 1 MiB + 7. */
  static final long[] SIZES = {0, 1, 512, 1468 * 3, (1 << 20) + 7};
  /** More than 65535 blocks of 512 bytes: the block number rolls over. */
  static final long ROLLOVER_SIZE = (34L << 20) + 100;
  static final Duration PEER_TIMEOUT = Duration.ofSeconds(60);

  @TempDir static Path root;
  @TempDir static Path work;
  static TftpServer server;
  static InetSocketAddress v4;
  static InetSocketAddress v6;
  static final Queue<TftpTransferEvent> ended = new ConcurrentLinkedQueue<>();

  @BeforeAll
  static void startServer() throws Exception {
    for (long size : SIZES) {
      TestFiles.create(root.resolve("size-" + size), size, size);
    }
    server = TftpServer.builder(DirectoryFileSource.builder(root).allowWrite(true).build())
        .settings(TftpServerSettings.builder().writeAllowed(true).maxWriteSize(64L << 20).build())
        .bind(InetAddress.getByName("127.0.0.1"), 0)
        .bind(InetAddress.getByName("::1"), 0)
        .listener(new TftpTransferListener() {
          @Override
          public void transferCompleted(TftpTransferEvent event) {
            ended.add(event);
          }

          @Override
          public void transferFailed(TftpTransferEvent event) {
            ended.add(event);
          }
        })
        .build()
        .start();
    v4 = server.boundAddresses().get(0);
    v6 = server.boundAddresses().get(1);
  }

  @AfterAll
  static void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  static Stream<Arguments> clientsAndSizes() {
    List<Arguments> all = new ArrayList<>();
    for (PeerClient client : PeerClient.values()) {
      for (long size : SIZES) {
        all.add(Arguments.of(client, size));
      }
    }
    return all.stream();
  }

  // curl 7.88 fails every empty TFTP download with "(71) getpeername() failed", against
  // tftpd-hpa just the same, so those two cases test curl, not us; uploads of 0 bytes work.
  static Stream<Arguments> clientsAndSizesForDownload() {
    return clientsAndSizes().filter(a -> !(a.get()[0].toString().startsWith("CURL")
        && (long) a.get()[1] == 0));
  }

  @ParameterizedTest(name = "{0} gets {1} bytes")
  @MethodSource("clientsAndSizesForDownload")
  void peerDownloadsByteExact(PeerClient client, long size) throws Exception {
    Peers.require(client.program);
    Path local = work.resolve("get-" + client + "-" + size);

    PeerProcess.Result r =
        PeerProcess.run(PEER_TIMEOUT, work, null, client.get(v4, "size-" + size, local));

    TestFiles.assertSameBytes(root.resolve("size-" + size), local, client + " " + r.describe());
  }

  @ParameterizedTest(name = "{0} puts {1} bytes")
  @MethodSource("clientsAndSizes")
  void peerUploadsByteExact(PeerClient client, long size) throws Exception {
    Peers.require(client.program);
    String remote = "put-" + client + "-" + size;

    PeerProcess.Result r = PeerProcess.run(
        PEER_TIMEOUT, work, null, client.put(v4, remote, root.resolve("size-" + size)));

    TestFiles.assertSameBytes(root.resolve("size-" + size), root.resolve(remote),
        client + " " + r.describe());
  }

  @ParameterizedTest(name = "{0} over IPv6")
  @EnumSource(PeerClient.class)
  void peerDownloadsOverIpv6(PeerClient client) throws Exception {
    Peers.require(client.program);
    long size = SIZES[SIZES.length - 1];
    Path local = work.resolve("get6-" + client);

    PeerProcess.Result r =
        PeerProcess.run(PEER_TIMEOUT, work, null, client.get(v6, "size-" + size, local));

    TestFiles.assertSameBytes(root.resolve("size-" + size), local, client + " " + r.describe());
  }

  @Test
  void aMissingFileIsError1ForEveryClient() throws Exception {
    Peers.require("tftp");
    Peers.require("curl");
    Path local = work.resolve("missing");

    PeerProcess.Result hpa = PeerProcess.run(PEER_TIMEOUT, work, null,
        PeerClient.TFTP_HPA.get(v4, "no-such-file", local));
    PeerProcess.Result curl = PeerProcess.run(PEER_TIMEOUT, work, null,
        PeerClient.CURL.get(v4, "no-such-file", local));

    assertThat(hpa.output()).contains("Error code 1");
    assertThat(curl.exitCode()).as(curl.describe()).isEqualTo(68); // CURLE_TFTP_NOTFOUND
  }

  /** tftp-hpa speaks plain RFC 1350: 512-byte blocks, so 34 MiB needs block numbers > 65535. */
  @Test
  void blockNumbersRollOverBothWaysWithTftpHpa() throws Exception {
    Peers.require("tftp");
    Path big = TestFiles.create(root.resolve("rollover"), ROLLOVER_SIZE, 34);
    Path local = work.resolve("rollover-got");
    try {
      PeerProcess.Result get = PeerProcess.run(Duration.ofSeconds(120), work, null,
          PeerClient.TFTP_HPA.get(v4, "rollover", local));
      TestFiles.assertSameBytes(big, local, "get: " + get.describe());

      PeerProcess.Result put = PeerProcess.run(Duration.ofSeconds(120), work, null,
          PeerClient.TFTP_HPA.put(v4, "rollover-put", local));
      TestFiles.assertSameBytes(big, root.resolve("rollover-put"), "put: " + put.describe());
    } finally {
      Files.deleteIfExists(big);
      Files.deleteIfExists(local);
      Files.deleteIfExists(root.resolve("rollover-put"));
    }
    assertThat(ended).anySatisfy(e -> {
      assertThat(e.filename()).isEqualTo("rollover");
      assertThat(e.options().blksize()).isEqualTo(512);
      assertThat(e.bytes()).isEqualTo(ROLLOVER_SIZE);
    });
  }
}
