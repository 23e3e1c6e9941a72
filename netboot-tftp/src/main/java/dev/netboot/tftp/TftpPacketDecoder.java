package dev.netboot.tftp;

import dev.netboot.tftp.internal.WireStrings;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Decodes TFTP packets (RFC 1350 section 5, RFC 2347 section 2). Pure: it reads bytes and
 * returns a value, nothing else; no other exception than {@link TftpParseException} escapes for
 * any input, and the work is bounded by the packet's length.
 *
 * <p>What is malformed: fewer than 2 bytes, more than {@link TftpPacket#MAX_PACKET_SIZE}, an
 * opcode other than 1 to 6, a request or OACK string without its NUL, a string over its limit
 * ({@link TftpRequest#MAX_FILENAME_LENGTH} and the others), an empty file name, an option name
 * without a value, more than {@link TftpRequest#MAX_OPTIONS} options, a DATA or ACK shorter than
 * 4 bytes, a DATA longer than 4 + {@link TftpOptions#MAX_BLKSIZE}.
 *
 * <p>What is tolerated, because real stacks send it: NUL bytes padding a request or OACK after
 * its last option; bytes after an ACK's block number; an ERROR message without its NUL, or
 * missing, or longer than {@link TftpError#MAX_MESSAGE_LENGTH} (cut): an ERROR ends a transfer
 * however it is spelled. An option named twice: RFC 2347 does not say; the first wins and the
 * later ones are dropped, as an unknown option would be, so a request is never refused for it.
 */
public final class TftpPacketDecoder {
  private TftpPacketDecoder() {}

  /**
   * Decodes the readable bytes of {@code buf}; the buffer's indexes are left as they were. A
   * DATA packet's content is a slice of {@code buf} (see {@link TftpData}).
   *
   * @param buf one whole packet, as one UDP datagram carried it
   * @return the packet
   * @throws TftpParseException if the bytes are not a well-formed TFTP packet
   */
  public static TftpPacket decode(ByteBuf buf) {
    int base = buf.readerIndex();
    int length = buf.readableBytes();
    if (length < 2) {
      throw new TftpParseException("packet of " + length + " bytes has no opcode", 0, null);
    }
    TftpOpcode opcode = TftpOpcode.forCode(buf.getUnsignedShort(base));
    if (opcode == null) {
      throw new TftpParseException("unknown opcode " + buf.getUnsignedShort(base), 0, null);
    }
    if (length > TftpPacket.MAX_PACKET_SIZE) {
      throw new TftpParseException("packet of " + length + " bytes is longer than "
          + TftpPacket.MAX_PACKET_SIZE, TftpPacket.MAX_PACKET_SIZE, opcode);
    }
    Reader in = new Reader(buf, base, length, opcode);
    switch (opcode) {
      case RRQ:
      case WRQ:
        return request(in, opcode);
      case DATA:
        return TftpData.of(in.block(), buf.slice(base + 4, length - 4));
      case ACK:
        return TftpAck.of(in.block());
      case ERROR:
        return error(in);
      case OACK:
        return TftpOptionAck.of(options(in));
      default:
        throw new AssertionError(opcode);
    }
  }

  /**
   * Decodes a whole packet held in {@code bytes}.
   *
   * @param bytes the packet
   * @return the packet; a DATA's content is a view of {@code bytes}
   * @throws TftpParseException if the bytes are not a well-formed TFTP packet
   */
  public static TftpPacket decode(byte[] bytes) {
    return decode(Unpooled.wrappedBuffer(bytes));
  }

  private static TftpRequest request(Reader in, TftpOpcode opcode) {
    String filename = in.string("file name", TftpRequest.MAX_FILENAME_LENGTH);
    if (filename.isEmpty()) {
      throw in.fail("empty file name", 2);
    }
    String mode = in.string("mode", TftpRequest.MAX_MODE_LENGTH);
    return TftpRequest.builder(opcode, filename).mode(mode).options(options(in)).build();
  }

  private static Map<String, String> options(Reader in) {
    Map<String, String> options = new LinkedHashMap<>();
    int count = 0;
    while (!in.onlyNulsLeft()) {
      int at = in.position;
      if (++count > TftpRequest.MAX_OPTIONS) {
        throw in.fail("more than " + TftpRequest.MAX_OPTIONS + " options", at);
      }
      String name = in.string("option name", TftpRequest.MAX_OPTION_NAME_LENGTH);
      if (name.isEmpty()) {
        throw in.fail("empty option name", at);
      }
      if (in.position == in.end) {
        throw in.fail("option " + name + " has no value", in.position);
      }
      String value = in.string("option value", TftpRequest.MAX_OPTION_VALUE_LENGTH);
      options.putIfAbsent(WireStrings.asciiLowerCase(name), value);
    }
    return options;
  }

  private static TftpError error(Reader in) {
    int code = in.block();
    int start = in.base + 4;
    int nul = in.buf.indexOf(start, in.base + in.end, (byte) 0);
    int stop = nul < 0 ? in.base + in.end : nul;
    String message = WireStrings.decode(bytes(in.buf, start, stop - start));
    while (WireStrings.utf8Length(message) > TftpError.MAX_MESSAGE_LENGTH) {
      message = message.substring(0, message.offsetByCodePoints(message.length(), -1));
    }
    return TftpError.of(TftpErrorCode.valueOf(code), message);
  }

  private static byte[] bytes(ByteBuf buf, int index, int length) {
    byte[] b = new byte[length];
    buf.getBytes(index, b);
    return b;
  }

  /** A cursor over one packet; positions are relative to the packet's first byte. */
  private static final class Reader {
    final ByteBuf buf;
    final int base;
    final int end;
    final TftpOpcode opcode;
    int position;

    Reader(ByteBuf buf, int base, int end, TftpOpcode opcode) {
      this.buf = buf;
      this.base = base;
      this.end = end;
      this.opcode = opcode;
      this.position = 2;
    }

    int block() {
      if (end < 4) {
        throw fail(opcode + " of " + end + " bytes is shorter than 4", end);
      }
      return buf.getUnsignedShort(base + 2);
    }

    boolean onlyNulsLeft() {
      for (int i = position; i < end; i++) {
        if (buf.getByte(base + i) != 0) {
          return false;
        }
      }
      return true;
    }

    /** Reads a NUL-terminated string whose UTF-8 form fits {@code max} bytes. */
    String string(String what, int max) {
      int start = position;
      int nul = buf.indexOf(base + start, base + Math.min(end, start + max + 1), (byte) 0);
      if (nul < 0) {
        throw end - start > max
            ? fail(what + " longer than " + max + " bytes", start + max)
            : fail(what + " has no NUL terminator", end);
      }
      String value = WireStrings.decode(bytes(buf, base + start, nul - base - start));
      if (WireStrings.utf8Length(value) > max) {
        // Only a non-UTF-8 string can grow, when its ISO-8859-1 reading is re-encoded as UTF-8.
        throw fail(what + " longer than " + max + " bytes once re-encoded as UTF-8", start);
      }
      position = nul - base + 1;
      return value;
    }

    TftpParseException fail(String reason, int offset) {
      return new TftpParseException(reason, offset, opcode);
    }
  }
}
