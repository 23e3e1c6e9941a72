package dev.netboot.tftp;

import dev.netboot.tftp.internal.WireStrings;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An option acknowledgment (RFC 2347 section 2): {@code | 06 | opt1 | 0 | value1 | 0 | ... |}.
 * A server sends it instead of the first DATA (read) or ACK 0 (write) and echoes only the
 * options it accepted, each at most once.
 */
public final class TftpOptionAck extends TftpPacket {
  private final Map<String, String> options;

  private TftpOptionAck(Map<String, String> options) {
    this.options = options;
  }

  /**
   * Returns an OACK of {@code options}, names lower-cased, in their order.
   *
   * @param options names and values
   * @return the packet
   * @throws IllegalArgumentException if a name is empty, a string is too long or holds NUL, two
   *     names differ only in case, or there are more than {@link TftpRequest#MAX_OPTIONS}
   */
  public static TftpOptionAck of(Map<String, String> options) {
    if (options.size() > TftpRequest.MAX_OPTIONS) {
      throw new IllegalArgumentException("options: " + options.size() + " (expected: at most "
          + TftpRequest.MAX_OPTIONS + ")");
    }
    Map<String, String> copy = new LinkedHashMap<>();
    options.forEach((name, value) -> {
      String key = WireStrings.asciiLowerCase(TftpRequest.checkOption(name, value));
      if (copy.put(key, value) != null) {
        throw new IllegalArgumentException("option " + key + " twice (expected: once)");
      }
    });
    return new TftpOptionAck(Collections.unmodifiableMap(copy));
  }

  @Override
  public TftpOpcode opcode() {
    return TftpOpcode.OACK;
  }

  /** Returns the acknowledged options: names lower-cased, values as sent, in order. */
  public Map<String, String> options() {
    return options;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof TftpOptionAck && ((TftpOptionAck) o).options.equals(options);
  }

  @Override
  public int hashCode() {
    return options.hashCode();
  }

  @Override
  public String toString() {
    return "OACK(" + options + ")";
  }
}
