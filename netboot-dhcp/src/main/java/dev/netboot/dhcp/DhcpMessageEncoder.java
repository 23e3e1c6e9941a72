package dev.netboot.dhcp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * Encodes DHCP messages (RFC 2131, RFC 2132, RFC 3396). Pure: it writes bytes, nothing else.
 *
 * <p>Options longer than 255 bytes are split into consecutive instances (RFC 3396). Options keep
 * their order. The message is padded to the 300-byte BOOTP minimum (RFC 951's 64-byte vendor
 * area), which old relays and PXE ROMs expect.
 *
 * <p>Given a maximum message size (a client's option 57), the encoder never writes more: when the
 * options do not fit in the options field it overloads them into {@code file}, then
 * {@code sname}, whichever of those the message leaves empty (RFC 2131 section 4.1, option 52),
 * and when even that is not enough it refuses with {@link IllegalArgumentException} rather than
 * cut an option.
 */
public final class DhcpMessageEncoder {
  /** The smallest message: the BOOTP header with a 64-byte vendor area (RFC 951, RFC 1542). */
  public static final int MIN_MESSAGE_LENGTH = 300;
  /** The smallest legal option 57 value (RFC 2132 section 9.10): 576 bytes of IP datagram. */
  public static final int MIN_MAX_MESSAGE_SIZE = 576;
  /** The IPv4 and UDP headers that option 57 counts and the DHCP message does not. */
  public static final int IP_UDP_HEADER_LENGTH = 28;

  private static final int NO_LIMIT = DhcpMessageDecoder.MAX_MESSAGE_LENGTH;

  private DhcpMessageEncoder() {}

  /**
   * Writes {@code message} to {@code out} with all options in the options field, as long as the
   * largest UDP payload allows.
   *
   * @throws IllegalArgumentException if the message is longer than a UDP datagram can carry
   */
  public static void encode(DhcpMessage message, ByteBuf out) {
    encodeWithin(message, out, NO_LIMIT);
  }

  /**
   * Writes {@code message} to {@code out} so that the datagram is no larger than
   * {@code maxMessageSize}, which counts the IP and UDP headers as option 57 does. Values below
   * 576, which RFC 2132 does not allow, are read as 576, as dnsmasq and ISC dhcpd do.
   *
   * @throws IllegalArgumentException if the options cannot fit, even overloaded
   */
  public static void encode(DhcpMessage message, ByteBuf out, int maxMessageSize) {
    encodeWithin(message, out, limitFor(maxMessageSize));
  }

  /** Returns the encoded bytes of {@code message}, with no size limit but UDP's. */
  public static byte[] toBytes(DhcpMessage message) {
    return toBytesWithin(message, NO_LIMIT);
  }

  /** Returns the encoded bytes of {@code message}, within {@code maxMessageSize} (option 57). */
  public static byte[] toBytes(DhcpMessage message, int maxMessageSize) {
    return toBytesWithin(message, limitFor(maxMessageSize));
  }

  private static byte[] toBytesWithin(DhcpMessage message, int limit) {
    int needed = optionBytes(message.options());
    if (needed <= limit - DhcpMessageDecoder.OPTIONS_OFFSET - 1) {
      // The usual case: the exact size is known, so encode straight into the result.
      byte[] bytes =
          new byte[Math.max(MIN_MESSAGE_LENGTH, DhcpMessageDecoder.OPTIONS_OFFSET + needed + 1)];
      encodeWithin(message, Unpooled.wrappedBuffer(bytes).writerIndex(0), limit);
      return bytes;
    }
    ByteBuf buf = Unpooled.buffer(limit);
    encodeWithin(message, buf, limit);
    byte[] bytes = new byte[buf.readableBytes()];
    buf.readBytes(bytes);
    return bytes;
  }

  private static int limitFor(int maxMessageSize) {
    return Math.min(Math.max(maxMessageSize, MIN_MAX_MESSAGE_SIZE), NO_LIMIT
        + IP_UDP_HEADER_LENGTH) - IP_UDP_HEADER_LENGTH;
  }

  private static int optionBytes(DhcpOptions options) {
    int needed = 0;
    for (int i = 0; i < options.size(); i++) {
      needed += wireLength(options.lengthAt(i));
    }
    return needed;
  }

  private static void encodeWithin(DhcpMessage m, ByteBuf out, int limit) {
    DhcpOptions options = m.options();
    int needed = optionBytes(options);
    int mainCapacity = limit - DhcpMessageDecoder.OPTIONS_OFFSET - 1; // 1 for the end option
    int start = out.writerIndex();
    writeHeader(m, out);
    if (needed <= mainCapacity) {
      writeFields(m, out);
      out.writeInt(DhcpMessageDecoder.MAGIC_COOKIE);
      for (int i = 0; i < options.size(); i++) {
        writeOption(options, i, out);
      }
      out.writeByte(255);
    } else {
      writeOverloaded(m, out, start, limit, needed);
    }
    int length = out.writerIndex() - start;
    if (length < MIN_MESSAGE_LENGTH) {
      out.writeZero(MIN_MESSAGE_LENGTH - length);
    }
  }

  /** Returns the bytes an option of this value length takes, split per RFC 3396. */
  static int wireLength(int valueLength) {
    int pieces = Math.max(1, (valueLength + 254) / 255);
    return 2 * pieces + valueLength;
  }

  private static void writeHeader(DhcpMessage m, ByteBuf out) {
    out.writeByte(m.op().code());
    out.writeByte(m.hardwareType().code());
    out.writeByte(m.hardwareAddressLength());
    out.writeByte(m.hops());
    out.writeInt(m.transactionId());
    out.writeShort(m.seconds());
    out.writeShort(m.flags());
    for (int field = 0; field < 4; field++) {
      out.writeInt(m.addressBits(field));
    }
    byte[] chaddr = m.hardwareAddressUnsafe();
    out.writeBytes(chaddr);
    out.writeZero(DhcpMessage.MAX_HARDWARE_ADDRESS_LENGTH - chaddr.length);
  }

  private static void writeFields(DhcpMessage m, ByteBuf out) {
    writeField(m.serverName(), DhcpMessage.SERVER_NAME_LENGTH, out);
    writeField(m.bootFileName(), DhcpMessage.BOOT_FILE_NAME_LENGTH, out);
  }

  private static void writeField(String value, int size, ByteBuf out) {
    // The builder allows only U+0001-U+00FF here, so ISO-8859-1 writes one byte per char.
    out.writeCharSequence(value, java.nio.charset.StandardCharsets.ISO_8859_1);
    out.writeZero(size - value.length());
  }

  private static void writeOption(DhcpOptions options, int index, ByteBuf out) {
    byte[] data = options.data();
    int code = options.codeAt(index);
    int from = options.offsetAt(index);
    int length = options.lengthAt(index);
    int at = 0;
    do {
      int piece = Math.min(255, length - at);
      out.writeByte(code);
      out.writeByte(piece);
      out.writeBytes(data, from + at, piece);
      at += piece;
    } while (at < length);
  }

  /**
   * Places options, in order and each one whole, into the options field (after option 52), then
   * {@code file}, then {@code sname}, as far as the message leaves those empty.
   */
  private static void writeOverloaded(
      DhcpMessage m, ByteBuf out, int start, int limit, int needed) {
    DhcpOptions options = m.options();
    boolean fileFree = m.bootFileName().isEmpty();
    boolean snameFree = m.serverName().isEmpty();
    int[] capacity = {
      limit - DhcpMessageDecoder.OPTIONS_OFFSET - 3 - 1, // option 52 and the end option
      fileFree ? DhcpMessage.BOOT_FILE_NAME_LENGTH - 1 : 0,
      snameFree ? DhcpMessage.SERVER_NAME_LENGTH - 1 : 0
    };
    int[] area = new int[options.size()];
    int current = 0;
    int used = 0;
    for (int i = 0; i < options.size(); i++) {
      int size = wireLength(options.lengthAt(i));
      while (current < 3 && used + size > capacity[current]) {
        current++;
        used = 0;
      }
      if (current == 3) {
        out.writerIndex(start);
        throw new IllegalArgumentException(
            "options need " + needed + " bytes, more than fit in a message of " + limit
                + " bytes even with file and sname overloaded (expected: fewer options or a"
                + " larger maximum message size)");
      }
      area[i] = current;
      used += size;
    }
    int overload = 0;
    for (int a : area) {
      overload |= a == 1 ? 1 : a == 2 ? 2 : 0;
    }
    writeArea(options, area, 2, out, snameFree && (overload & 2) != 0,
        m.serverName(), DhcpMessage.SERVER_NAME_LENGTH);
    writeArea(options, area, 1, out, fileFree && (overload & 1) != 0,
        m.bootFileName(), DhcpMessage.BOOT_FILE_NAME_LENGTH);
    out.writeInt(DhcpMessageDecoder.MAGIC_COOKIE);
    if (overload != 0) {
      out.writeByte(52);
      out.writeByte(1);
      out.writeByte(overload);
    }
    for (int i = 0; i < options.size(); i++) {
      if (area[i] == 0) {
        writeOption(options, i, out);
      }
    }
    out.writeByte(255);
  }

  /** Writes {@code sname} (area 2) or {@code file} (area 1): its options, or its text. */
  private static void writeArea(
      DhcpOptions options, int[] area, int which, ByteBuf out, boolean holdsOptions,
      String text, int size) {
    if (!holdsOptions) {
      writeField(text, size, out);
      return;
    }
    int fieldStart = out.writerIndex();
    for (int i = 0; i < options.size(); i++) {
      if (area[i] == which) {
        writeOption(options, i, out);
      }
    }
    out.writeByte(255);
    out.writeZero(size - (out.writerIndex() - fieldStart));
  }
}
