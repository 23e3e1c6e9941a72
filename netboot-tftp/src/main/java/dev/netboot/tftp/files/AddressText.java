package dev.netboot.tftp.files;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Locale;

/** The client-address forms of tftp-hpa's {@code \i} and {@code \x} replacement escapes. */
final class AddressText {
  private AddressText() {}

  /**
   * Returns the address as {@code inet_ntop} writes it: dotted quad, or IPv6 with the longest
   * run of two or more zero groups as {@code ::} (RFC 5952 section 4.2). The JDK never
   * compresses, and rules written for tftp-hpa match the compressed form.
   */
  static String text(InetAddress address) {
    if (!(address instanceof Inet6Address)) {
      return address.getHostAddress();
    }
    byte[] bytes = address.getAddress();
    int[] groups = new int[8];
    for (int i = 0; i < 8; i++) {
      groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
    }
    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < 8; i++) {
      int length = 0;
      while (i + length < 8 && groups[i + length] == 0) {
        length++;
      }
      if (length > bestLength) {
        bestStart = i;
        bestLength = length;
      }
    }
    StringBuilder out = new StringBuilder(39);
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        out.append(i == 0 ? "::" : ":");
        i += bestLength - 1;
        continue;
      }
      out.append(Integer.toHexString(groups[i]));
      if (i < 7) {
        out.append(':');
      }
    }
    return out.toString();
  }

  /** Returns the address bytes as upper-case hex: {@code C00002A9} for 192.0.2.169. */
  static String hex(InetAddress address) {
    StringBuilder out = new StringBuilder(32);
    for (byte b : address.getAddress()) {
      out.append(String.format(Locale.ROOT, "%02X", b & 0xff));
    }
    return out.toString();
  }
}
