package dev.netboot.it.tftp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netboot.it.TestFiles;
import dev.netboot.tftp.TftpAck;
import dev.netboot.tftp.TftpData;
import dev.netboot.tftp.TftpError;
import dev.netboot.tftp.TftpErrorCode;
import dev.netboot.tftp.TftpOpcode;
import dev.netboot.tftp.TftpOptionAck;
import dev.netboot.tftp.TftpRequest;
import dev.netboot.tftp.TftpTransferResult;
import dev.netboot.tftp.files.DirectoryFileSource;
import dev.netboot.tftp.udp.TftpClient;
import dev.netboot.tftp.udp.TftpServer;
import dev.netboot.tftp.udp.TftpTransferEvent;
import dev.netboot.tftp.udp.TftpTransferListener;
import io.netty.buffer.ByteBufUtil;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our server against packet sequences real boot firmware sends (see
 * /work/shared/FIRMWARE-NOTES.md): OVMF's tsize probe, iPXE's block size, pxelinux's search for
 * its configuration file.
 */
class FirmwareLikeClientsTest {
  static final int BOOT_FILE_SIZE = (1 << 20) + 7;
  /** A generous guard against a hang, not a speed claim. */
  static final int ANSWER_WITHIN_MILLIS = 2000;

  @TempDir static Path root;
  static TftpServer server;
  static InetSocketAddress address;
  static final BlockingQueue<TftpTransferEvent> ended = new LinkedBlockingQueue<>();

  @BeforeAll
  static void startServer() throws Exception {
    TestFiles.create(root.resolve("bootx64.efi"), BOOT_FILE_SIZE, 64);
    Files.createDirectories(root.resolve("pxelinux.cfg"));
    Files.writeString(root.resolve("pxelinux.cfg/default"), "DEFAULT linux\n");
    server = TftpServer.builder(DirectoryFileSource.builder(root).build())
        .bind(InetAddress.getLoopbackAddress(), 0)
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
    address = server.boundAddress();
  }

  @AfterAll
  static void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  /**
   * edk2: RRQ with only tsize, ERROR "User aborted the transfer" after the OACK, then from the
   * same port the real RRQ with blksize 1468 and windowsize 4.
   */
  @Test
  void ovmfProbesTheSizeAbortsAndDownloadsInWindowsOfFour() throws Exception {
    ended.clear();
    try (RawTftpSocket ovmf = new RawTftpSocket()) {
      ovmf.send(TftpRequest.builder(TftpOpcode.RRQ, "bootx64.efi").option("tsize", "0").build(),
          address);
      RawTftpSocket.Received probe = ovmf.expect(ANSWER_WITHIN_MILLIS);
      assertThat(probe.packet()).isEqualTo(
          TftpOptionAck.of(Map.of("tsize", Integer.toString(BOOT_FILE_SIZE))));
      ovmf.send(TftpError.of(TftpErrorCode.OPTION_REFUSED, "User aborted the transfer"),
          probe.from());

      ovmf.send(TftpRequest.builder(TftpOpcode.RRQ, "bootx64.efi")
          .option("blksize", "1468").option("windowsize", "4").build(), address);
      RawTftpSocket.Received oack = ovmf.expect(ANSWER_WITHIN_MILLIS);
      assertThat(oack.packet()).isInstanceOfSatisfying(TftpOptionAck.class, o ->
          assertThat(o.options()).containsExactly(
              Map.entry("blksize", "1468"), Map.entry("windowsize", "4")));
      assertThat(oack.from()).isNotEqualTo(probe.from());
      byte[] got = receiveInWindows(ovmf, oack.from(), 1468, 4);

      assertThat(got).isEqualTo(Files.readAllBytes(root.resolve("bootx64.efi")));
    }
    TftpTransferEvent first = ended.poll(10, TimeUnit.SECONDS);
    TftpTransferEvent second = ended.poll(10, TimeUnit.SECONDS);
    assertThat(List.of(first.result().outcome(), second.result().outcome()))
        .containsExactlyInAnyOrder(TftpTransferResult.Outcome.ENDED_AFTER_OPTIONS,
            TftpTransferResult.Outcome.COMPLETED);
    assertThat(first.isSuccess()).isTrue();
  }

