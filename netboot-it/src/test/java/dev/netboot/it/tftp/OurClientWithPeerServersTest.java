package dev.netboot.it.tftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.netboot.it.TestFiles;
import dev.netboot.tftp.TftpClientSettings;
import dev.netboot.tftp.TftpErrorCode;
import dev.netboot.tftp.TftpTransferResult;
import dev.netboot.tftp.udp.TftpClient;
import dev.netboot.tftp.udp.TftpTransferException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
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
 * Our client against real servers: tftpd-hpa (in.tftpd) and atftpd, started in the foreground
 * on a free loopback port. Downloads with and without options, uploads, a missing file, and
 * the block number rollover.
 */
class OurClientWithPeerServersTest {
  static final long[] SIZES = OurServerWithPeerClientsTest.SIZES;
  static final List<Map<String, String>> OPTION_SETS = List.of(
      Map.of(),
      Map.of("blksize", "1468", "tsize", "0"),
      Map.of("blksize", "1468", "windowsize", "8"));

  @TempDir static Path root;
  @TempDir static Path work;
  static final Map<PeerServer.Kind, PeerServer> servers = new EnumMap<>(PeerServer.Kind.class);
  static TftpClient client;

  @BeforeAll
  static void files() throws Exception {
    for (long size : SIZES) {
      TestFiles.create(root.resolve("size-" + size), size, size);
    }
    client = TftpClient.builder()
        .settings(TftpClientSettings.builder().initialTimeout(Duration.ofMillis(500)).build())
        .build();
  }

  @AfterAll
  static void stopServers() throws Exception {
    for (PeerServer s : servers.values()) {
      s.close();
    }
    if (client != null) {
      client.close();
    }
  }

  static synchronized PeerServer server(PeerServer.Kind kind) throws Exception {
    PeerServer s = servers.get(kind);
    if (s == null) {
      s = PeerServer.start(kind, root, work.resolve(kind + ".log"));
      servers.put(kind, s);
    }
    return s;
  }

  static Stream<Arguments> gets() {
    List<Arguments> all = new ArrayList<>();
    for (PeerServer.Kind kind : PeerServer.Kind.values()) {
      for (Map<String, String> options : OPTION_SETS) {
        for (long size : SIZES) {
          all.add(Arguments.of(kind, options, size));
        }
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "from {0} with {1}: {2} bytes")
  @MethodSource("gets")
  void downloadsByteExact(PeerServer.Kind kind, Map<String, String> options, long size)
      throws Exception {
    PeerServer server = server(kind);
    Path local = work.resolve("get-" + kind + "-" + options.size() + "-" + size);

    TftpTransferResult result = client.get(server.address, "size-" + size, options, local);

    TestFiles.assertSameBytes(root.resolve("size-" + size), local, kind + " " + options);
    assertThat(result.bytesTransferred()).isEqualTo(size);
    assertThat(result.options().blksize())
        .isEqualTo(Integer.parseInt(options.getOrDefault("blksize", "512")));
    if (options.containsKey("windowsize")) {
      // tftpd-hpa 5.2 does not know RFC 7440 and leaves it out of its OACK: the client must
      // fall back to one block per window.
      assertThat(result.options().windowsize()).isEqualTo(kind == PeerServer.Kind.ATFTPD ? 8 : 1);
    }
    if (options.containsKey("tsize")) {
      assertThat(result.options().tsize()).isEqualTo(size);
    }
  }

  @ParameterizedTest(name = "to {0}")
  @EnumSource(PeerServer.Kind.class)
  void uploadsByteExact(PeerServer.Kind kind) throws Exception {
    PeerServer server = server(kind);
    for (long size : SIZES) {
      String remote = "put-" + kind + "-" + size;
      client.put(server.address, remote, Map.of("blksize", "1468", "tsize", "0"),
          root.resolve("size-" + size));
      TestFiles.awaitSize(root.resolve(remote), size);
      TestFiles.assertSameBytes(root.resolve("size-" + size), root.resolve(remote),
          kind + " put " + size);
    }
  }

  @ParameterizedTest(name = "from {0}")
  @EnumSource(PeerServer.Kind.class)
  void aMissingFileIsError1(PeerServer.Kind kind) throws Exception {
    PeerServer server = server(kind);

    assertThatThrownBy(() -> client.get(server.address, "no-such-file", Map.of(),
        work.resolve("missing-" + kind)))
        .isInstanceOfSatisfying(TftpTransferException.class,
            e -> assertThat(e.errorCode()).isEqualTo(TftpErrorCode.FILE_NOT_FOUND));
    assertThat(work.resolve("missing-" + kind)).doesNotExist();
  }

  /** 34 MiB in 512-byte blocks: our client receives and sends block numbers past 65535. */
  @Test
  void blockNumbersRollOverBothWaysWithTftpdHpa() throws Exception {
    PeerServer server = server(PeerServer.Kind.TFTPD_HPA);
    Path big = TestFiles.create(root.resolve("rollover"), OurServerWithPeerClientsTest.ROLLOVER_SIZE,
        35);
    Path local = work.resolve("rollover-got");

    client.get(server.address, "rollover", Map.of(), local);
    client.put(server.address, "rollover-put", Map.of(), local);
    TestFiles.awaitSize(
        root.resolve("rollover-put"), OurServerWithPeerClientsTest.ROLLOVER_SIZE);

    TestFiles.assertSameBytes(big, local, "get");
    TestFiles.assertSameBytes(big, root.resolve("rollover-put"), "put");
  }
}
