package dev.netboot.dhcp;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Decodes DHCP and BOOTP messages (RFC 2131, RFC 2132, RFC 3396). Pure: it reads bytes and
 * returns a value, nothing else.
 *
 * <p>Every malformed input raises {@link DhcpParseException} with the offset of the fault; no
 * other exception escapes, nothing loops, and the memory allocated is proportional to the input.
 * What is accepted: a header of at least 236 bytes with op 1 or 2 and {@code hlen} at most 16,
 * the magic cookie, and options that each fit in their area. What is tolerated, because real
 * clients do it: a missing end option, bytes after it, an option split into several instances
 * (concatenated, RFC 3396), and options overloaded into {@code file} and {@code sname}.
 */
public final class DhcpMessageDecoder {
  /** The DHCP magic cookie, 99.130.83.99 (RFC 2131 section 3). */
  public static final int MAGIC_COOKIE = 0x63825363;
  /** The size of the fixed BOOTP header, up to the cookie. */
  public static final int HEADER_LENGTH = 236;
  /** Where the options begin: after the header and the cookie. */
  public static final int OPTIONS_OFFSET = HEADER_LENGTH + 4;
  /** The largest message decoded: the largest UDP payload over IPv4. */
  public static final int MAX_MESSAGE_LENGTH = 65_507;

  static final int SNAME_OFFSET = 44;
  static final int SNAME_END = SNAME_OFFSET + DhcpMessage.SERVER_NAME_LENGTH;
  static final int FILE_OFFSET = 108;
  static final int FILE_END = FILE_OFFSET + DhcpMessage.BOOT_FILE_NAME_LENGTH;

  private static final byte[] NO_ADDRESS = new byte[0];

  private DhcpMessageDecoder() {}

  /**
   * Decodes the readable bytes of {@code buf}; the buffer's indexes are left as they were.
   *
   * @throws DhcpParseException if the bytes are not a well-formed DHCP message
   */
  public static DhcpMessage decode(ByteBuf buf) {
    int length = checkLength(buf.readableBytes());
    byte[] packet = new byte[length];
    buf.getBytes(buf.readerIndex(), packet);
    return decodeOwned(packet);
  }

  /**
   * Decodes a whole message held in {@code bytes}; the array is copied, not kept.
   *
   * @throws DhcpParseException if the bytes are not a well-formed DHCP message
   */
  public static DhcpMessage decode(byte[] bytes) {
    checkLength(bytes.length);
    return decodeOwned(bytes.clone());
  }

  private static int checkLength(int length) {
    if (length > MAX_MESSAGE_LENGTH) {
      throw new DhcpParseException(
          "message of " + length + " bytes is longer than " + MAX_MESSAGE_LENGTH, 0);
    }
    if (length < HEADER_LENGTH) {
      throw new DhcpParseException(
          "truncated header: " + length + " bytes, at least " + HEADER_LENGTH + " required",
          length);
    }
    return length;
  }

  /** Decodes a packet array that the message may keep: its options point into it. */
  private static DhcpMessage decodeOwned(byte[] p) {
    int xid = int32(p, 4);
    try {
      return decodeChecked(p);
    } catch (DhcpParseException e) {
      throw e.withTransactionId(xid);
    }
  }

  private static DhcpMessage decodeChecked(byte[] p) {
    int op = p[0] & 0xFF;
    if (op != 1 && op != 2) {
      throw new DhcpParseException("op " + op + " is neither BOOTREQUEST (1) nor BOOTREPLY (2)", 0);
    }
    int hlen = p[2] & 0xFF;
    if (hlen > DhcpMessage.MAX_HARDWARE_ADDRESS_LENGTH) {
      throw new DhcpParseException("hlen " + hlen + " is larger than chaddr (16)", 2);
    }
    if (p.length < OPTIONS_OFFSET) {
      throw new DhcpParseException("no magic cookie: message ends at " + p.length, p.length);
    }
    int cookie = int32(p, HEADER_LENGTH);
    if (cookie != MAGIC_COOKIE) {
      throw new DhcpParseException(
          String.format("bad magic cookie 0x%08x (expected 0x%08x)", cookie, MAGIC_COOKIE),
          HEADER_LENGTH);
    }
    OptionAreaReader reader = OptionAreaReader.forPacket(p);
    DhcpOptions options = reader.read();
    int overload = reader.overload();
    byte[] chaddr = hlen == 0 ? NO_ADDRESS : Arrays.copyOfRange(p, 28, 28 + hlen);
    String sname = (overload & OptionAreaReader.OVERLOAD_SNAME) != 0
        ? "" : field(p, SNAME_OFFSET, SNAME_END);
    String file = (overload & OptionAreaReader.OVERLOAD_FILE) != 0
        ? "" : field(p, FILE_OFFSET, FILE_END);
    return new DhcpMessage(
        op == 1 ? DhcpOp.BOOTREQUEST : DhcpOp.BOOTREPLY,
        HardwareType.valueOf(p[1] & 0xFF),
        p[3] & 0xFF,
        int32(p, 4),
        (p[8] & 0xFF) << 8 | p[9] & 0xFF,
        (p[10] & 0xFF) << 8 | p[11] & 0xFF,
        int32(p, 12), int32(p, 16), int32(p, 20), int32(p, 24),
        chaddr, sname, file, options);
  }

  private static int int32(byte[] p, int at) {
    return (p[at] & 0xFF) << 24 | (p[at + 1] & 0xFF) << 16 | (p[at + 2] & 0xFF) << 8
        | p[at + 3] & 0xFF;
  }

  /** Reads a NUL-terminated field; bytes after the first NUL are padding and are not kept. */
  private static String field(byte[] p, int from, int to) {
    int end = from;
    while (end < to && p[end] != 0) {
      end++;
    }
    return end == from ? "" : new String(p, from, end - from, StandardCharsets.ISO_8859_1);
  }
}
