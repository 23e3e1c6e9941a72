package dev.netboot.dhcp;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Reads the options of one message out of its packet bytes: the options field, then
 * {@code file}, then {@code sname} when option 52 says so (RFC 2131 section 4.1), repeated codes
 * concatenated in that order (RFC 3396 section 5).
 *
 * <p>The usual packet, with no repeated code, is read in two passes that allocate only the index
 * the options keep: the values stay in the packet array. Work is linear in the number of option
 * instances, so a packet of many tiny repeated options costs no more than its length.
 */
final class OptionAreaReader {
  static final int OVERLOAD_FILE = 1;
  static final int OVERLOAD_SNAME = 2;

  /** One reader per thread, reused: decoding allocates nothing but what the message keeps. */
  private static final ThreadLocal<OptionAreaReader> PER_THREAD =
      ThreadLocal.withInitial(OptionAreaReader::new);
  private static final byte[] NONE = new byte[0];

  private byte[] packet = NONE;
  private int overload;
  private int instances;
  private boolean repeated;
  private final long[] seen = new long[4];

  private OptionAreaReader() {}

  /** Returns this thread's reader, set to read {@code packet}. */
  static OptionAreaReader forPacket(byte[] packet) {
    OptionAreaReader r = PER_THREAD.get();
    r.packet = packet;
    r.overload = 0;
    r.instances = 0;
    r.repeated = false;
    Arrays.fill(r.seen, 0L);
    return r;
  }

  /** Returns the overload bits of the options read last: 1 file, 2 sname, 3 both. */
  int overload() {
    return overload;
  }

  /** Validates and counts; the first pass. */
  private void scan() {
    scanArea(DhcpMessageDecoder.OPTIONS_OFFSET, packet.length, true, null);
    if ((overload & OVERLOAD_FILE) != 0) {
      scanArea(DhcpMessageDecoder.FILE_OFFSET, DhcpMessageDecoder.FILE_END, false, null);
    }
    if ((overload & OVERLOAD_SNAME) != 0) {
      scanArea(DhcpMessageDecoder.SNAME_OFFSET, DhcpMessageDecoder.SNAME_END, false, null);
    }
  }

  /**
   * Reads the options of the packet, whose header and cookie are already checked; then
   * {@link #overload()} tells which fields held options.
   *
   * @throws DhcpParseException for an option that runs past its area or a bad option 52
   */
  DhcpOptions read() {
    OptionAreaReader r = this;
    byte[] packet = this.packet;
    r.scan();
    int[] spans = new int[3 * r.instances];
    r.instances = 0;
    r.scanArea(DhcpMessageDecoder.OPTIONS_OFFSET, packet.length, true, spans);
    if ((r.overload & OVERLOAD_FILE) != 0) {
      r.scanArea(DhcpMessageDecoder.FILE_OFFSET, DhcpMessageDecoder.FILE_END, false, spans);
    }
    if ((r.overload & OVERLOAD_SNAME) != 0) {
      r.scanArea(DhcpMessageDecoder.SNAME_OFFSET, DhcpMessageDecoder.SNAME_END, false, spans);
    }
    this.packet = NONE; // do not pin the packet between decodes
    return r.repeated ? merge(packet, spans) : DhcpOptions.wrap(packet, spans);
  }

  /**
   * Walks one area. With {@code spans} null it validates and counts; otherwise it records each
   * instance's code, value offset and length.
   */
  private void scanArea(int start, int end, boolean main, int @Nullable [] spans) {
    int i = start;
    while (i < end) {
      int code = packet[i] & 0xFF;
      if (code == 0) {
        i++;
        continue;
      }
      if (code == 255) {
        return;
      }
      if (i + 1 >= end) {
        throw new DhcpParseException("option " + code + " has no length byte", i);
      }
      int length = packet[i + 1] & 0xFF;
      if (i + 2 + length > end) {
        throw new DhcpParseException(
            "option " + code + " of length " + length + " runs past the end of its area at "
                + end,
            i);
      }
      if (code == 52) {
        if (spans == null) {
          readOverload(i, length, main);
        }
      } else if (spans == null) {
        long bit = 1L << (code & 63);
        if ((seen[code >>> 6] & bit) != 0) {
          repeated = true;
        }
        seen[code >>> 6] |= bit;
        instances++;
      } else {
        int at = 3 * instances++;
        spans[at] = code;
        spans[at + 1] = i + 2;
        spans[at + 2] = length;
      }
      i += 2 + length;
    }
  }

  private void readOverload(int offset, int length, boolean main) {
    if (!main) {
      // An overload option inside an overloaded field would make the fields refer to
      // themselves; RFC 2131 section 4.1 allows it only in the options field.
      throw new DhcpParseException("option 52 (overload) inside an overloaded field", offset);
    }
    if (overload != 0) {
      throw new DhcpParseException("option 52 (overload) repeated", offset);
    }
    if (length != 1) {
      throw new DhcpParseException("option 52 (overload) of length " + length + ", not 1", offset);
    }
    int value = packet[offset + 2] & 0xFF;
    if (value < 1 || value > 3) {
      throw new DhcpParseException(
          "option 52 (overload) value " + value + " is not 1, 2 or 3", offset + 2);
    }
    overload = value;
  }

  /**
   * Concatenates repeated codes: each code keeps the place of its first instance, and its value
   * is the instances' values in order, appended after the packet bytes.
   */
  private static DhcpOptions merge(byte[] packet, int[] spans) {
    int count = spans.length / 3;
    int[] slot = new int[256]; // distinct index + 1, 0 when unseen
    int[] total = new int[256];
    int distinct = 0;
    for (int k = 0; k < count; k++) {
      int code = spans[3 * k];
      if (slot[code] == 0) {
        slot[code] = ++distinct;
      }
      total[code] += spans[3 * k + 2];
    }
    int extra = 0;
    for (int code = 0; code < 256; code++) {
      extra += total[code];
    }
    byte[] data = Arrays.copyOf(packet, packet.length + extra);
    int[] entries = new int[3 * distinct];
    int at = packet.length;
    for (int k = 0; k < count; k++) {
      int code = spans[3 * k];
      int e = 3 * (slot[code] - 1);
      if (entries[e + 1] == 0) { // first instance: reserve the whole concatenated value here
        entries[e] = code;
        entries[e + 1] = at;
        at += total[code];
      }
      System.arraycopy(packet, spans[3 * k + 1], data, entries[e + 1] + entries[e + 2],
          spans[3 * k + 2]);
      entries[e + 2] += spans[3 * k + 2];
    }
    return DhcpOptions.wrap(data, entries);
  }
}
