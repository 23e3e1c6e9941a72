package dev.netboot.pxe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.netboot.dhcp.DhcpMessage;
import dev.netboot.dhcp.DhcpOptionCode;
import dev.netboot.dhcp.DhcpParseException;
import dev.netboot.dhcp.SubOption;
import java.net.InetAddress;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class PxeOptionsTest {
  /** dnsmasq's menu-trick option 43, as written by hand from PXE 2.1 table 2-1. */
  private static final String MENU_TRICK =
      "060103" + "0a0400505845" + "08078000010a4d0002" + "0912" + "8000" + "0f"
          + "6e6574626f6f742063617074757265" + "ff";

  private static byte[] hex(String s) {
    return HexFormat.of().parseHex(s);
  }

  @Test
  void decodesEveryTypedSubOptionOfAMenuOffer() throws Exception {
    PxeOptions o = PxeOptions.decode(hex(MENU_TRICK));
    assertThat(o.discoveryControl()).contains(DiscoveryControl.of(
        DiscoveryControl.DISABLE_BROADCAST, DiscoveryControl.DISABLE_MULTICAST));
    assertThat(o.menuPrompt()).contains(new MenuPrompt(0, "PXE"));
    assertThat(o.bootServers()).containsExactly(new BootServer(
        BootServerType.VENDOR_FIRST, List.of((java.net.Inet4Address) InetAddress.getByName("10.77.0.2"))));
    assertThat(o.bootMenu()).containsExactly(
        new BootMenuItem(BootServerType.VENDOR_FIRST, "netboot capture"));
    assertThat(o.encode()).isEqualTo(hex(MENU_TRICK));
  }

  @Test
  void bootItemRequestRoundTrips() {
    PxeOptions o = PxeOptions.decode(hex("470480000000ff"));
    assertThat(o.bootItem()).contains(new BootItem(BootServerType.VENDOR_FIRST, 0));
    assertThat(o.encode()).isEqualTo(hex("470480000000ff"));
    BootItem credentials = new BootItem(BootServerType.valueOf(0x8001), 0x8002);
    assertThat(credentials.wantsCredentials()).isTrue();
    assertThat(credentials.layerNumber()).isEqualTo(2);
  }

  @Test
  void mtftpAndMulticastSubOptionsAreTyped() throws Exception {
    PxeOptions o = PxeOptions.builder()
        .mtftpAddress((java.net.Inet4Address) InetAddress.getByName("224.1.2.3"))
        .mtftpPorts(1758, 1759).mtftpTimeouts(2, 3)
        .discoveryMulticastAddress((java.net.Inet4Address) InetAddress.getByName("224.0.1.2"))
        .build();
    PxeOptions back = PxeOptions.decode(o.encode());
    assertThat(back).isEqualTo(o);
    assertThat(back.mtftpAddress().orElseThrow().getHostAddress()).isEqualTo("224.1.2.3");
    assertThat(back.mtftpClientPort()).contains(1758);
    assertThat(back.mtftpServerPort()).contains(1759);
    assertThat(back.mtftpTimeout()).contains(2);
    assertThat(back.mtftpDelay()).contains(3);
    assertThat(back.discoveryMulticastAddress().orElseThrow().getHostAddress())
        .isEqualTo("224.0.1.2");
  }

  @Test
  void unknownAndVendorSubOptionsAreKeptInOrder() {
    byte[] wire = hex("0c020102" + "0601" + "08" + "b403aabbcc" + "ff");
    PxeOptions o = PxeOptions.decode(wire);
    assertThat(o.subOptions()).extracting(SubOption::code).containsExactly(12, 6, 180);
    assertThat(o.vendorSubOptions()).containsExactly(SubOption.of(180, hex("aabbcc")));
    assertThat(o.discoveryControl().orElseThrow().has(DiscoveryControl.USE_BOOT_FILE)).isTrue();
    assertThat(o.encode()).isEqualTo(wire);
  }

  @Test
  void padsAreDroppedAndAMissingEndIsKeptMissing() {
    assertThat(PxeOptions.decode(hex("00060108ff")).encode()).isEqualTo(hex("060108ff"));
    assertThat(PxeOptions.decode(hex("060108")).encode()).isEqualTo(hex("060108"));
  }

  @Test
  void malformedInputRaisesTheParseExceptionWithTheOffset() {
    assertThatThrownBy(() -> PxeOptions.decode(hex("0605")))
        .isInstanceOf(PxeParseException.class)
        .satisfies(e -> assertThat(((PxeParseException) e).offset()).isEqualTo(0));
    assertThatThrownBy(() -> PxeOptions.decode(hex("060108" + "47030102ff")))
        .isInstanceOf(PxeParseException.class)
        .satisfies(e -> assertThat(((PxeParseException) e).offset()).isEqualTo(5));
    assertThatThrownBy(() -> PxeOptions.decode(hex("0904" + "8000" + "05" + "41")))
        .isInstanceOf(PxeParseException.class)
        .satisfies(e -> assertThat(((PxeParseException) e).offset()).isEqualTo(2));
    assertThatThrownBy(() -> PxeOptions.decode(hex("0804" + "8000" + "02" + "0a")))
        .isInstanceOf(PxeParseException.class);
    assertThatThrownBy(() -> PxeOptions.decode(hex("0a00")))
        .isInstanceOf(PxeParseException.class);
  }

  @Test
  void theDhcpOptionTypeReportsMalformedBytesAsADhcpParseException() {
    DhcpMessage m = DhcpMessage.builder()
        .option(dev.netboot.dhcp.DhcpOption.of(DhcpOptionCode.VENDOR_SPECIFIC, hex("4702")))
        .build();
    assertThatThrownBy(() -> m.option(PxeOptions.OPTION_TYPE))
        .isInstanceOf(DhcpParseException.class);
    DhcpMessage good = m.toBuilder().option(PxeOptions.OPTION_TYPE,
        PxeOptions.builder().bootItem(new BootItem(BootServerType.VENDOR_FIRST, 0)).build()).build();
    assertThat(good.option(PxeOptions.OPTION_TYPE).orElseThrow().bootItem()).isPresent();
  }

  @Test
  void builderRejectsWhatTheWireCannotCarry() {
    assertThatThrownBy(() -> PxeOptions.builder().set(71, new byte[3]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected");
    assertThatThrownBy(() -> PxeOptions.builder().vendor(100, new byte[1]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("128-254");
    assertThatThrownBy(() -> new MenuPrompt(256, ""))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new BootMenuItem(BootServerType.VENDOR_FIRST, "\u20ac"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void settingACodeAgainReplacesItInPlace() {
    PxeOptions o = PxeOptions.builder()
        .discoveryControl(DiscoveryControl.of(DiscoveryControl.DISABLE_BROADCAST))
        .menuPrompt(new MenuPrompt(5, "x"))
        .discoveryControl(DiscoveryControl.of(DiscoveryControl.USE_BOOT_FILE))
        .build();
    assertThat(o.subOptions()).extracting(SubOption::code).containsExactly(6, 10);
    assertThat(o.discoveryControl()).contains(new DiscoveryControl(8));
    assertThat(o.toString()).contains("USE_BOOT_FILE").contains("MENU_PROMPT");
  }
}
