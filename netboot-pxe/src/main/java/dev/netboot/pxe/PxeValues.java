package dev.netboot.pxe;

import java.io.ByteArrayOutputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Reads and writes the values of the sub-options PXE 2.1 defines. Readers throw
 * {@link PxeParseException} with the offset inside the value; {@link PxeOptions} shifts it.
 */
final class PxeValues {
  private PxeValues() {}

  /** Checks that a known sub-option's value is well formed; unknown codes pass. */
  static void validate(int code, byte[] v) {
    switch (code) {
      case 1: case 7:
        exactly(code, v, 4);
        break;
      case 2: case 3:
        exactly(code, v, 2);
        break;
      case 4: case 5: case 6:
        exactly(code, v, 1);
        break;
      case 8:
        bootServers(v);
        break;
      case 9:
        menu(v);
        break;
      case 10:
        prompt(v);
        break;
      case 71:
        bootItem(v);
        break;
      default:
        break;
    }
  }

  static void exactly(int code, byte[] v, int length) {
    if (v.length != length) {
      throw new PxeParseException(
          "sub-option " + code + " has length " + v.length + " where " + length
              + " bytes are required", 0);
    }
  }

  static int uint16(byte[] v, int at) {
    return (v[at] & 0xFF) << 8 | (v[at + 1] & 0xFF);
  }

  static Inet4Address ipv4(byte[] v, int at) {
    try {
      return (Inet4Address) InetAddress.getByAddress(new byte[] {v[at], v[at + 1], v[at + 2], v[at + 3]});
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  static List<BootServer> bootServers(byte[] v) {
    List<BootServer> list = new ArrayList<>();
    int i = 0;
    while (i < v.length) {
      if (i + 3 > v.length) {
        throw new PxeParseException("boot server entry is shorter than its 3-byte header", i);
      }
      int count = v[i + 2] & 0xFF;
      if (i + 3 + 4 * count > v.length) {
        throw new PxeParseException(
            "boot server entry with " + count + " addresses runs past the end", i);
      }
      List<Inet4Address> addresses = new ArrayList<>(count);
      for (int k = 0; k < count; k++) {
        addresses.add(ipv4(v, i + 3 + 4 * k));
      }
      list.add(new BootServer(BootServerType.valueOf(uint16(v, i)), addresses));
      i += 3 + 4 * count;
    }
    return Collections.unmodifiableList(list);
  }

  static byte[] bootServers(List<BootServer> servers) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (BootServer s : servers) {
      writeUint16(out, s.type().code());
      out.write(s.addresses().size());
      for (Inet4Address a : s.addresses()) {
        out.writeBytes(a.getAddress());
      }
    }
    return out.toByteArray();
  }

  static List<BootMenuItem> menu(byte[] v) {
    List<BootMenuItem> list = new ArrayList<>();
    int i = 0;
    while (i < v.length) {
      if (i + 3 > v.length) {
        throw new PxeParseException("menu item is shorter than its 3-byte header", i);
      }
      int length = v[i + 2] & 0xFF;
      if (i + 3 + length > v.length) {
        throw new PxeParseException(
            "menu item description of " + length + " bytes runs past the end", i);
      }
      String text = new String(v, i + 3, length, StandardCharsets.ISO_8859_1);
      list.add(new BootMenuItem(BootServerType.valueOf(uint16(v, i)), text));
      i += 3 + length;
    }
    return Collections.unmodifiableList(list);
  }

  static byte[] menu(List<BootMenuItem> items) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (BootMenuItem item : items) {
      writeUint16(out, item.type().code());
      byte[] text = item.descriptionBytes();
      out.write(text.length);
      out.writeBytes(text);
    }
    return out.toByteArray();
  }

  static MenuPrompt prompt(byte[] v) {
    if (v.length == 0) {
      throw new PxeParseException("menu prompt has no timeout byte", 0);
    }
    return new MenuPrompt(v[0] & 0xFF, new String(v, 1, v.length - 1, StandardCharsets.ISO_8859_1));
  }

  static byte[] prompt(MenuPrompt prompt) {
    byte[] text = prompt.text().getBytes(StandardCharsets.ISO_8859_1);
    byte[] v = new byte[1 + text.length];
    v[0] = (byte) prompt.timeoutSeconds();
    System.arraycopy(text, 0, v, 1, text.length);
    return v;
  }

  static BootItem bootItem(byte[] v) {
    exactly(71, v, 4);
    return new BootItem(BootServerType.valueOf(uint16(v, 0)), uint16(v, 2));
  }

  static byte[] bootItem(BootItem item) {
    int t = item.type().code();
    return new byte[] {(byte) (t >>> 8), (byte) t, (byte) (item.layer() >>> 8), (byte) item.layer()};
  }

  static byte[] uint16(int value) {
    return new byte[] {(byte) (value >>> 8), (byte) value};
  }

  private static void writeUint16(ByteArrayOutputStream out, int value) {
    out.write(value >>> 8);
    out.write(value);
  }
}
