package dev.netboot.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.netboot.dhcp.DhcpMessage;
import dev.netboot.dhcp.DhcpMessageDecoder;
import dev.netboot.dhcp.DhcpMessageEncoder;
import dev.netboot.dhcp.DhcpMessageType;
import dev.netboot.dhcp.DhcpOptionType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.dhcp4java.DHCPPacket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SamplePacketTest {
  /** The capture PXE_DISCOVER mirrors, relative to this module (surefire's working directory). */
  private static final Path SEABIOS_DISCOVER =
      Path.of("../netboot-dhcp/src/test/resources/dhcp/captures/seabios-ipxe-rom/"
          + "001-client-DISCOVER.hex");

  @Test
  void pxeDiscoverIsTheCapturedOneButForXidAndSecs() throws IOException {
    assumeTrue(Files.exists(SEABIOS_DISCOVER), "capture not found: " + SEABIOS_DISCOVER);
    byte[] captured = HexFormat.of().parseHex(Files.readString(SEABIOS_DISCOVER).strip());
    byte[] ours = SamplePacket.PXE_DISCOVER.wire();

    // xid and secs differ from capture run to capture run (captures/README.md).
    System.arraycopy(captured, 4, ours, 4, 6);
    assertThat(HexFormat.of().formatHex(ours)).isEqualTo(HexFormat.of().formatHex(captured));
  }

  @Test
  void proxyOfferCarriesWhatProxyDhcpSends() {
    DhcpMessage offer = DhcpMessageDecoder.decode(SamplePacket.PROXY_DHCP_OFFER.wire());

    assertThat(offer.messageType()).isEqualTo(DhcpMessageType.OFFER);
    assertThat(offer.yourAddress().getHostAddress()).isEqualTo("0.0.0.0");
    assertThat(offer.serverAddress().getHostAddress()).isEqualTo("10.77.0.2");
    assertThat(offer.bootFileName()).isEqualTo("undionly.kpxe");
    assertThat(offer.option(DhcpOptionType.VENDOR_SPECIFIC))
        .hasValueSatisfying(v -> assertThat(v).containsExactly(6, 1, 8, 0xff));
  }

  @ParameterizedTest
  @EnumSource(SamplePacket.class)
  void bothLibrariesReadAndWriteTheSameBytes(SamplePacket packet) {
    byte[] wire = packet.wire();

    assertThat(DhcpMessageEncoder.toBytes(DhcpMessageDecoder.decode(wire))).isEqualTo(wire);
    assertThat(DHCPPacket.getPacket(wire, 0, wire.length, true).serialize()).isEqualTo(wire);
  }
}
