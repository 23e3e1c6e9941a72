package dev.netboot.dhcp;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Reads and writes lists of {@link SubOption}s: the code-length-value layout that encapsulated
 * options share (RFC 2132 section 8.4, RFC 3046 section 2.0).
 */
public final class SubOptions {
  /** The code that pads an encapsulated area, where the area allows it. */
  public static final int PAD = 0;
  /** The code that ends an encapsulated area, where the area allows it. */
  public static final int END = 255;

  private SubOptions() {}

  /**
   * Parses an encapsulated area.
   *
   * @param value the encapsulating option's value
   * @param padAndEnd whether codes 0 and 255 are pad and end (option 43, option 175) rather than
   *     ordinary codes (option 82)
   * @return the sub-options in order
   * @throws DhcpParseException if a sub-option runs past the end; the offset is into {@code value}
   */
  public static List<SubOption> parse(byte[] value, boolean padAndEnd) {
    List<SubOption> list = new ArrayList<>();
    int i = 0;
    while (i < value.length) {
      int code = value[i] & 0xFF;
      if (padAndEnd && code == PAD) {
        i++;
        continue;
      }
      if (padAndEnd && code == END) {
        break;
      }
      if (i + 1 >= value.length) {
        throw new DhcpParseException("sub-option " + code + " has no length byte", i);
      }
      int length = value[i + 1] & 0xFF;
      if (i + 2 + length > value.length) {
        throw new DhcpParseException(
            "sub-option " + code + " of length " + length + " runs past the end", i);
      }
      byte[] data = new byte[length];
      System.arraycopy(value, i + 2, data, 0, length);
      list.add(SubOption.wrap(code, data));
      i += 2 + length;
    }
    return Collections.unmodifiableList(list);
  }

  /**
   * Writes sub-options one after another.
   *
   * @param subOptions the sub-options in order
   * @param end whether to append an end code (255), as option 43 and option 175 do
   * @return the encapsulating option's value
   */
  public static byte[] write(List<SubOption> subOptions, boolean end) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (SubOption s : subOptions) {
      out.write(s.code());
      out.write(s.length());
      out.writeBytes(s.valueUnsafe());
    }
    if (end) {
      out.write(END);
    }
    return out.toByteArray();
  }
}
