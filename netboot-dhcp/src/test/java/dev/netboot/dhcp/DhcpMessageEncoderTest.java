package dev.netboot.dhcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DhcpMessageEncoderTest {
  @Test
  void padsToTheBootpMinimum() {
    byte[] wire = DhcpMessageEncoder.toBytes(DhcpMessage.builder()
        .option(DhcpOptionType.MESSAGE_TYPE, DhcpMessageType.DISCOVER).build());
    assertThat(wire).hasSize(300);
    assertThat(Arrays.copyOfRange(wire, 236, 244)).containsExactly(0x63, 0x82, 0x53, 0x63, 53, 1, 1, 255);
  }

  @Test
  void splitsLongOptionsIntoConsecutiveInstances() {
    byte[] value = new byte[600];
    Arrays.fill(value, (byte) 7);
    byte[] wire = DhcpMessageEncoder.toBytes(DhcpMessage.builder()
        .option(DhcpOption.of(DhcpOptionCode.valueOf(224), value)).build());
    assertThat(wire[240] & 0xFF).isEqualTo(224);
    assertThat(wire[241] & 0xFF).isEqualTo(255);
    assertThat(wire[240 + 257] & 0xFF).isEqualTo(224);
    assertThat(wire[240 + 258] & 0xFF).isEqualTo(255);
    assertThat(wire[240 + 514] & 0xFF).isEqualTo(224);
    assertThat(wire[240 + 515] & 0xFF).isEqualTo(90);
    assertThat(DhcpMessageDecoder.decode(wire).options().get(0).value()).isEqualTo(value);
  }

  @Test
  void overloadsFileThenSnameWhenTheOptionsDoNotFit() {
    DhcpMessage m = DhcpMessage.builder()
        .option(DhcpOption.of(DhcpOptionCode.valueOf(224), new byte[250]))
        .option(DhcpOption.of(DhcpOptionCode.valueOf(225), new byte[100]))
        .option(DhcpOption.of(DhcpOptionCode.valueOf(226), new byte[40]))
        .build();
    byte[] wire = DhcpMessageEncoder.toBytes(m, 576);
    assertThat(wire.length).isLessThanOrEqualTo(548);
    assertThat(Arrays.copyOfRange(wire, 240, 243)).containsExactly(52, 1, 3);
    assertThat(wire[108] & 0xFF).as("file holds option 225").isEqualTo(225);
    assertThat(wire[44] & 0xFF).as("sname holds option 226").isEqualTo(226);
    assertThat(DhcpMessageDecoder.decode(wire)).isEqualTo(m);
  }

  @Test
  void doesNotOverloadAFieldThatHoldsAName() {
    DhcpMessage m = DhcpMessage.builder().bootFileName("undionly.kpxe")
        .option(DhcpOption.of(DhcpOptionCode.valueOf(224), new byte[250]))
        .option(DhcpOption.of(DhcpOptionCode.valueOf(225), new byte[60]))
        .build();
    byte[] wire = DhcpMessageEncoder.toBytes(m, 576);
    assertThat(Arrays.copyOfRange(wire, 240, 243)).containsExactly(52, 1, 2);
    assertThat(new String(wire, 108, 13, java.nio.charset.StandardCharsets.ISO_8859_1))
        .isEqualTo("undionly.kpxe");
    assertThat(DhcpMessageDecoder.decode(wire)).isEqualTo(m);
  }

  @Test
  void refusesRatherThanExceedTheClientsMaximum() {
    DhcpMessage m = DhcpMessage.builder()
        .option(DhcpOption.of(DhcpOptionCode.valueOf(224), new byte[700])).build();
    assertThatThrownBy(() -> DhcpMessageEncoder.toBytes(m, 576))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("(expected: fewer options or a larger maximum message size)");
    assertThat(DhcpMessageEncoder.toBytes(m, 1500).length).isLessThanOrEqualTo(1472);
  }

  @Test
  void readsAnIllegalMaximumBelow576As576() {
    DhcpMessage m = DhcpMessage.builder()
        .option(DhcpOption.of(DhcpOptionCode.valueOf(224), new byte[280])).build();
    assertThat(DhcpMessageEncoder.toBytes(m, 300)).isEqualTo(DhcpMessageEncoder.toBytes(m, 576));
  }

  @Test
  void leavesTheBufferAsItWasWhenItRefuses() {
    io.netty.buffer.ByteBuf out = io.netty.buffer.Unpooled.buffer();
    DhcpMessage m = DhcpMessage.builder()
        .option(DhcpOption.of(DhcpOptionCode.valueOf(224), new byte[900])).build();
    assertThatThrownBy(() -> DhcpMessageEncoder.encode(m, out, 576))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(out.writerIndex()).isZero();
  }
}
