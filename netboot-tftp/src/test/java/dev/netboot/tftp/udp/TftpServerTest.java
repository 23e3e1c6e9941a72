package dev.netboot.tftp.udp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.netboot.tftp.TftpAck;
import dev.netboot.tftp.TftpData;
import dev.netboot.tftp.TftpError;
import dev.netboot.tftp.TftpErrorCode;
import dev.netboot.tftp.TftpOpcode;
import dev.netboot.tftp.TftpRequest;
import dev.netboot.tftp.TftpServerSettings;
import dev.netboot.tftp.TftpTransferResult;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.net.BindException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TftpServerTest {
  private static final Duration ENDS_WITHIN = Duration.ofSeconds(10);

  private final MemoryFiles files = new MemoryFiles();
  private final RecordingListener events = new RecordingListener();
  private TftpServer server;
  private final TftpClient client = TftpClient.create();

  @AfterEach
  void close() {
    client.close();
    if (server != null) {
      server.close();
    }
  }

  private InetSocketAddress start(TftpServer.Builder builder) throws Exception {
    server = builder.bind(InetAddress.getLoopbackAddress(), 0).listener(events).build().start();
    return server.boundAddress();
  }

  private InetSocketAddress start() throws Exception {
    return start(TftpServer.builder(files));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 511, 512, 513, 1024, 1468 * 3, 100_003})
  void servesEverySizeByteExactWithAndWithoutOptions(int size) throws Exception {
    byte[] content = MemoryFiles.bytes(size, size);
    files.put("f", content);
    InetSocketAddress address = start();

    ByteBuf plain = Unpooled.buffer();
    client.get(address, "f", Map.of(), plain);
    ByteBuf negotiated = Unpooled.buffer();
    TftpTransferResult result = client.get(address, "f",
        Map.of("blksize", "1468", "windowsize", "4", "tsize", "0"), negotiated);

    assertThat(ByteBufUtil.getBytes(plain)).isEqualTo(content);
    assertThat(ByteBufUtil.getBytes(negotiated)).isEqualTo(content);
    assertThat(result.options().blksize()).isEqualTo(1468);
    assertThat(result.options().windowsize()).isEqualTo(4);
    assertThat(result.bytesTransferred()).isEqualTo(size);
  }

  @Test
  void servesOverIpv6Loopback() throws Exception {
    byte[] content = MemoryFiles.bytes(5000, 6);
    files.put("six", content);
    server = TftpServer.builder(files).bind(InetAddress.getByName("::1"), 0).build().start();

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    client.get(server.boundAddress(), "six", Map.of("blksize", "1024"), out);

    assertThat(server.boundAddress().getAddress().getHostAddress()).contains(":");
    assertThat(out.toByteArray()).isEqualTo(content);
  }

  @Test
  void acceptsUploadsWhenAllowed() throws Exception {
    byte[] content = MemoryFiles.bytes(70_000, 7);
    InetSocketAddress address = start(TftpServer.builder(files)
        .settings(TftpServerSettings.builder().writeAllowed(true).build()));

    client.put(address, "up", Map.of("blksize", "1468", "tsize", "0"),
        Unpooled.wrappedBuffer(content));

    assertThat(files.files.get("up")).isEqualTo(content);
    TftpTransferEvent event = events.nextEnded(ENDS_WITHIN);
    assertThat(event.direction()).isEqualTo(TftpTransferEvent.Direction.WRITE);
    assertThat(event.bytes()).isEqualTo(content.length);
  }

  @Test
  void refusesUploadsByDefault() throws Exception {
    InetSocketAddress address = start();

    assertThatThrownBy(() -> client.put(address, "up", Map.of(), Unpooled.wrappedBuffer(new byte[3])))
        .isInstanceOfSatisfying(TftpTransferException.class,
            e -> assertThat(e.errorCode()).isEqualTo(TftpErrorCode.ACCESS_VIOLATION));
    assertThat(files.files).doesNotContainKey("up");
  }

  @Test
  void reportsProgressOfATransferThatLastsLongerThanTheInterval() throws Exception {
    byte[] content = MemoryFiles.bytes(2_000_000, 9);
    files.put("big", content);
    InetSocketAddress address = start(TftpServer.builder(files)
        .progressInterval(Duration.ofMillis(1)));

    ByteBuf out = Unpooled.buffer();
    client.get(address, "big", Map.of("blksize", "512"), out);

    assertThat(ByteBufUtil.getBytes(out)).isEqualTo(content);
    assertThat(events.nextEnded(ENDS_WITHIN).isSuccess()).isTrue();
    List<long[]> reports = new ArrayList<>(events.progress);
    // ~3,900 lock-step blocks at 1 ms intervals: far more than two reports, whatever the speed.
    assertThat(reports).hasSizeGreaterThan(2);
    assertThat(reports).allSatisfy(r -> {
      assertThat(r[0]).isBetween(0L, (long) content.length);
      assertThat(r[1]).isEqualTo(content.length);
    });
    for (int i = 1; i < reports.size(); i++) {
      assertThat(reports.get(i)[0]).isGreaterThanOrEqualTo(reports.get(i - 1)[0]);
    }
  }

  @Test
  void reportsNoProgressForTransfersShorterThanTheInterval() throws Exception {
    files.put("small", MemoryFiles.bytes(3000, 2));
    InetSocketAddress address = start();

    client.get(address, "small", Map.of(), Unpooled.buffer());

    assertThat(events.nextEnded(ENDS_WITHIN).isSuccess()).isTrue();
    assertThat(events.progress).isEmpty();
  }

  @Test
  void reportsEachTransferWithFilePeerOptionsBytesAndDuration() throws Exception {
    files.put("k", MemoryFiles.bytes(3000, 1));
    InetSocketAddress address = start();

    client.get(address, "k", Map.of("blksize", "1000"), Unpooled.buffer());
    assertThatThrownBy(() -> client.get(address, "missing", Map.of(), Unpooled.buffer()))
        .isInstanceOf(TftpTransferException.class);

    // The two transfers end on different threads: the first may be reported second.
    TftpTransferEvent first = events.nextEnded(ENDS_WITHIN);
    TftpTransferEvent second = events.nextEnded(ENDS_WITHIN);
    TftpTransferEvent ok = first.filename().equals("k") ? first : second;
    TftpTransferEvent missing = ok == first ? second : first;
    assertThat(events.started).hasSize(2);
    assertThat(ok.isSuccess()).isTrue();
    assertThat(ok.filename()).isEqualTo("k");
    assertThat(ok.peer().getAddress()).isEqualTo(InetAddress.getLoopbackAddress());
    assertThat(ok.localAddress().getPort()).isNotEqualTo(address.getPort());
    assertThat(ok.requestedOptions()).containsEntry("blksize", "1000");
    assertThat(ok.options().blksize()).isEqualTo(1000);
    assertThat(ok.bytes()).isEqualTo(3000);
    assertThat(ok.duration()).isPositive();
    assertThat(missing.isSuccess()).isFalse();
    assertThat(missing.result().errorCode()).isEqualTo(TftpErrorCode.FILE_NOT_FOUND);
  }

  @Test
  void answersFromANewPortAndGivesStrangersError5WhileTheTransferGoesOn() throws Exception {
    files.put("two", MemoryFiles.bytes(600, 2));
    InetSocketAddress address = start();
    try (RawPeer peer = new RawPeer(); RawPeer stranger = new RawPeer()) {
      peer.send(TftpRequest.builder(TftpOpcode.RRQ, "two").build(), address);
      RawPeer.Received first = peer.expect(2000);
      assertThat(first.packet()).isInstanceOf(TftpData.class);
      assertThat(first.from().getPort()).isNotEqualTo(address.getPort());

      stranger.send(TftpAck.of(1), first.from());
      RawPeer.Received rebuff = stranger.expect(2000);
      assertThat(rebuff.packet()).isEqualTo(
          TftpError.of(TftpErrorCode.UNKNOWN_TRANSFER_ID, "unknown transfer ID"));

      peer.send(TftpAck.of(1), first.from());
      RawPeer.Received second = peer.expect(2000);
      assertThat(((TftpData) second.packet()).block()).isEqualTo(2);
      assertThat(((TftpData) second.packet()).length()).isEqualTo(88);
      peer.send(TftpAck.of(2), first.from());
    }
    assertThat(events.nextEnded(ENDS_WITHIN).isSuccess()).isTrue();
  }

  @Test
  void aRepeatedRequestIsAnsweredByTheSameTransfer() throws Exception {
    files.put("r", MemoryFiles.bytes(100, 3));
    InetSocketAddress address = start();
    try (RawPeer peer = new RawPeer()) {
      TftpRequest rrq = TftpRequest.builder(TftpOpcode.RRQ, "r").build();
      peer.send(rrq, address);
      RawPeer.Received first = peer.expect(2000);
      peer.send(rrq, address);
      RawPeer.Received again = peer.expect(2000);

      assertThat(again.from()).isEqualTo(first.from());
      assertThat(again.packet()).isEqualTo(first.packet());
      assertThat(events.started).hasSize(1);
      peer.send(TftpAck.of(1), first.from());
    }
    assertThat(events.nextEnded(ENDS_WITHIN).isSuccess()).isTrue();
  }

  @Test
  void dropsWhatIsNotARequestAndAnswersAMalformedRequestWithError4() throws Exception {
    InetSocketAddress address = start();
    try (RawPeer peer = new RawPeer()) {
      peer.sendBytes(new byte[] {0x12, 0x34, 0x56}, address);
      peer.send(TftpAck.of(1), address);
      peer.send(TftpError.of(TftpErrorCode.NOT_DEFINED, "x"), address);
      assertThat(peer.receive(300)).isNull();

      peer.sendBytes(new byte[] {0, 1, 'f', 0, 'o', 'c'}, address);
      RawPeer.Received answer = peer.expect(2000);
      assertThat(answer.packet()).isInstanceOfSatisfying(TftpError.class,
          e -> assertThat(e.code()).isEqualTo(TftpErrorCode.ILLEGAL_OPERATION));
      assertThat(peer.receive(200)).isNull();
    }
    assertThat(events.started).isEmpty();
  }

  @Test
  void aFullServerAnswersServerBusyOnceFromItsPort() throws Exception {
    files.put("f", MemoryFiles.bytes(10_000, 4));
    InetSocketAddress address = start(TftpServer.builder(files)
        .limits(TftpServerLimits.builder().maxTransfers(2).shutdownTimeout(Duration.ZERO).build()));
    try (RawPeer a = new RawPeer(); RawPeer b = new RawPeer(); RawPeer c = new RawPeer()) {
      TftpRequest rrq = TftpRequest.builder(TftpOpcode.RRQ, "f").build();
      a.send(rrq, address);
      a.expect(2000);
      b.send(rrq, address);
      b.expect(2000);
      c.send(rrq, address);

      RawPeer.Received busy = c.expect(2000);
      assertThat(busy.packet()).isEqualTo(TftpError.of(TftpErrorCode.NOT_DEFINED, "server busy"));
      assertThat(busy.from()).isEqualTo(address);
      assertThat(c.receive(300)).isNull();
      assertThat(server.activeTransfers()).isEqualTo(2);
    }
  }

  @Test
  void oneClientAddressCannotTakeEveryTransfer() throws Exception {
    files.put("f", MemoryFiles.bytes(10_000, 5));
    InetSocketAddress address = start(TftpServer.builder(files)
        .limits(TftpServerLimits.builder().maxTransfersPerClient(1)
            .shutdownTimeout(Duration.ZERO).build()));
    try (RawPeer a = new RawPeer(); RawPeer b = new RawPeer();
        RawPeer other = new RawPeer(InetAddress.getByName("127.0.0.2"))) {
      TftpRequest rrq = TftpRequest.builder(TftpOpcode.RRQ, "f").build();
      a.send(rrq, address);
      a.expect(2000);
      b.send(rrq, address);
      assertThat(b.expect(2000).packet()).isInstanceOf(TftpError.class);
      other.send(rrq, address);
      assertThat(other.expect(2000).packet()).isInstanceOf(TftpData.class);
    }
  }

  @Test
  void closeAbortsWhatDoesNotFinishInTime() throws Exception {
    files.put("big", MemoryFiles.bytes(100_000, 8));
    InetSocketAddress address = start(TftpServer.builder(files)
        .limits(TftpServerLimits.builder().shutdownTimeout(Duration.ofMillis(100)).build()));
    try (RawPeer peer = new RawPeer()) {
      peer.send(TftpRequest.builder(TftpOpcode.RRQ, "big").build(), address);
      RawPeer.Received first = peer.expect(2000);
      peer.send(TftpAck.of(1), first.from());
      peer.expect(2000);

      server.close();

      RawPeer.Received last = peer.expect(2000);
      while (last.packet() instanceof TftpData) {
        last = peer.expect(2000);
      }
      assertThat(last.packet()).isInstanceOfSatisfying(TftpError.class,
          e -> assertThat(e.code()).isEqualTo(TftpErrorCode.NOT_DEFINED));
    }
    TftpTransferEvent aborted = events.nextEnded(ENDS_WITHIN);
    assertThat(aborted.result().outcome()).isEqualTo(TftpTransferResult.Outcome.ABORTED);
    assertThat(server.activeTransfers()).isZero();
  }

  @Test
  void hundredsOfAbandonedTransfersDoNotStopANewClientAndAllEnd() throws Exception {
    files.put("f", MemoryFiles.bytes(50_000, 9));
    InetSocketAddress address = start(TftpServer.builder(files)
        .settings(TftpServerSettings.builder()
            .initialTimeout(Duration.ofMillis(100)).maxRetries(2).build())
        .limits(TftpServerLimits.builder().maxTransfersPerClient(1000).build()));
    int abandoned = 300;
    RawPeer[] peers = new RawPeer[abandoned];
    try {
      for (int i = 0; i < abandoned; i++) {
        peers[i] = new RawPeer();
        peers[i].send(TftpRequest.builder(TftpOpcode.RRQ, "f").build(), address);
        assertThat(peers[i].expect(2000).packet()).isInstanceOf(TftpData.class);
      }
      ByteBuf got = Unpooled.buffer();
      client.get(address, "f", Map.of("blksize", "1468"), got);

      assertThat(ByteBufUtil.getBytes(got)).isEqualTo(files.files.get("f"));
      // Each abandoned transfer sent its first block and a bounded number of retries, then gave
      // up: the server is empty again.
      long deadline = System.nanoTime() + ENDS_WITHIN.toNanos();
      while (server.activeTransfers() > 0 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(server.activeTransfers()).isZero();
      // Before a client proves it is there, its transfer sends one packet and no retries.
      assertThat(peers[0].receive(50)).isNull();
    } finally {
      for (RawPeer p : peers) {
        if (p != null) {
          p.close();
        }
      }
    }
    assertThat(events.started).hasSize(abandoned + 1);
  }

  @Test
  void aBindFailureLeavesNothingBound() throws Exception {
    InetAddress loopback = InetAddress.getLoopbackAddress();
    int free;
    try (DatagramSocket probe = new DatagramSocket(0, loopback)) {
      free = probe.getLocalPort();
    }
    try (DatagramSocket taken = new DatagramSocket(0, loopback)) {
      TftpServer doomed = TftpServer.builder(files)
          .bind(loopback, free).bind(loopback, taken.getLocalPort()).build();

      assertThatThrownBy(doomed::start).isInstanceOf(BindException.class);
    }
    try (DatagramSocket again = new DatagramSocket(free, loopback)) {
      assertThat(again.getLocalPort()).isEqualTo(free);
    }
  }
}
