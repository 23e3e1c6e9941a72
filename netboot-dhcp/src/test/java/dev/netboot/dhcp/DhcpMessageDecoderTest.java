package dev.netboot.dhcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DhcpMessageDecoderTest {
  @Test
  void readsTheHeaderFields() {
    byte[] p = Packets.request(53, 1, 1, 255);
    p = Packets.with(p, 3, 2); // hops
    p = Packets.with(p, 8, 0, 7, 0x80, 0); // secs 7, broadcast
    p = Packets.with(p, 12, 10, 0, 0, 1, 10, 0, 0, 2, 10, 0, 0, 3, 10, 0, 0, 4);
    p = Packets.with(p, 44, 's', 'r', 'v');
    p = Packets.with(p, 108, 'b', 'o', 'o', 't', '.', '0');
    DhcpMessage m = DhcpMessageDecoder.decode(p);
    assertThat(m.op()).isEqualTo(DhcpOp.BOOTREQUEST);
    assertThat(m.hardwareType()).isEqualTo(HardwareType.ETHERNET);
    assertThat(m.hops()).isEqualTo(2);
    assertThat(m.transactionId()).isEqualTo(0x01020304);
    assertThat(m.seconds()).isEqualTo(7);
    assertThat(m.isBroadcast()).isTrue();
    assertThat(m.clientAddress().getHostAddress()).isEqualTo("10.0.0.1");
    assertThat(m.yourAddress().getHostAddress()).isEqualTo("10.0.0.2");
    assertThat(m.serverAddress().getHostAddress()).isEqualTo("10.0.0.3");
    assertThat(m.gatewayAddress().getHostAddress()).isEqualTo("10.0.0.4");
    assertThat(m.hardwareAddressText()).isEqualTo("52:54:00:00:00:01");
    assertThat(m.serverName()).isEqualTo("srv");
    assertThat(m.bootFileName()).isEqualTo("boot.0");
    assertThat(m.messageType()).isEqualTo(DhcpMessageType.DISCOVER);
  }

  @Test
  void rejectsATruncatedHeaderWithItsLength() {
    assertThatThrownBy(() -> DhcpMessageDecoder.decode(new byte[100]))
        .isInstanceOf(DhcpParseException.class)
        .hasMessageContaining("truncated header")
        .extracting(e -> ((DhcpParseException) e).offset()).isEqualTo(100);
  }

  @Test
  void rejectsAMissingOrBadCookieAndKeepsTheTransactionId() {
    byte[] p = Packets.request();
    assertThatThrownBy(() -> DhcpMessageDecoder.decode(Arrays.copyOf(p, 238)))
        .isInstanceOf(DhcpParseException.class).hasMessageContaining("no magic cookie");
    DhcpParseException e = parseError(Packets.with(p, 236, 0x63, 0x82, 0x53, 0x64));
    assertThat(e.reason()).contains("bad magic cookie");
    assertThat(e.offset()).isEqualTo(236);
    assertThat(e.transactionId()).isEqualTo(0x01020304);
  }

  @Test
  void rejectsAnUnknownOpAndAnOversizedHardwareAddress() {
    assertThat(parseError(Packets.with(Packets.request(), 0, 3)).reason()).contains("op 3");
    DhcpParseException e = parseError(Packets.with(Packets.request(), 2, 17));
    assertThat(e.reason()).contains("hlen 17");
    assertThat(e.offset()).isEqualTo(2);
  }

  @Test
  void rejectsAnOptionThatRunsPastTheEnd() {
    DhcpParseException e = parseError(Packets.request(53, 1, 1, 60, 9, 'P', 'X', 'E'));
    assertThat(e.reason()).contains("option 60 of length 9 runs past the end");
    assertThat(e.offset()).isEqualTo(243);
    assertThat(parseError(Packets.request(53)).reason()).contains("no length byte");
  }

  @Test
  void concatenatesSplitOptionsAtTheFirstInstancesPlace() {
    byte[] p = Packets.request(43, 2, 'a', 'b', 53, 1, 1, 43, 1, 'c', 255);
    DhcpMessage m = DhcpMessageDecoder.decode(p);
    assertThat(m.options().asList()).extracting(o -> o.code().code()).containsExactly(43, 53);
    assertThat(m.options().get(DhcpOptionCode.VENDOR_SPECIFIC).value()).containsExactly('a', 'b', 'c');
  }

  @Test
  void readsOverloadedFileAndSnameInRfcOrder() {
    byte[] p = Packets.request(52, 1, 3, 53, 1, 2, 255);
    p = Packets.with(p, 108, 67, 3, 'a', '.', 'b', 12, 1, 'x', 255); // file: bootfile, host name
    p = Packets.with(p, 44, 12, 1, 'y', 255); // sname: the rest of the host name
    DhcpMessage m = DhcpMessageDecoder.decode(p);
    assertThat(m.bootFileName()).isEmpty();
    assertThat(m.serverName()).isEmpty();
    assertThat(m.option(DhcpOptionType.BOOTFILE_NAME)).contains("a.b");
    assertThat(m.option(DhcpOptionType.HOST_NAME)).contains("xy");
    assertThat(m.options().contains(DhcpOptionCode.OPTION_OVERLOAD)).isFalse();
  }

  @Test
  void refusesOverloadLoopsAndBadOverloadValues() {
    byte[] loop = Packets.with(Packets.request(52, 1, 1, 255), 108, 52, 1, 2, 255);
    assertThat(parseError(loop).reason()).contains("inside an overloaded field");
    assertThat(parseError(loop).offset()).isEqualTo(108);
    assertThat(parseError(Packets.request(52, 1, 1, 52, 1, 1)).reason()).contains("repeated");
    assertThat(parseError(Packets.request(52, 1, 4)).reason()).contains("value 4");
    assertThat(parseError(Packets.request(52, 2, 1, 1)).reason()).contains("length 2");
  }

  @Test
  void toleratesAMissingEndAndIgnoresBytesAfterIt() {
    assertThat(DhcpMessageDecoder.decode(Packets.request(53, 1, 3)).messageType())
        .isEqualTo(DhcpMessageType.REQUEST);
    DhcpMessage m = DhcpMessageDecoder.decode(Packets.request(53, 1, 3, 255, 99, 99, 99));
    assertThat(m.options().size()).isEqualTo(1);
  }

  @Test
  void keepsUnknownOptionsByteForByte() {
    byte[] p = Packets.request(250, 3, 1, 2, 3, 0, 0, 224, 0, 255);
    DhcpMessage m = DhcpMessageDecoder.decode(p);
    assertThat(m.options().get(0).code()).isEqualTo(DhcpOptionCode.valueOf(250));
    assertThat(m.options().get(0).code().isKnown()).isFalse();
    assertThat(m.options().get(0).value()).containsExactly(1, 2, 3);
    assertThat(m.options().get(1).length()).isZero();
    byte[] again = DhcpMessageEncoder.toBytes(m);
    assertThat(Arrays.copyOfRange(again, 240, 250)).containsExactly(250, 3, 1, 2, 3, 224, 0, 255, 0, 0);
  }

  @Test
  void leavesTheBufferIndexesAlone() {
    io.netty.buffer.ByteBuf buf = io.netty.buffer.Unpooled.wrappedBuffer(Packets.request(255));
    DhcpMessageDecoder.decode(buf);
    assertThat(buf.readerIndex()).isZero();
    assertThat(buf.readableBytes()).isEqualTo(241);
  }

  @Test
  void aPacketOfManyTinyRepeatedOptionsIsLinear() {
    // 30,000 zero-length instances of one option: quadratic merging would take minutes.
    int[] options = new int[60_000];
    for (int i = 0; i < options.length; i += 2) {
      options[i] = 200;
    }
    long start = System.nanoTime();
    DhcpMessage m = DhcpMessageDecoder.decode(Packets.request(options));
    assertThat(m.options().size()).isEqualTo(1);
    assertThat(System.nanoTime() - start).isLessThan(5_000_000_000L);
  }

  private static DhcpParseException parseError(byte[] packet) {
    try {
      DhcpMessageDecoder.decode(packet);
    } catch (DhcpParseException e) {
      return e;
    }
    throw new AssertionError("decoded a malformed packet");
  }
}
