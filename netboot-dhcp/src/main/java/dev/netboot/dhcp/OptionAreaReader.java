package dev.netboot.dhcp;

import io.netty.buffer.ByteBuf;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Collects the options of one message from its option areas, concatenating repeated codes in the
 * order RFC 3396 section 5 gives: options field, then {@code file}, then {@code sname}.
 *
 * <p>One reader per thread is reused, so that decoding allocates nothing but the message itself.
 * Work is linear in the number of option instances: a packet of many tiny repeated options costs
 * no more than its length.
 */
final class OptionAreaReader {
  static final int OVERLOAD_FILE = 1;
  static final int OVERLOAD_SNAME = 2;

  private static final ThreadLocal<OptionAreaReader> PER_THREAD =
      ThreadLocal.withInitial(OptionAreaReader::new);

  private @Nullable ByteBuf buf;
  private int base;
  /** Per instance: code, offset and length, in wire order. */
  private int[] spans = new int[3 * 32];
  private int count;
  private int overload;
  /** Per code: total value length, and its index among distinct codes plus one (0: unseen). */
  private final int[] totalLength = new int[256];
  private final int[] slot = new int[256];
  private final int[] filled = new int[256];
  private final int[] order = new int[256];
  private final byte[] @Nullable [] values = new byte[256][];
  private int distinct;

  private OptionAreaReader() {}

  /** Returns this thread's reader, emptied and set to read {@code buf} from {@code base}. */
  static OptionAreaReader forMessage(ByteBuf buf, int base) {
    OptionAreaReader r = PER_THREAD.get();
    for (int k = 0; k < r.distinct; k++) {
      int code = r.order[k];
      r.totalLength[code] = 0;
      r.slot[code] = 0;
      r.filled[code] = 0;
    }
    r.buf = buf;
    r.base = base;
    r.count = 0;
    r.distinct = 0;
    r.overload = 0;
    if (r.spans.length > 3 * 1024) {
      r.spans = new int[3 * 32]; // do not pin the memory of one huge packet forever
    }
    return r;
  }

  private ByteBuf buf() {
    ByteBuf b = buf;
    if (b == null) {
      throw new IllegalStateException("reader not set up");
    }
    return b;
  }

  /**
   * Reads one area from {@code start} to {@code end} (offsets in the message).
   *
   * @param main whether this is the options field, the only place option 52 may be
   * @return the overload bits found so far (0 when none)
   */
  int readArea(int start, int end, boolean main) {
    ByteBuf b = buf();
    int i = start;
    while (i < end) {
      int code = b.getUnsignedByte(base + i);
      if (code == 0) {
        i++;
        continue;
      }
      if (code == 255) {
        break;
      }
      if (i + 1 >= end) {
        throw new DhcpParseException("option " + code + " has no length byte", i);
      }
      int length = b.getUnsignedByte(base + i + 1);
      if (i + 2 + length > end) {
        throw new DhcpParseException(
            "option " + code + " of length " + length + " runs past the end of its area at "
                + end,
            i);
      }
      if (code == 52) {
        readOverload(i, length, main);
      } else {
        add(code, i + 2, length);
      }
      i += 2 + length;
    }
    return overload;
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
    int value = buf().getUnsignedByte(base + offset + 2);
    if (value < 1 || value > 3) {
      throw new DhcpParseException(
          "option 52 (overload) value " + value + " is not 1, 2 or 3", offset + 2);
    }
    overload = value;
  }

  private void add(int code, int offset, int length) {
    if (3 * count == spans.length) {
      spans = Arrays.copyOf(spans, spans.length * 2);
    }
    spans[3 * count] = code;
    spans[3 * count + 1] = offset;
    spans[3 * count + 2] = length;
    count++;
    if (slot[code] == 0) {
      order[distinct] = code;
      slot[code] = ++distinct;
    }
    totalLength[code] += length;
  }

  /** Returns the options, one per code, each code at the place of its first instance. */
  DhcpOptions options() {
    ByteBuf b = buf();
    for (int k = 0; k < distinct; k++) {
      values[k] = new byte[totalLength[order[k]]];
    }
    for (int i = 0; i < count; i++) {
      int code = spans[3 * i];
      int length = spans[3 * i + 2];
      b.getBytes(base + spans[3 * i + 1], values[slot[code] - 1], filled[code], length);
      filled[code] += length;
    }
    DhcpOption[] options = new DhcpOption[distinct];
    for (int k = 0; k < distinct; k++) {
      options[k] = DhcpOption.wrap(DhcpOptionCode.valueOf(order[k]), values[k]);
      values[k] = null;
    }
    buf = null;
    return DhcpOptions.wrap(options);
  }
}
