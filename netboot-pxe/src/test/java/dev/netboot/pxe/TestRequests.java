package dev.netboot.pxe;

import dev.netboot.dhcp.ClientArchitecture;
import dev.netboot.dhcp.DhcpMessage;
import dev.netboot.dhcp.DhcpMessageType;
import dev.netboot.dhcp.DhcpOptionType;
import dev.netboot.dhcp.VendorClass;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Hand-built requests for the cases the captures do not cover. */
final class TestRequests {
  static final byte[] MAC = {0x52, 0x54, 0, 0x12, 0x34, 0x56};

  private TestRequests() {}

  static DhcpMessage discover(String vendorClass, ClientArchitecture arch) {
    return DhcpMessage.builder().transactionId(0x11223344).hardwareAddress(MAC)
        .option(DhcpOptionType.MESSAGE_TYPE, DhcpMessageType.DISCOVER)
        .option(DhcpOptionType.VENDOR_CLASS_IDENTIFIER, VendorClass.of(vendorClass))
        .option(DhcpOptionType.CLIENT_SYSTEM_ARCHITECTURE, List.of(arch))
        .build();
  }

  static Inet4Address ip(String text) {
    try {
      return (Inet4Address) InetAddress.getByName(text);
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }
}
