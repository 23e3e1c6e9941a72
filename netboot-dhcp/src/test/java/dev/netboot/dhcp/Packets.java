package dev.netboot.dhcp;

import java.util.Arrays;

/** Hand-assembled packets for decoder tests: a valid header and an option area of our choice. */
final class Packets {
  private Packets() {}

  /** Returns a BOOTREQUEST header with cookie, xid 0x01020304, MAC 52:54:00:00:00:01, then {@code options}. */
  static byte[] request(int... options) {
    byte[] p = new byte[240 + options.length];
    p[0] = 1;
    p[1] = 1;
    p[2] = 6;
    p[4] = 1;
    p[5] = 2;
    p[6] = 3;
    p[7] = 4;
    byte[] mac = {0x52, 0x54, 0, 0, 0, 1};
    System.arraycopy(mac, 0, p, 28, 6);
    p[236] = 0x63;
    p[237] = (byte) 0x82;
    p[238] = 0x53;
    p[239] = 0x63;
    for (int i = 0; i < options.length; i++) {
      p[240 + i] = (byte) options[i];
    }
    return p;
  }

  /** Returns {@code packet} with {@code bytes} written at {@code offset}. */
  static byte[] with(byte[] packet, int offset, int... bytes) {
    byte[] p = Arrays.copyOf(packet, Math.max(packet.length, offset + bytes.length));
    for (int i = 0; i < bytes.length; i++) {
      p[offset + i] = (byte) bytes[i];
    }
    return p;
  }
}
