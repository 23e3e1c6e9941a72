package dev.netboot.ipxe.internal;

import dev.netboot.ipxe.SettingType;
import java.math.BigInteger;
import java.nio.charset.Charset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The parse and format functions of iPXE's setting types ({@code src/core/settings.c}): how
 * {@code set name:type value} turns text into stored bytes and how {@code ${name:type}} turns
 * bytes back into text. Empty results stand for iPXE's errors (the reference expands to nothing,
 * the {@code set} fails).
 */
public final class SettingFormats {
  private SettingFormats() {}

  /**
   * Formats stored bytes as iPXE does for {@code type}.
   *
   * @param type the type
   * @param raw the stored bytes
   * @param charset how bytes map to text
   * @return the text, or empty where iPXE's formatter fails
   */
  public static Optional<String> format(SettingType type, byte[] raw, Charset charset) {
    switch (type.name()) {
      case "string", "uristring" -> {
        int end = 0;
        while (end < raw.length && raw[end] != 0) {
          end++;
        }
        return Optional.of(new String(raw, 0, end, charset));
      }
      case "hex" -> {
        return Optional.of(HexFormat.ofDelimiter(":").formatHex(raw));
      }
      case "hexhyp" -> {
        return Optional.of(HexFormat.ofDelimiter("-").formatHex(raw));
      }
      case "hexraw" -> {
        return Optional.of(HexFormat.of().formatHex(raw));
      }
      case "base64" -> {
        return Optional.of(Base64.getEncoder().encodeToString(raw));
      }
      case "ipv4" -> {
        return raw.length < 4 ? Optional.empty() : Optional.of((raw[0] & 0xFF) + "."
            + (raw[1] & 0xFF) + "." + (raw[2] & 0xFF) + "." + (raw[3] & 0xFF));
      }
      case "int8", "int16", "int32" -> {
        return numeric(raw, true).map(v -> Long.toString(v));
      }
      case "uint8", "uint16", "uint32" -> {
        // printf "%#lx": no 0x prefix for zero.
        return numeric(raw, false).map(v -> v == 0 ? "0" : "0x" + Long.toHexString(v));
      }
      case "uuid" -> {
        if (raw.length != 16) {
          return Optional.empty();
        }
        String h = HexFormat.of().formatHex(raw);
        return Optional.of(h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16)
            + "-" + h.substring(16, 20) + "-" + h.substring(20));
      }
      case "busdevfn" -> {
        return numeric(raw, false).map(v -> String.format("%02x:%02x.%x",
            (v >> 8) & 0xFF, (v >> 3) & 0x1F, v & 0x7));
      }
      default -> {
        return Optional.empty();
      }
    }
  }

  /** {@code numeric_setting_value} with a 64-bit {@code long}. */
  private static Optional<Long> numeric(byte[] raw, boolean signed) {
    boolean negative = raw.length > 0 && raw[0] < 0;
    long value = signed && negative ? -1L : 0L;
    byte pad = (byte) value;
    for (int i = 0; i < raw.length; i++) {
      value = (value << 8) | (raw[i] & 0xFF);
      if (i + 8 < raw.length && raw[i] != pad) {
        return Optional.empty();
      }
    }
    return Optional.of(value);
  }

  /**
   * Parses text as {@code set name:type text} would.
   *
   * @param type the type
   * @param text the value text
   * @param charset how text maps to bytes
   * @return the bytes, or empty where iPXE's parser fails or the type has none
   */
  public static Optional<byte[]> parse(SettingType type, String text, Charset charset) {
    try {
      switch (type.name()) {
        case "string", "uristring" -> {
          return Optional.of(text.getBytes(charset));
        }
        case "hex" -> {
          return Optional.of(HexFormat.ofDelimiter(":").parseHex(text));
        }
        case "hexhyp" -> {
          return Optional.of(HexFormat.ofDelimiter("-").parseHex(text));
        }
        case "hexraw" -> {
          return Optional.of(HexFormat.of().parseHex(text));
        }
        case "base64" -> {
          return Optional.of(Base64.getDecoder().decode(text));
        }
        case "ipv4" -> {
          String[] q = text.split("\\.", -1);
          if (q.length != 4) {
            return Optional.empty();
          }
          byte[] b = new byte[4];
          for (int i = 0; i < 4; i++) {
            int v = Integer.parseInt(q[i]);
            if (v < 0 || v > 255) {
              return Optional.empty();
            }
            b[i] = (byte) v;
          }
          return Optional.of(b);
        }
        case "int8", "uint8" -> {
          return strtoul(text).map(v -> bytes(v, 1));
        }
        case "int16", "uint16" -> {
          return strtoul(text).map(v -> bytes(v, 2));
        }
        case "int32", "uint32" -> {
          return strtoul(text).map(v -> bytes(v, 4));
        }
        default -> {
          return Optional.empty();
        }
      }
    } catch (IllegalArgumentException malformed) {
      return Optional.empty();
    }
  }

  /** C's {@code strtoul(text, &end, 0)} that must consume everything, modulo 2^64. */
  private static Optional<Long> strtoul(String text) {
    String t = text.strip();
    boolean minus = false;
    if (t.startsWith("-") || t.startsWith("+")) {
      minus = t.startsWith("-");
      t = t.substring(1);
    }
    int radix = 10;
    if (t.startsWith("0x") || t.startsWith("0X")) {
      radix = 16;
      t = t.substring(2);
    } else if (t.length() > 1 && t.startsWith("0")) {
      radix = 8;
      t = t.substring(1);
    }
    if (t.isEmpty()) {
      return Optional.empty();
    }
    BigInteger v = new BigInteger(t, radix);
    if (minus) {
      v = v.negate();
    }
    return Optional.of(v.longValue());
  }

  private static byte[] bytes(long value, int width) {
    byte[] b = new byte[width];
    for (int i = 0; i < width; i++) {
      b[width - 1 - i] = (byte) (value >>> (8 * i));
    }
    return b;
  }
}
