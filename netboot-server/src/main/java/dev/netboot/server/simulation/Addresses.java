package dev.netboot.server.simulation;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;
import java.util.Locale;

/** IPv4 and MAC address helpers of the simulation. */
final class Addresses {
  /** 0.0.0.0: "no address" in a DHCP header field. */
  static final Inet4Address ZERO = ipv4(new byte[4]);

  private Addresses() {}

  static Inet4Address ipv4(byte[] bytes) {
    try {
      return (Inet4Address) InetAddress.getByAddress(bytes);
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  /**
   * Parses {@code 52:54:00:12:34:56} or {@code 52-54-00-12-34-56}.
   *
   * @throws IllegalArgumentException if it is not six hex octets
   */
  static byte[] parseMac(String text) {
    String hex = text.replace(":", "").replace("-", "");
    if (hex.length() != 12 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
      throw new IllegalArgumentException(
          "MAC address: \"" + text + "\" (expected: six hex octets as 52:54:00:12:34:56)");
    }
    return HexFormat.of().parseHex(hex.toLowerCase(Locale.ROOT));
  }

  static String macText(byte[] mac) {
    return HexFormat.ofDelimiter(":").formatHex(mac);
  }
}
