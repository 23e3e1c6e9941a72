package dev.netboot.dhcp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;

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
  static final int FILE_OFFSET = 108;

  private DhcpMessageDecoder() {}

  /**
   * Decodes the readable bytes of {@code buf}; the buffer's indexes are left as they were.
   *
   * @throws DhcpParseException if the bytes are not a well-formed DHCP message
   */
  public static DhcpMessage decode(ByteBuf buf) {
    int base = buf.readerIndex();
    int length = buf.readableBytes();
    if (length > MAX_MESSAGE_LENGTH) {
      throw new DhcpParseException(
          "message of " + length + " bytes is longer than " + MAX_MESSAGE_LENGTH, 0);
    }
    if (length < HEADER_LENGTH) {
      throw new DhcpParseException(
          "truncated header: " + length + " bytes, at least " + HEADER_LENGTH + " required",
          length);
    }
    int xid = buf.getInt(base + 4);
    try {
      return decode(buf, base, length);
    } catch (DhcpParseException e) {
      throw e.withTransactionId(xid);
    }
  }

  /**
   * Decodes a whole message held in {@code bytes}.
   *
   * @throws DhcpParseException if the bytes are not a well-formed DHCP message
   */
  public static DhcpMessage decode(byte[] bytes) {
    return decode(Unpooled.wrappedBuffer(bytes));
  }

  private static DhcpMessage decode(ByteBuf buf, int base, int length) {
    int op = buf.getUnsignedByte(base);
    if (op != 1 && op != 2) {
      throw new DhcpParseException("op " + op + " is neither BOOTREQUEST (1) nor BOOTREPLY (2)", 0);
    }
    int hlen = buf.getUnsignedByte(base + 2);
    if (hlen > DhcpMessage.MAX_HARDWARE_ADDRESS_LENGTH) {
      throw new DhcpParseException("hlen " + hlen + " is larger than chaddr (16)", 2);
    }
    if (length < OPTIONS_OFFSET) {
      throw new DhcpParseException("no magic cookie: message ends at " + length, length);
    }
    int cookie = buf.getInt(base + HEADER_LENGTH);
    if (cookie != MAGIC_COOKIE) {
      throw new DhcpParseException(
          String.format("bad magic cookie 0x%08x (expected 0x%08x)", cookie, MAGIC_COOKIE),
          HEADER_LENGTH);
    }
    OptionAreaReader reader = OptionAreaReader.forMessage(buf, base);
    int overload = reader.readArea(OPTIONS_OFFSET, length, true);
    if ((overload & OptionAreaReader.OVERLOAD_FILE) != 0) {
      reader.readArea(FILE_OFFSET, FILE_OFFSET + DhcpMessage.BOOT_FILE_NAME_LENGTH, false);
    }
    if ((overload & OptionAreaReader.OVERLOAD_SNAME) != 0) {
      reader.readArea(SNAME_OFFSET, SNAME_OFFSET + DhcpMessage.SERVER_NAME_LENGTH, false);
    }
    byte[] chaddr = new byte[hlen];
    buf.getBytes(base + 28, chaddr);
    String sname =
        (overload & OptionAreaReader.OVERLOAD_SNAME) != 0
            ? ""
            : field(buf, base + SNAME_OFFSET, DhcpMessage.SERVER_NAME_LENGTH);
    String file =
        (overload & OptionAreaReader.OVERLOAD_FILE) != 0
            ? ""
            : field(buf, base + FILE_OFFSET, DhcpMessage.BOOT_FILE_NAME_LENGTH);
    return DhcpMessage.builder()
        .op(op == 1 ? DhcpOp.BOOTREQUEST : DhcpOp.BOOTREPLY)
        .hardwareType(HardwareType.valueOf(buf.getUnsignedByte(base + 1)))
        .hops(buf.getUnsignedByte(base + 3))
        .transactionId(buf.getInt(base + 4))
        .seconds(buf.getUnsignedShort(base + 8))
        .flags(buf.getUnsignedShort(base + 10))
        .addressBits(
            buf.getInt(base + 12), buf.getInt(base + 16), buf.getInt(base + 20),
            buf.getInt(base + 24))
        .hardwareAddressUnsafe(chaddr)
        .fieldsUnchecked(sname, file)
        .options(reader.options())
        .build();
  }

  /** Reads a NUL-terminated field; bytes after the first NUL are padding and are not kept. */
  private static String field(ByteBuf buf, int offset, int size) {
    int end = buf.indexOf(offset, offset + size, (byte) 0);
    int length = end < 0 ? size : end - offset;
    return length == 0 ? "" : buf.toString(offset, length, StandardCharsets.ISO_8859_1);
  }
}
