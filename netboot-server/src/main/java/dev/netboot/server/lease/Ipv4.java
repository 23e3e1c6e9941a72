package dev.netboot.server.lease;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;

/** IPv4 addresses as unsigned 32-bit ints, so that ranges and masks are plain arithmetic. */
final class Ipv4 {
  private Ipv4() {}

  static int toInt(Inet4Address address) {
    byte[] b = address.getAddress();
    return (b[0] & 0xff) << 24 | (b[1] & 0xff) << 16 | (b[2] & 0xff) << 8 | (b[3] & 0xff);
  }

  static Inet4Address of(int value) {
    byte[] b = {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
    try {
      return (Inet4Address) InetAddress.getByAddress(b);
    } catch (UnknownHostException e) {
      throw new AssertionError("four bytes are always an IPv4 address", e);
    }
  }

  static String text(int value) {
    return (value >>> 24) + "." + (value >>> 16 & 0xff) + "." + (value >>> 8 & 0xff) + "."
        + (value & 0xff);
  }

  static long unsigned(int value) {
    return Integer.toUnsignedLong(value);
  }

  /** The key under which the lease logic files a hardware address: lowercase hex with colons. */
  static String macText(byte[] mac) {
    return HexFormat.ofDelimiter(":").formatHex(mac);
  }
}
