package dev.netboot.conformance.tftp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netboot.conformance.Generator;
import dev.netboot.conformance.PropertyCheck;
import dev.netboot.tftp.TftpOptionAck;
import dev.netboot.tftp.TftpOptions;
import dev.netboot.tftp.TftpPacket;
import dev.netboot.tftp.TftpPacketDecoder;
import dev.netboot.tftp.TftpPacketEncoder;
import dev.netboot.tftp.TftpParseException;
import dev.netboot.tftp.TftpRequest;
import dev.netboot.tftp.TftpRequestInfo;
import dev.netboot.tftp.TftpServerSettings;
import dev.netboot.tftp.TftpServerTransfers;
import dev.netboot.tftp.TftpTransfer;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Properties of the TFTP codec and of the server's option answers over generated packets. */
class TftpCodecPropertiesTest {
  private static final int CASES = 5_000;

  @Test
  void decodeOfEncodeIsIdentity() {
    PropertyCheck.forAll("decode(encode(p)) == p", CASES, TftpGenerators.packets(), p -> {
      byte[] wire = TftpPacketEncoder.toBytes(p);
      assertThat(wire.length).isLessThanOrEqualTo(TftpPacket.MAX_PACKET_SIZE);
      TftpPacket decoded = TftpPacketDecoder.decode(wire);
      assertThat(decoded).isEqualTo(p);
      assertThat(TftpPacketEncoder.toBytes(decoded)).isEqualTo(wire);
    });
  }

  @Test
  void arbitraryBytesRaiseOnlyTheParseException() {
    PropertyCheck.forAll("arbitrary bytes", CASES, Generator.bytes(0, 600),
        TftpCodecPropertiesTest::decodeOrParseError);
  }

  @Test
  void mutatedPacketsRaiseOnlyTheParseException() {
    Generator<byte[]> mutated = random -> TftpGenerators.mutations(
        TftpPacketEncoder.toBytes(TftpGenerators.packets().next(random))).next(random);
    PropertyCheck.forAll("mutated packets", CASES * 2, mutated,
        TftpCodecPropertiesTest::decodeOrParseError);
  }

  /**
   * Whatever a client asks, the server's OACK (if any) echoes only options that were asked,
   * each once, with true values in range: blksize 8..65464 and never above what was asked or
   * the cap, windowsize likewise, tsize the real size.
   */
  @Test
  void optionAnswersAreAlwaysTrueAndInRange() {
    byte[] file = new byte[12_345];
    TftpServerSettings settings = TftpServerSettings.builder().writeAllowed(true).build();
    Generator<TftpRequest> requests = TftpGenerators.requests();
    PropertyCheck.forAll("option answers", CASES, requests, request -> {
      TftpRequestInfo info = new TftpRequestInfo(request.filename(), request.mode(),
          request.options(), new InetSocketAddress("192.0.2.1", 1000));
      MemoryFiles files = new MemoryFiles(request.filename(), file);
      TftpTransfer t = request.isRead()
          ? TftpServerTransfers.read(request, info, files, settings)
          : TftpServerTransfers.write(request, info, files, settings);
      List<TftpPacket> sent = new ArrayList<>();
      t.start(0, p -> sent.add(TftpPacketDecoder.decode(TftpPacketEncoder.toBytes(p))));
      assertThat(sent).hasSize(1);
      if (!(sent.get(0) instanceof TftpOptionAck)) {
        return;
      }
      Map<String, String> oack = ((TftpOptionAck) sent.get(0)).options();
      assertThat(oack).isNotEmpty();
      for (Map.Entry<String, String> e : oack.entrySet()) {
        String asked = request.options().get(e.getKey());
        assertThat(asked).as("echoed %s was asked", e.getKey()).isNotNull();
        long value = Long.parseLong(e.getValue());
        switch (e.getKey()) {
          case TftpOptions.BLKSIZE -> assertThat(value).isBetween(8L, 1468L)
              .isLessThanOrEqualTo(Long.parseLong(asked));
          case TftpOptions.WINDOWSIZE -> assertThat(value).isBetween(1L, 64L)
              .isLessThanOrEqualTo(Long.parseLong(asked));
          case TftpOptions.TSIZE -> assertThat(value).isEqualTo(
              request.isRead() ? file.length : Long.parseLong(asked));
          case TftpOptions.TIMEOUT -> assertThat(e.getValue()).isEqualTo(
              Long.toString(Long.parseLong(asked))).matches(v -> value >= 1 && value <= 255);
          case TftpOptions.UTIMEOUT -> assertThat(value).isBetween(10_000L, 255_000_000L);
          case TftpOptions.ROLLOVER -> assertThat(value).isBetween(0L, 1L);
          default -> throw new AssertionError("unknown option echoed: " + e.getKey());
        }
      }
      if (request.mode().equals("netascii") && request.isRead()) {
        assertThat(oack).doesNotContainKey(TftpOptions.TSIZE);
      }
    });
  }

  static void decodeOrParseError(byte[] packet) {
    TftpPacket p;
    try {
      p = TftpPacketDecoder.decode(ByteBuffer.wrap(packet).array());
    } catch (TftpParseException expected) {
      assertThat(expected.offset()).isBetween(0, packet.length);
      return;
    }
    assertThat(TftpPacketDecoder.decode(TftpPacketEncoder.toBytes(p))).isEqualTo(p);
  }
}
