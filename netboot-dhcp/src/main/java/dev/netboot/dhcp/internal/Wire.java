package dev.netboot.dhcp.internal;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;

/** Small conversions between wire bytes and Java values, shared by the option types. */
public final class Wire {
  private Wire() {}

  /** Returns the IPv4 address held by the 32 bits of {@code address}. */
  public static Inet4Address ipv4(int address) {
    byte[] b = {
      (byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address
    };
    return ipv4(b, 0);
  }

  /** Returns the IPv4 address held by four bytes of {@code bytes} from {@code offset}. */
  public static Inet4Address ipv4(byte[] bytes, int offset) {
    byte[] b = {bytes[offset], bytes[offset + 1], bytes[offset + 2], bytes[offset + 3]};
    try {
      return (Inet4Address) InetAddress.getByAddress(b);
    } catch (UnknownHostException e) {
      throw new AssertionError("four bytes always make an IPv4 address", e);
    }
  }

  /** Returns the 32 bits of an IPv4 address. */
  public static int ipv4Bits(Inet4Address address) {
    byte[] b = address.getAddress();
    return (b[0] & 0xFF) << 24 | (b[1] & 0xFF) << 16 | (b[2] & 0xFF) << 8 | b[3] & 0xFF;
  }

  /** Reads a big-endian unsigned 16-bit number. */
  public static int uint16(byte[] b, int offset) {
    return (b[offset] & 0xFF) << 8 | b[offset + 1] & 0xFF;
  }

  /** Reads a big-endian unsigned 32-bit number. */
  public static long uint32(byte[] b, int offset) {
    return ((long) (b[offset] & 0xFF) << 24
        | (b[offset + 1] & 0xFF) << 16
        | (b[offset + 2] & 0xFF) << 8
        | b[offset + 3] & 0xFF);
  }

  /**
   * Decodes option text. DHCP text is NVT ASCII (RFC 2132 section 2); ISO-8859-1 maps every byte
   * to one char and back, so nothing a client sends is lost. Trailing NULs, which RFC 2132 says a
   * receiver must strip, are dropped.
   */
  public static String text(byte[] b, int offset, int length) {
    int end = offset + length;
    while (end > offset && b[end - 1] == 0) {
      end--;
    }
    return new String(b, offset, end - offset, StandardCharsets.ISO_8859_1);
  }

  /**
   * Encodes option text, one byte per char.
   *
   * @throws IllegalArgumentException if a char is above U+00FF or the text ends with NUL
   */
  public static byte[] text(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) > 0xFF) {
        throw new IllegalArgumentException(
            "text: char U+" + Integer.toHexString(s.charAt(i)) + " at " + i
                + " (expected: one byte per char, U+0000-U+00FF)");
      }
    }
    if (!s.isEmpty() && s.charAt(s.length() - 1) == 0) {
      throw new IllegalArgumentException("text ends with NUL (expected: no trailing NUL)");
    }
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }
}
