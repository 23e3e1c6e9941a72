package dev.netboot.server.internal;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** Dotted-quad literals to addresses without a name lookup. */
public final class Ipv4Text {
  private Ipv4Text() {}

  /**
   * Parses a dotted-quad literal.
   *
   * @throws IllegalArgumentException if it is not one
   */
  public static Inet4Address parse(String text) {
    String[] parts = text.split("\\.", -1);
    if (parts.length != 4) {
      throw new IllegalArgumentException("address: " + text + " (expected: a.b.c.d)");
    }
    byte[] bytes = new byte[4];
    for (int i = 0; i < 4; i++) {
      int v;
      try {
        v = Integer.parseInt(parts[i]);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("address: " + text + " (expected: a.b.c.d)", e);
      }
      if (v < 0 || v > 255) {
        throw new IllegalArgumentException("address: " + text + " (expected: a.b.c.d, 0-255)");
      }
      bytes[i] = (byte) v;
    }
    try {
      return (Inet4Address) InetAddress.getByAddress(bytes);
    } catch (UnknownHostException e) {
      throw new AssertionError(e); // four bytes are always a valid address
    }
  }
}
