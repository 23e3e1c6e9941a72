package dev.netboot.tftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TftpPacketDecoderTest {
  /** Builds a packet from an opcode and NUL-terminated strings. */
  static byte[] packet(int opcode, String... strings) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(opcode >> 8);
    out.write(opcode);
    for (String s : strings) {
      out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
      out.write(0);
    }
    return out.toByteArray();
  }

  static byte[] concat(byte[] a, byte... b) {
    byte[] r = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, r, a.length, b.length);
    return r;
  }

  @Test
  void readRequestWithOptions() {
    // What iPXE sends: mode and option names may come in any case.
    TftpRequest r = (TftpRequest) TftpPacketDecoder.decode(
        packet(1, "pxelinux.0", "OCTET", "BlkSize", "1432", "tsize", "0"));
    assertThat(r.opcode()).isEqualTo(TftpOpcode.RRQ);
    assertThat(r.isRead()).isTrue();
    assertThat(r.filename()).isEqualTo("pxelinux.0");
    assertThat(r.mode()).isEqualTo("octet");
    assertThat(r.options()).containsExactly(Map.entry("blksize", "1432"), Map.entry("tsize", "0"));
  }

  @Test
  void writeRequestWithoutOptions() {
    TftpRequest r = (TftpRequest) TftpPacketDecoder.decode(packet(2, "up/load.txt", "netascii"));
    assertThat(r.opcode()).isEqualTo(TftpOpcode.WRQ);
    assertThat(r.mode()).isEqualTo("netascii");
    assertThat(r.options()).isEmpty();
  }

  @Test
  void theFirstOfTwoSameOptionsWins() {
    TftpRequest r = (TftpRequest) TftpPacketDecoder.decode(
        packet(1, "f", "octet", "blksize", "1024", "BLKSIZE", "8", "tsize", "0"));
    assertThat(r.options()).containsExactly(Map.entry("blksize", "1024"), Map.entry("tsize", "0"));
  }

  @Test
  void nulPaddingAfterTheOptionsIsTolerated() {
    byte[] p = concat(packet(1, "f", "octet", "tsize", "0"), (byte) 0, (byte) 0, (byte) 0);
    assertThat(((TftpRequest) TftpPacketDecoder.decode(p)).options()).hasSize(1);
  }

  @Test
  void fileNamesAreUtf8OrElseLatin1() {
    assertThat(((TftpRequest) TftpPacketDecoder.decode(packet(1, "grüße.cfg", "octet")))
        .filename()).isEqualTo("grüße.cfg");
    byte[] latin1 = {0, 1, 'g', (byte) 0xFC, 0, 'o', 'c', 't', 'e', 't', 0};
    assertThat(((TftpRequest) TftpPacketDecoder.decode(latin1)).filename()).isEqualTo("gü");
  }

  @Test
  void dataIsASliceOfTheInput() {
    ByteBuf buf = Unpooled.wrappedBuffer(new byte[] {9, 9, 0, 3, (byte) 0xFF, (byte) 0xFE, 1, 2, 3});
    buf.readerIndex(2);
    TftpData d = (TftpData) TftpPacketDecoder.decode(buf);
    assertThat(d.block()).isEqualTo(65534);
    assertThat(d.length()).isEqualTo(3);
    buf.setByte(6, 42);
    assertThat(d.content().getByte(d.content().readerIndex())).isEqualTo((byte) 42);
    assertThat(buf.readerIndex()).isEqualTo(2);
  }

  @Test
  void emptyDataIsTheEmptyLastBlock() {
    TftpData d = (TftpData) TftpPacketDecoder.decode(new byte[] {0, 3, 0, 7});
    assertThat(d.block()).isEqualTo(7);
    assertThat(d.length()).isZero();
  }

  @Test
  void ackIgnoresTrailingBytes() {
    assertThat(TftpPacketDecoder.decode(new byte[] {0, 4, 1, 0, 0, 0})).isEqualTo(TftpAck.of(256));
  }

  @Test
  void errorsAreReadHoweverTheyAreSpelled() {
    assertThat(TftpPacketDecoder.decode(new byte[] {0, 5, 0, 0, 0}))
        .isEqualTo(TftpError.of(TftpErrorCode.NOT_DEFINED, ""));
    // code 1, message without its NUL
    assertThat(TftpPacketDecoder.decode(new byte[] {0, 5, 0, 1, 'n', 'o'}))
        .isEqualTo(TftpError.of(TftpErrorCode.FILE_NOT_FOUND, "no"));
    assertThat(TftpPacketDecoder.decode(new byte[] {0, 5, 0, 8}))
        .isEqualTo(TftpError.of(TftpErrorCode.OPTION_REFUSED, ""));
    TftpError unknown = (TftpError) TftpPacketDecoder.decode(new byte[] {0, 5, 0, 99, 0});
    assertThat(unknown.code().code()).isEqualTo(99);
    assertThat(unknown.code().name()).isEqualTo("UNKNOWN");
  }

  @Test
  void aLongErrorMessageIsCut() {
    byte[] p = concat(new byte[] {0, 5, 0, 0}, "x".repeat(2000).getBytes(StandardCharsets.UTF_8));
    assertThat(((TftpError) TftpPacketDecoder.decode(p)).message())
        .hasSize(TftpError.MAX_MESSAGE_LENGTH);
  }

  @Test
  void optionAck() {
    TftpOptionAck o = (TftpOptionAck) TftpPacketDecoder.decode(
        packet(6, "blksize", "1468", "tsize", "4096"));
    assertThat(o.options()).containsExactly(
        Map.entry("blksize", "1468"), Map.entry("tsize", "4096"));
    assertThat(((TftpOptionAck) TftpPacketDecoder.decode(new byte[] {0, 6})).options()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 7, 255, 65535})
  void unknownOpcodesAreMalformed(int opcode) {
    assertThatThrownBy(() -> TftpPacketDecoder.decode(packet(opcode, "x", "octet")))
        .isInstanceOf(TftpParseException.class)
        .hasMessageContaining("unknown opcode " + opcode)
        .extracting(e -> ((TftpParseException) e).opcode()).isNull();
  }

  @Test
  void malformedPacketsNameTheirFaultAndOffset() {
    malformed(new byte[0], "packet of 0 bytes has no opcode", 0);
    malformed(new byte[] {0}, "packet of 1 bytes has no opcode", 0);
    malformed(new byte[] {0, 1, 'f'}, "file name has no NUL terminator", 3);
    malformed(new byte[] {0, 1, 0, 'o', 0}, "empty file name", 2);
    malformed(packet(1, "f"), "mode has no NUL terminator", 4);
    malformed(concat(packet(1, "f", "octet"), (byte) 'x'), "option name has no NUL terminator", 11);
    malformed(packet(1, "f", "octet", "blksize"), "option blksize has no value", 18);
    malformed(concat(packet(1, "f", "octet", "blksize"), (byte) '8'), "option value has no NUL terminator", 19);
    malformed(concat(packet(1, "f", "octet"), (byte) 0, (byte) 'x', (byte) 0, (byte) '1', (byte) 0),
        "empty option name", 10);
    malformed(new byte[] {0, 4, 0}, "ACK(4) of 3 bytes is shorter than 4", 3);
    malformed(new byte[] {0, 3}, "DATA(3) of 2 bytes is shorter than 4", 2);
    malformed(new byte[] {0, 5, 1}, "ERROR(5) of 3 bytes is shorter than 4", 3);
    malformed(packet(6, "blksize"), "option blksize has no value", 10);
  }

  @Test
  void limitsAreEnforced() {
    malformed(packet(1, "f".repeat(TftpRequest.MAX_FILENAME_LENGTH + 1), "octet"),
        "file name longer than 1024 bytes", 2 + 1024);
    TftpPacketDecoder.decode(packet(1, "f".repeat(TftpRequest.MAX_FILENAME_LENGTH), "octet"));
    malformed(packet(1, "f", "octet".repeat(4)), "mode longer than 16 bytes", 20);
    String[] many = new String[2 + 2 * (TftpRequest.MAX_OPTIONS + 1)];
    many[0] = "f";
    many[1] = "octet";
    for (int i = 2; i < many.length; i += 2) {
      many[i] = "o" + i;
      many[i + 1] = "1";
    }
    assertThatThrownBy(() -> TftpPacketDecoder.decode(packet(1, many)))
        .isInstanceOf(TftpParseException.class).hasMessageContaining("more than 32 options");
    byte[] big = new byte[TftpPacket.MAX_PACKET_SIZE + 1];
    big[1] = 3;
    malformed(big, "packet of 65469 bytes is longer than 65468", 65468);
    byte[] largest = new byte[TftpPacket.MAX_PACKET_SIZE];
    largest[1] = 3;
    assertThat(((TftpData) TftpPacketDecoder.decode(largest)).length()).isEqualTo(65464);
  }

  @Test
  void latin1NamesThatGrowPastTheLimitAsUtf8AreMalformed() {
    byte[] name = new byte[600];
    java.util.Arrays.fill(name, (byte) 0xE9);
    byte[] p = concat(concat(new byte[] {0, 1}, name), (byte) 0, (byte) 'o', (byte) 0);
    malformed(p, "file name longer than 1024 bytes once re-encoded as UTF-8", 2);
  }

  static void malformed(byte[] bytes, String reason, int offset) {
    assertThatThrownBy(() -> TftpPacketDecoder.decode(bytes))
        .isInstanceOf(TftpParseException.class)
        .satisfies(e -> {
          TftpParseException p = (TftpParseException) e;
          assertThat(p.reason()).isEqualTo(reason);
          assertThat(p.offset()).isEqualTo(offset);
          if (bytes.length >= 2 && TftpOpcode.forCode(((bytes[0] & 0xFF) << 8) | (bytes[1] & 0xFF))
              != null) {
            assertThat(p.opcode()).isNotNull();
          }
        });
  }
}
