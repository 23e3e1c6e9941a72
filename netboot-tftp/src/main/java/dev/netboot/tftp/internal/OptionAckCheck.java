package dev.netboot.tftp.internal;

import dev.netboot.tftp.TftpOptions;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A client's check of a server's OACK (RFC 2347 section 3): the server may only echo options
 * the client asked for, blksize and windowsize no larger than asked (RFC 2348, RFC 7440), the
 * other values within their ranges. A client that gets a wrong OACK answers ERROR 8.
 */
public final class OptionAckCheck {
  private final @Nullable TftpOptions options;
  private final String refusal;

  private OptionAckCheck(@Nullable TftpOptions options, String refusal) {
    this.options = options;
    this.refusal = refusal;
  }

  /**
   * Checks an OACK against the request.
   *
   * @param requested the options the client sent
   * @param oack the options the server acknowledged
   * @return the verdict
   */
  public static OptionAckCheck check(Map<String, String> requested, Map<String, String> oack) {
    TftpOptions.Builder b = TftpOptions.builder();
    for (Map.Entry<String, String> e : oack.entrySet()) {
      String name = e.getKey();
      String asked = requested.get(name);
      if (asked == null) {
        return refuse("option " + name + " was not requested");
      }
      long v = OptionValues.parse(e.getValue());
      long limit = OptionValues.parse(asked);
      boolean ok;
      switch (name) {
        case TftpOptions.BLKSIZE:
          ok = v >= TftpOptions.MIN_BLKSIZE && v <= Math.min(limit, TftpOptions.MAX_BLKSIZE);
          if (ok) {
            b.blksize((int) v);
          }
          break;
        case TftpOptions.WINDOWSIZE:
          ok = v >= TftpOptions.MIN_WINDOWSIZE && v <= Math.min(limit, TftpOptions.MAX_WINDOWSIZE);
          if (ok) {
            b.windowsize((int) v);
          }
          break;
        case TftpOptions.TIMEOUT:
          ok = v >= TftpOptions.MIN_TIMEOUT && v <= TftpOptions.MAX_TIMEOUT;
          if (ok) {
            b.timeout((int) v);
          }
          break;
        case TftpOptions.UTIMEOUT:
          ok = v >= TftpOptions.MIN_UTIMEOUT && v <= TftpOptions.MAX_UTIMEOUT;
          if (ok) {
            b.utimeout(v);
          }
          break;
        case TftpOptions.TSIZE:
          ok = v >= 0;
          if (ok) {
            b.tsize(v);
          }
          break;
        case TftpOptions.ROLLOVER:
          ok = v == 0 || v == 1;
          if (ok) {
            b.rollover((int) v);
          }
          break;
        default:
          ok = true; // an option this module does not use, asked by the caller: accepted
          break;
      }
      if (!ok) {
        return refuse("option " + name + "=" + e.getValue() + " out of range");
      }
    }
    return new OptionAckCheck(b.build(), "");
  }

  private static OptionAckCheck refuse(String reason) {
    return new OptionAckCheck(null, reason);
  }

  /** Returns the options in force, or {@code null} if the OACK must be refused. */
  public @Nullable TftpOptions options() {
    return options;
  }

  /** Returns why the OACK is refused, or empty. */
  public String refusal() {
    return refusal;
  }
}