  /** iPXE asks blksize 1432 and tsize 0. */
  @Test
  void ipxeGetsItsBlockSizeAndTheTrueSize() throws Exception {
    try (TftpClient ipxe = TftpClient.create()) {
      var buf = io.netty.buffer.Unpooled.buffer();
      TftpTransferResult r = ipxe.get(address, "bootx64.efi",
          Map.of("blksize", "1432", "tsize", "0"), buf);

      assertThat(r.options().blksize()).isEqualTo(1432);
      assertThat(r.options().tsize()).isEqualTo(BOOT_FILE_SIZE);
      assertThat(ByteBufUtil.getBytes(buf))
          .isEqualTo(Files.readAllBytes(root.resolve("bootx64.efi")));
    }
  }

  /**
   * lpxelinux asks, from one port, for pxelinux.cfg/01-MAC, the hex IP shortened digit by
   * digit, then default: every miss must be answered at once with ERROR 1.
   */
  @Test
  void pxelinuxSearchesTenMissingConfigsThenFindsTheDefault() throws Exception {
    List<String> misses = List.of("pxelinux.cfg/01-52-54-00-12-34-56", "pxelinux.cfg/0A4D008D",
        "pxelinux.cfg/0A4D008", "pxelinux.cfg/0A4D00", "pxelinux.cfg/0A4D0",
        "pxelinux.cfg/0A4D", "pxelinux.cfg/0A4", "pxelinux.cfg/0A", "pxelinux.cfg/0",
        "pxelinux.cfg/C0A8");
    Set<InetSocketAddress> answeredFrom = new HashSet<>();
    try (RawTftpSocket pxelinux = new RawTftpSocket()) {
      for (String name : misses) {
        pxelinux.send(TftpRequest.builder(TftpOpcode.RRQ, name)
            .option("tsize", "0").option("blksize", "1408").build(), address);
        RawTftpSocket.Received answer = pxelinux.expect(ANSWER_WITHIN_MILLIS);
        assertThat(answer.packet()).as(name).isInstanceOfSatisfying(TftpError.class,
            e -> assertThat(e.code()).isEqualTo(TftpErrorCode.FILE_NOT_FOUND));
        answeredFrom.add(answer.from());
      }
      pxelinux.send(TftpRequest.builder(TftpOpcode.RRQ, "pxelinux.cfg/default")
          .option("tsize", "0").option("blksize", "1408").build(), address);
      RawTftpSocket.Received oack = pxelinux.expect(ANSWER_WITHIN_MILLIS);
      assertThat(oack.packet()).isEqualTo(
          TftpOptionAck.of(Map.of("tsize", "14", "blksize", "1408")));
      byte[] config = receiveInWindows(pxelinux, oack.from(), 1408, 1);
      assertThat(new String(config, java.nio.charset.StandardCharsets.US_ASCII))
          .isEqualTo("DEFAULT linux\n");
    }
    // Each answer came from a transfer of its own (RFC 1350 section 4).
    assertThat(answeredFrom).hasSize(misses.size());
  }

  /**
   * Receives a file after an OACK as a windowed client does (RFC 7440): ACK 0, then ACK the
   * last block of each window or the last in-order block when something is missing.
   */
  static byte[] receiveInWindows(RawTftpSocket socket, InetSocketAddress server, int blksize,
      int windowsize) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int expected = 1;
    int inWindow = 0;
    int timeouts = 0;
    socket.send(TftpAck.of(0), server);
    for (int i = 0; i < 1_000_000; i++) {
      RawTftpSocket.Received r = socket.receive(1000);
      if (r == null) {
        if (++timeouts > 5) {
          throw new AssertionError("server went silent at block " + expected);
        }
        socket.send(TftpAck.of((expected - 1) & 0xFFFF), server);
        continue;
      }
      if (!(r.packet() instanceof TftpData data) || !r.from().equals(server)) {
        throw new AssertionError("unexpected " + r.packet() + " from " + r.from());
      }
      if (data.block() != (expected & 0xFFFF)) {
        socket.send(TftpAck.of((expected - 1) & 0xFFFF), server);
        inWindow = 0;
        continue;
      }
      out.write(ByteBufUtil.getBytes(data.content()));
      boolean last = data.length() < blksize;
      if (last || ++inWindow == windowsize) {
        socket.send(TftpAck.of(data.block()), server);
        inWindow = 0;
      }
      if (last) {
        return out.toByteArray();
      }
      expected++;
    }
    throw new AssertionError("no end after a million packets");
  }
}
