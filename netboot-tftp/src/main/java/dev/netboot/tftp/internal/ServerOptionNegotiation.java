package dev.netboot.tftp.internal;

import dev.netboot.tftp.TftpOptions;
import dev.netboot.tftp.TftpServerSettings;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A server's answer to the options of a request (RFC 2347 section 3): which options it accepts,
 * with which values, in the client's order. Options the server does not know, and values out
 * of range or not numbers, are ignored as RFC 2347 asks, never refused. Every answer is true
 * and within range: blksize 8..65464 and never more than asked or than the server's cap,
 * windowsize likewise, timeouts echoed as asked, tsize the real size (never a guess), and only
 * options that were asked are echoed.
 */
public final class ServerOptionNegotiation {
  private final TftpOptions options;
  private final Map<String, String> oack;

  private ServerOptionNegotiation(TftpOptions options, Map<String, String> oack) {
    this.options = options;
    this.oack = oack;
  }

  /**
   * Negotiates a read request's options.
   *
   * @param requested the client's options, names lower-cased
   * @param fileSize the size {@code tsize} reports, or -1 to leave {@code tsize} out (size
   *     unknown, or netascii whose converted size is not known in advance: tftp-hpa omits it
   *     too)
   * @param settings the server's caps
   * @return the answer
   */
  public static ServerOptionNegotiation forRead(
      Map<String, String> requested, long fileSize, TftpServerSettings settings) {
    return negotiate(requested, fileSize, true, settings);
  }

  /**
   * Negotiates a write request's options; {@code tsize} is echoed (RFC 2349: the client
   * announces the size). The caller refuses a size over its limit before this.
   *
   * @param requested the client's options, names lower-cased
   * @param settings the server's caps
   * @return the answer
   */
  public static ServerOptionNegotiation forWrite(
      Map<String, String> requested, TftpServerSettings settings) {
    return negotiate(requested, -1, false, settings);
  }

  /** Returns the options in force. */
  public TftpOptions options() {
    return options;
  }

  /** Returns the OACK's options; empty means no OACK (a plain RFC 1350 transfer). */
  public Map<String, String> oack() {
    return oack;
  }

  private static ServerOptionNegotiation negotiate(Map<String, String> requested, long fileSize,
      boolean read, TftpServerSettings settings) {
    TftpOptions.Builder b = TftpOptions.builder();
    Map<String, String> oack = new LinkedHashMap<>();
    requested.forEach((name, text) -> {
      long v = OptionValues.parse(text);
      if (v < 0) {
        return;
      }
      switch (name) {
        case TftpOptions.BLKSIZE:
          if (v >= TftpOptions.MIN_BLKSIZE) {
            int blksize = (int) Math.min(v, settings.maxBlksize());
            b.blksize(blksize);
            oack.put(name, Integer.toString(blksize));
          }
          break;
        case TftpOptions.WINDOWSIZE:
          if (v >= TftpOptions.MIN_WINDOWSIZE) {
            int windowsize = (int) Math.min(v, settings.maxWindowsize());
            b.windowsize(windowsize);
            oack.put(name, Integer.toString(windowsize));
          }
          break;
        case TftpOptions.TIMEOUT:
          if (v >= TftpOptions.MIN_TIMEOUT && v <= TftpOptions.MAX_TIMEOUT) {
            b.timeout((int) v);
            oack.put(name, Long.toString(v));
          }
          break;
        case TftpOptions.UTIMEOUT:
          if (v >= TftpOptions.MIN_UTIMEOUT && v <= TftpOptions.MAX_UTIMEOUT) {
            b.utimeout(v);
            oack.put(name, Long.toString(v));
          }
          break;
        case TftpOptions.TSIZE:
          long size = read ? fileSize : v;
          if (size >= 0) {
            b.tsize(size);
            oack.put(name, Long.toString(size));
          }
          break;
        case TftpOptions.ROLLOVER:
          if (v <= 1) {
            b.rollover((int) v);
            oack.put(name, Long.toString(v));
          }
          break;
        default:
          break;
      }
    });
    return new ServerOptionNegotiation(b.build(), oack);
  }
}
