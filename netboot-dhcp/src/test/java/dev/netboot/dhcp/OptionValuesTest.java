package dev.netboot.dhcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Typed option values: user class forms, iPXE options, relay agent information, simple types. */
class OptionValuesTest {
  @Test
  void userClassReadsBothTheRfc3004AndTheBareForm() {
    UserClass bare = UserClass.fromBytes("iPXE".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    assertThat(bare.isRfc3004()).isFalse();
    assertThat(bare.classes()).containsExactly("iPXE");
    UserClass list = UserClass.of("iPXE", "netboot");
    assertThat(list.bytes()).startsWith(4, 'i', 'P', 'X', 'E', 7);
    assertThat(UserClass.fromBytes(list.bytes()).isRfc3004()).isTrue();
    assertThat(UserClass.fromBytes(list.bytes()).contains("netboot")).isTrue();
    assertThatThrownBy(() -> UserClass.of("")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void ipxeOptionsNameFeaturesAndKeepUnknownSubOptions() {
    byte[] value = {0x13, 1, 1, 0x24, 1, 1, (byte) 0xeb, 3, 1, 21, 2, 0x77, 2, 9, 9, (byte) 0xff};
    IpxeOptions ipxe = DhcpOptionType.IPXE_ENCAPSULATED.decode(value);
    assertThat(ipxe.features())
        .containsExactly(IpxeOptionCode.FEATURE_HTTP, IpxeOptionCode.FEATURE_EFI);
    assertThat(ipxe.version()).contains("1.21.2");
    assertThat(ipxe.get(IpxeOptionCode.valueOf(0x77)).orElseThrow().value()).containsExactly(9, 9);
    assertThat(ipxe.toString()).contains("FEATURE_HTTP").contains("UNKNOWN(119)");
    assertThatThrownBy(() -> DhcpOptionType.IPXE_ENCAPSULATED.decode(new byte[] {0x13, 5, 1}))
        .isInstanceOf(DhcpParseException.class).hasMessageContaining("runs past the end");
  }

  @Test
  void relayAgentInformationTreatsZeroAndTwoFiftyFiveAsOrdinaryCodes() {
    byte[] value = {1, 2, 'a', 'b', (byte) 255, 1, 7, 2, 0};
    RelayAgentInformation info = DhcpOptionType.RELAY_AGENT_INFORMATION.decode(value);
    assertThat(info.subOptions()).extracting(SubOption::code).containsExactly(1, 255, 2);
    assertThat(info.get(RelayAgentInformation.CIRCUIT_ID).orElseThrow().value())
        .containsExactly('a', 'b');
    assertThat(DhcpOptionType.RELAY_AGENT_INFORMATION.encode(info)).isEqualTo(value);
  }

  @Test
  void simpleTypesCheckTheirLengths() {
    assertThatThrownBy(() -> DhcpOptionType.SUBNET_MASK.decode(new byte[3]))
        .isInstanceOf(DhcpParseException.class).hasMessageContaining("4 bytes are required");
    assertThatThrownBy(() -> DhcpOptionType.ROUTERS.decode(new byte[6]))
        .isInstanceOf(DhcpParseException.class);
    assertThatThrownBy(() -> DhcpOptionType.CLIENT_SYSTEM_ARCHITECTURE.decode(new byte[3]))
        .isInstanceOf(DhcpParseException.class);
    assertThat(DhcpOptionType.CLIENT_SYSTEM_ARCHITECTURE.decode(new byte[] {0, 7, 0, 9}))
        .containsExactly(ClientArchitecture.X64_UEFI, ClientArchitecture.EBC);
    assertThat(DhcpOptionType.PXELINUX_REBOOT_TIME.decode(new byte[] {0, 0, 1, 0})).isEqualTo(256L);
    assertThat(DhcpOptionType.HOST_NAME.decode(new byte[] {'p', 'c', 0, 0})).isEqualTo("pc");
    assertThatThrownBy(() -> DhcpOptionType.MAXIMUM_MESSAGE_SIZE.encode(70_000))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected: 0-65535");
  }

  @Test
  void describeShowsTypedValuesAndFlagsMalformedOnes() {
    assertThat(DhcpOptionType.describe(DhcpOption.of(DhcpOptionCode.MESSAGE_TYPE, new byte[] {1})))
        .isEqualTo("DISCOVER(1)");
    assertThat(DhcpOptionType.describe(DhcpOption.of(DhcpOptionCode.SUBNET_MASK, new byte[] {1})))
        .isEqualTo("01 (malformed: length 1 where 4 bytes are required at 0)");
    assertThat(DhcpOptionType.describe(DhcpOption.of(DhcpOptionCode.valueOf(250), new byte[] {1, 2})))
        .isEqualTo("0102");
    assertThat(DhcpOptionType.describe(DhcpOption.of(DhcpOptionCode.ROUTERS,
        new byte[] {10, 0, 0, 1, 10, 0, 0, 2}))).isEqualTo("[10.0.0.1, 10.0.0.2]");
    assertThat(DhcpOptionType.describe(DhcpOption.of(DhcpOptionCode.SERVER_IDENTIFIER,
        new byte[] {10, 77, 0, 2}))).isEqualTo("10.77.0.2");
  }

  @Test
  void optionsKeepTheirPlaceWhenReplaced() {
    DhcpOptions options = DhcpOptions.builder()
        .set(DhcpOptionType.MESSAGE_TYPE, DhcpMessageType.OFFER)
        .set(DhcpOptionType.HOST_NAME, "a")
        .set(DhcpOptionType.MESSAGE_TYPE, DhcpMessageType.ACK)
        .build();
    assertThat(options.asList()).extracting(DhcpOption::code)
        .containsExactly(DhcpOptionCode.MESSAGE_TYPE, DhcpOptionCode.HOST_NAME);
    assertThat(options.get(DhcpOptionType.MESSAGE_TYPE)).contains(DhcpMessageType.ACK);
    assertThatThrownBy(() -> DhcpOption.of(DhcpOptionCode.OPTION_OVERLOAD, new byte[] {1}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("codec writes those");
    assertThat(List.of(DhcpOptionCode.END.isFraming(), DhcpOptionCode.PAD.isFraming()))
        .containsOnly(true);
  }
}
