package dev.netboot.conformance.hostile;

import dev.netboot.tftp.TftpData;
import dev.netboot.tftp.TftpError;
import dev.netboot.tftp.TftpOptionAck;
import dev.netboot.tftp.TftpPacket;
import dev.netboot.tftp.TftpPacketDecoder;
import dev.netboot.tftp.TftpParseException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Raw TFTP datagrams, written byte by byte: hostile requests break the rules the codec's
 * builders enforce (lengths, option counts, values), so they cannot be built with them.
 */
final class TftpWire {
  static final int RRQ = 1;
  static final int WRQ = 2;
  static final int DATA = 3;
  static final int ACK = 4;
  static final int ERROR = 5;

  private TftpWire() {}

  /** A request: opcode, then NUL-terminated filename, mode and option names and values. */
  static byte[] request(int opcode, String filename, String mode, String... options) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(opcode >> 8);
    out.write(opcode);
    for (String s : prepend(filename, mode, options)) {
      out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
      out.write(0);
    }
    return out.toByteArray();
  }

  static byte[] ack(int block) {
    return new byte[] {0, ACK, (byte) (block >> 8), (byte) block};
  }

  static byte[] error(int code, String message) {
    byte[] text = message.getBytes(StandardCharsets.US_ASCII);
    byte[] b = new byte[5 + text.length];
    b[1] = ERROR;
    b[3] = (byte) code;
    System.arraycopy(text, 0, b, 4, text.length);
    return b;
  }

  static int opcode(byte[] b) {
    return b.length < 2 ? -1 : ((b[0] & 0xff) << 8) | (b[1] & 0xff);
  }

  static int block(byte[] b) {
    return b.length < 4 ? -1 : ((b[2] & 0xff) << 8) | (b[3] & 0xff);
  }

  /** Decodes an answer, or returns null when the server sent something undecodable. */
  static @Nullable TftpPacket decode(byte[] b) {
    try {
      return TftpPacketDecoder.decode(b);
    } catch (TftpParseException e) {
      return null;
    }
  }

  static String describe(byte[] b) {
    TftpPacket p = decode(b);
    if (p instanceof TftpError e) {
      return "ERROR " + e.code().code() + " \"" + e.message() + "\"";
    }
    if (p instanceof TftpOptionAck o) {
      return "OACK " + o.options();
    }
    if (p instanceof TftpData d) {
      return String.format(Locale.ROOT, "DATA %d (%d bytes)", d.block(), d.length());
    }
    return p == null ? b.length + " undecodable bytes" : p.toString();
  }

  private static String[] prepend(String a, String b, String[] rest) {
    String[] all = new String[rest.length + 2];
    all[0] = a;
    all[1] = b;
    System.arraycopy(rest, 0, all, 2, rest.length);
    return all;
  }
}
