package dev.netboot.cli.dhcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netboot.dhcp.DhcpMessage;
import dev.netboot.dhcp.DhcpMessageType;
import dev.netboot.dhcp.DhcpOption;
import dev.netboot.dhcp.DhcpOptionCode;
import dev.netboot.dhcp.DhcpOptionType;
import dev.netboot.dhcp.DhcpOp;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;

class DhcpMessageDumpTest {
  @Test
  void showsAddressesWithoutInetAddressSlash() throws UnknownHostException {
    DhcpMessage ack =
        DhcpMessage.builder()
            .op(DhcpOp.BOOTREPLY)
            .yourAddress(ipv4("10.0.0.5"))
            .option(DhcpOptionType.MESSAGE_TYPE, DhcpMessageType.ACK)
            .option(DhcpOptionType.SERVER_IDENTIFIER, ipv4("10.0.0.1"))
            .option(DhcpOptionType.ROUTERS, List.of(ipv4("10.0.0.1"), ipv4("10.0.0.2")))
            .build();

    assertThat(DhcpMessageDump.format(ack))
        .contains(
            "yiaddr: 10.0.0.5",
            "   54 SERVER_IDENTIFIER (4): 10.0.0.1\n",
            "    3 ROUTERS (8): 10.0.0.1, 10.0.0.2\n")
        .doesNotContain("/10.");
  }

  @Test
  void showsTimesInSecondsAndReadably() {
    DhcpMessage ack =
        DhcpMessage.builder()
            .option(DhcpOptionType.IP_ADDRESS_LEASE_TIME, 0xFFFF_FFFFL)
            .option(DhcpOptionType.RENEWAL_TIME, 90_061L)
            .option(DhcpOptionType.REBINDING_TIME, 59L)
            .build();

    assertThat(DhcpMessageDump.format(ack))
        .contains(
            "   51 IP_ADDRESS_LEASE_TIME (4): 4294967295 (infinite)\n",
            "   58 RENEWAL_TIME (4): 90061 s (1d1h1m1s)\n",
            "   59 REBINDING_TIME (4): 59 s\n");
  }

  @Test
  void showsAMalformedOptionsBytesAndWhy() {
    // Option 93 holds 16-bit architecture codes; one byte cannot be one.
    DhcpMessage m =
        DhcpMessage.builder()
            .option(DhcpOption.of(DhcpOptionCode.CLIENT_SYSTEM_ARCHITECTURE, new byte[] {7}))
            .option(DhcpOption.of(DhcpOptionCode.IPXE_ENCAPSULATED, new byte[] {(byte) 0xEB, 9}))
            .build();

    assertThat(DhcpMessageDump.format(m))
        .contains("   93 CLIENT_SYSTEM_ARCHITECTURE (1): 07 (malformed: ")
        .contains("  175 IPXE_ENCAPSULATED (2): eb09 (malformed: ");
  }

  @Test
  void showsUnknownOptionsAsHex() {
    DhcpMessage m =
        DhcpMessage.builder()
            .option(DhcpOption.of(DhcpOptionCode.valueOf(224), new byte[] {1, 2, (byte) 0xFF}))
            .build();

    assertThat(DhcpMessageDump.format(m)).endsWith("options (1):\n  224 UNKNOWN (3): 0102ff\n");
  }

  @Test
  void flagsReservedBitsAndBroadcast() {
    assertThat(DhcpMessageDump.format(DhcpMessage.builder().flags(0x8001).build()))
        .contains("flags: 0x8001 (broadcast, reserved bits 0x0001 set)\n");
    assertThat(DhcpMessageDump.format(DhcpMessage.builder().broadcast(true).build()))
        .contains("flags: 0x8000 (broadcast)\n");
  }

  @Test
  void quotesTextFieldsUnambiguously() {
    assertThat(DhcpMessageDump.quoted("pxelinux.0")).isEqualTo("\"pxelinux.0\"");
    assertThat(DhcpMessageDump.quoted("a\"b\\c\u0001\u00e9"))
        .isEqualTo("\"a\\\"b\\\\c\\x01\\xe9\"");
  }

  private static Inet4Address ipv4(String literal) throws UnknownHostException {
    return (Inet4Address) InetAddress.getByName(literal);
  }
}
