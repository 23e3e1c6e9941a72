package dev.netboot.tftp.udp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.netboot.tftp.TftpAck;
import dev.netboot.tftp.TftpClientSettings;
import dev.netboot.tftp.TftpData;
import dev.netboot.tftp.TftpError;
import dev.netboot.tftp.TftpErrorCode;
import dev.netboot.tftp.TftpRequest;
import dev.netboot.tftp.TftpServerSettings;
import dev.netboot.tftp.TftpTransferResult;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TftpClientTest {
  private final MemoryFiles files = new MemoryFiles();
  private final TftpClient client = TftpClient.builder()
      .settings(TftpClientSettings.builder().initialTimeout(Duration.ofMillis(200)).build())
      .build();
  private TftpServer server;

  @TempDir Path dir;

  @AfterEach
  void close() {
    client.close();
    if (server != null) {
      server.close();
    }
  }

  private InetSocketAddress start() throws Exception {
    server = TftpServer.builder(files)
        .settings(TftpServerSettings.builder().writeAllowed(true).build())
        .bind(InetAddress.getLoopbackAddress(), 0).build().start();
    return server.boundAddress();
  }

  @Test
  void downloadsToAPathAndUploadsFromOne() throws Exception {
    byte[] content = MemoryFiles.bytes(200_000, 1);
    files.put("in", content);
    InetSocketAddress address = start();
    Path local = dir.resolve("local");

    client.get(address, "in", Map.of("blksize", "1468", "windowsize", "8"), local);
    client.put(address, "out", Map.of("blksize", "512", "tsize", "0"), local);

    assertThat(Files.readAllBytes(local)).isEqualTo(content);
    assertThat(files.files.get("out")).isEqualTo(content);
    try (var listing = Files.list(dir)) {
      assertThat(listing).containsExactly(local);
    }
  }

  @Test
  void aFailedDownloadLeavesNoFileAndSaysWhy() throws Exception {
    InetSocketAddress address = start();
    Path local = dir.resolve("nothing");

    assertThatThrownBy(() -> client.get(address, "missing", Map.of(), local))
        .isInstanceOfSatisfying(TftpTransferException.class, e -> {
          assertThat(e.errorCode()).isEqualTo(TftpErrorCode.FILE_NOT_FOUND);
          assertThat(e.result().outcome())
              .isEqualTo(TftpTransferResult.Outcome.ERROR_RECEIVED);
        });
    try (var listing = Files.list(dir)) {
      assertThat(listing).isEmpty();
    }
  }

  @Test
  void locksToThePortOfTheFirstAnswerAndRebuffsOthers() throws Exception {
    try (RawPeer listener = new RawPeer(); RawPeer answer = new RawPeer();
        RawPeer intruder = new RawPeer();
        RawPeer elsewhere = new RawPeer(InetAddress.getByName("127.0.0.2"))) {
      ByteBuf got = Unpooled.buffer();
      CompletableFuture<TftpTransferResult> future =
          client.getAsync(listener.address(), "f", "octet", Map.of(), ClientFiles.toBuffer(got));
      RawPeer.Received rrq = listener.expect(2000);
      assertThat(rrq.packet()).isInstanceOf(TftpRequest.class);
      InetSocketAddress clientPort = rrq.from();

      byte[] first = MemoryFiles.bytes(512, 2);
      answer.send(TftpData.of(1, Unpooled.wrappedBuffer(first)), clientPort);
      assertThat(answer.expect(2000).packet()).isEqualTo(TftpAck.of(1));
      intruder.send(TftpData.of(2, Unpooled.wrappedBuffer(new byte[3])), clientPort);
      elsewhere.send(TftpData.of(2, Unpooled.wrappedBuffer(new byte[3])), clientPort);
      TftpError unknown = TftpError.of(TftpErrorCode.UNKNOWN_TRANSFER_ID, "unknown transfer ID");
      assertThat(intruder.expect(2000).packet()).isEqualTo(unknown);
      assertThat(elsewhere.expect(2000).packet()).isEqualTo(unknown);
      answer.send(TftpData.of(2, Unpooled.wrappedBuffer(new byte[] {7})), clientPort);

      assertThat(answer.expect(2000).packet()).isEqualTo(TftpAck.of(2));
      assertThat(future.get(5, TimeUnit.SECONDS).bytesTransferred()).isEqualTo(513);
      assertThat(got.readableBytes()).isEqualTo(513);
    }
  }

  @Test
  void cancellingTheFutureAbortsTheTransfer() throws Exception {
    try (RawPeer listener = new RawPeer(); RawPeer answer = new RawPeer()) {
      CompletableFuture<TftpTransferResult> future =
          client.getAsync(listener.address(), "f", "octet", Map.of(),
              ClientFiles.toBuffer(Unpooled.buffer()));
      InetSocketAddress clientPort = listener.expect(2000).from();
      answer.send(TftpData.of(1, Unpooled.wrappedBuffer(new byte[512])), clientPort);
      assertThat(answer.expect(2000).packet()).isEqualTo(TftpAck.of(1));

      future.cancel(true);

      RawPeer.Received last = answer.expect(2000);
      while (last.packet() instanceof TftpAck) {
        last = answer.expect(2000);
      }
      assertThat(last.packet()).isInstanceOf(TftpError.class);
    }
  }

  @Test
  void aSilentServerEndsInATimeoutNotAHang() throws Exception {
    try (TftpClient impatient = TftpClient.builder()
            .settings(TftpClientSettings.builder().initialTimeout(Duration.ofMillis(20))
                .maxRetries(2).build())
            .build();
        RawPeer silent = new RawPeer()) {
      assertThatThrownBy(() -> impatient.get(silent.address(), "f", Map.of(), Unpooled.buffer()))
          .isInstanceOfSatisfying(TftpTransferException.class, e -> assertThat(
              e.result().outcome()).isEqualTo(TftpTransferResult.Outcome.TIMED_OUT));
      int requests = 0;
      while (silent.receive(50) != null && requests < 100) {
        requests++;
      }
      assertThat(requests).isEqualTo(3);
    }
  }
}
