package dev.netboot.tftp;

import dev.netboot.tftp.internal.WireStrings;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Map;

/**
 * Encodes TFTP packets (RFC 1350 section 5, RFC 2347 section 2). Pure: it writes bytes into the
 * buffer it is given, nothing else. Strings are written as UTF-8, each followed by NUL; the
 * packet classes have already checked every limit.
 */
public final class TftpPacketEncoder {
  private TftpPacketEncoder() {}

  /**
   * Appends {@code packet} at {@code out}'s writer index. A DATA packet's content is copied and
   * its indexes are left as they were.
   *
   * @param packet the packet
   * @param out where the bytes go; it grows as needed
   */
  public static void encode(TftpPacket packet, ByteBuf out) {
    out.writeShort(packet.opcode().code());
    if (packet instanceof TftpData) {
      TftpData data = (TftpData) packet;
      out.writeShort(data.block());
      out.writeBytes(data.content(), data.content().readerIndex(), data.length());
    } else if (packet instanceof TftpAck) {
      out.writeShort(((TftpAck) packet).block());
    } else if (packet instanceof TftpRequest) {
      TftpRequest request = (TftpRequest) packet;
      writeString(out, request.filename());
      writeString(out, request.mode());
      writeOptions(out, request.options());
    } else if (packet instanceof TftpOptionAck) {
      writeOptions(out, ((TftpOptionAck) packet).options());
    } else {
      TftpError error = (TftpError) packet;
      out.writeShort(error.code().code());
      writeString(out, error.message());
    }
  }

  /**
   * Returns the bytes of {@code packet}.
   *
   * @param packet the packet
   * @return a new array holding the encoded packet
   */
  public static byte[] toBytes(TftpPacket packet) {
    ByteBuf buf = Unpooled.buffer(64);
    encode(packet, buf);
    byte[] bytes = new byte[buf.readableBytes()];
    buf.readBytes(bytes);
    return bytes;
  }

  private static void writeOptions(ByteBuf out, Map<String, String> options) {
    options.forEach((name, value) -> {
      writeString(out, name);
      writeString(out, value);
    });
  }

  private static void writeString(ByteBuf out, String value) {
    out.writeBytes(WireStrings.encode(value));
    out.writeByte(0);
  }
}
