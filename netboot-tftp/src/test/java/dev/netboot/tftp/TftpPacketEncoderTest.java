package dev.netboot.tftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TftpPacketEncoderTest {
  @Test
  void requestBytesAreExactlyRfc1350AndRfc2347() {
    TftpRequest r = TftpRequest.builder(TftpOpcode.RRQ, "boot.ipxe").mode("OCTET")
        .option("BLKSIZE", "1468").option("tsize", "0").build();
    assertThat(TftpPacketEncoder.toBytes(r)).isEqualTo(TftpPacketDecoderTest.packet(
        1, "boot.ipxe", "octet", "blksize", "1468", "tsize", "0"));
  }

  @Test
  void dataAckErrorAndOack() {
    TftpData d = TftpData.of(65535, Unpooled.wrappedBuffer(new byte[] {1, 2, 3}));
    assertThat(TftpPacketEncoder.toBytes(d)).containsExactly(0, 3, 0xFF, 0xFF, 1, 2, 3);
    assertThat(TftpPacketEncoder.toBytes(TftpAck.of(258))).containsExactly(0, 4, 1, 2);
    assertThat(TftpPacketEncoder.toBytes(TftpError.of(TftpErrorCode.FILE_NOT_FOUND, "nope")))
        .containsExactly(0, 5, 0, 1, 'n', 'o', 'p', 'e', 0);
    Map<String, String> o = new LinkedHashMap<>();
    o.put("windowsize", "4");
    assertThat(TftpPacketEncoder.toBytes(TftpOptionAck.of(o))).isEqualTo(
        TftpPacketDecoderTest.packet(6, "windowsize", "4"));
  }

  @Test
  void encodingAppendsAndLeavesTheContentAlone() {
    ByteBuf content = Unpooled.wrappedBuffer(new byte[] {7, 8, 9});
    content.readerIndex(1);
    ByteBuf out = Unpooled.buffer();
    out.writeByte(0x55);
    TftpPacketEncoder.encode(TftpData.of(1, content), out);
    assertThat(out.readableBytes()).isEqualTo(1 + 4 + 2);
    assertThat(content.readerIndex()).isEqualTo(1);
    assertThat(out.getByte(5)).isEqualTo((byte) 8);
  }

  @Test
  void everyPacketRoundTrips() {
    TftpPacket[] packets = {
      TftpRequest.builder(TftpOpcode.WRQ, "ü/ñ.txt").mode("netascii").option("tsize", "12")
          .build(),
      TftpData.of(0, Unpooled.EMPTY_BUFFER),
      TftpAck.of(0),
      TftpError.of(TftpErrorCode.valueOf(1234), "custom"),
      TftpOptionAck.of(Map.of("blksize", "8")),
    };
    for (TftpPacket p : packets) {
      assertThat(TftpPacketDecoder.decode(TftpPacketEncoder.toBytes(p))).isEqualTo(p);
      assertThat(p.toString()).startsWith(p.opcode().name());
    }
  }

  @Test
  void buildersRefuseWhatCannotBeEncoded() {
    assertThatThrownBy(() -> TftpRequest.builder(TftpOpcode.DATA, "f"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(expected: RRQ or WRQ)");
    assertThatThrownBy(() -> TftpRequest.builder(TftpOpcode.RRQ, "a\0b"))
        .hasMessageContaining("contains NUL");
    assertThatThrownBy(() -> TftpRequest.builder(TftpOpcode.RRQ, "x".repeat(1025)))
        .hasMessageContaining("(expected: at most 1024)");
    assertThatThrownBy(() -> TftpRequest.builder(TftpOpcode.RRQ, "\ud800"))
        .hasMessageContaining("unpaired surrogate");
    assertThatThrownBy(() -> TftpRequest.builder(TftpOpcode.RRQ, "f").option("", "1"))
        .hasMessageContaining("option name is empty");
    assertThatThrownBy(() -> TftpAck.of(65536)).hasMessageContaining("(expected: 0-65535)");
    assertThatThrownBy(() -> TftpData.of(-1, Unpooled.EMPTY_BUFFER))
        .hasMessageContaining("(expected: 0-65535)");
    assertThatThrownBy(() -> TftpData.of(1, Unpooled.buffer(65465).writerIndex(65465)))
        .hasMessageContaining("(expected: at most 65464)");
    assertThatThrownBy(() -> TftpError.of(TftpErrorCode.NOT_DEFINED, "x".repeat(513)))
        .hasMessageContaining("(expected: at most 512)");
    Map<String, String> twice = new LinkedHashMap<>();
    twice.put("blksize", "8");
    twice.put("BLKSIZE", "9");
    assertThatThrownBy(() -> TftpOptionAck.of(twice)).hasMessageContaining("twice");
  }

  @Test
  void aRepeatedBuilderOptionReplacesTheValueInPlace() {
    TftpRequest r = TftpRequest.builder(TftpOpcode.RRQ, "f").option("tsize", "0")
        .option("blksize", "512").option("TSIZE", "1").build();
    assertThat(r.options()).containsExactly(Map.entry("tsize", "1"), Map.entry("blksize", "512"));
    assertThat(r.toBuilder().build()).isEqualTo(r);
  }

  @Test
  void dataEqualityIsByContent() {
    TftpData a = TftpData.of(5, Unpooled.copiedBuffer("abc", StandardCharsets.US_ASCII));
    TftpData b = TftpData.of(5, Unpooled.wrappedBuffer(new byte[] {0, 'a', 'b', 'c'}, 1, 3));
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a).isNotEqualTo(TftpData.of(6, b.content()));
  }

  @Test
  void opcodesAreTheRfcsSix() {
    for (TftpOpcode op : TftpOpcode.values()) {
      assertThat(TftpOpcode.forCode(op.code())).isSameAs(op);
      assertThat(op.toString()).isEqualTo(op.name() + "(" + op.code() + ")");
    }
    assertThat(TftpOpcode.values()).extracting(TftpOpcode::code).containsExactly(1, 2, 3, 4, 5, 6);
    assertThat(TftpOpcode.forCode(0)).isNull();
    assertThat(TftpOpcode.forCode(7)).isNull();
  }
}
