package dev.netboot.tftp;

import dev.netboot.tftp.internal.ClientReadTransfer;
import dev.netboot.tftp.internal.ClientWriteTransfer;
import dev.netboot.tftp.internal.OptionValues;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Makes the client side of transfers (RFC 1350, RFC 2347, RFC 2348, RFC 2349, RFC 7440). A
 * client transfer's first packet is its request, which the transport sends to the server's
 * well-known port; see {@link TftpTransfer} for how the peer is then locked to the port of the
 * first answer.
 */
public final class TftpClientTransfers {
  private TftpClientTransfers() {}

  /**
   * Makes a download.
   *
   * @param filename the file on the server
   * @param mode {@code octet} or {@code netascii}
   * @param options the options to ask, e.g. {@code blksize=1468, windowsize=16, tsize=0};
   *     empty for plain RFC 1350
   * @param target where the file goes: committed when complete, closed in any case
   * @param settings timers
   * @return the transfer, not started
   * @throws IllegalArgumentException if the mode is not one of the two, or a known option's
   *     value is out of its range
   */
  public static TftpTransfer read(String filename, String mode, Map<String, String> options,
      TftpWritableFile target, TftpClientSettings settings) {
    TftpRequest request = request(TftpOpcode.RRQ, filename, mode, options);
    return new ClientReadTransfer(request, target, settings.retransmit());
  }

  /**
   * Makes an upload. A {@code tsize} option is sent with the source's size (RFC 2349), or left
   * out when the size is unknown or the mode is netascii (whose size on the wire differs).
   *
   * @param filename the file on the server
   * @param mode {@code octet} or {@code netascii}
   * @param options the options to ask; empty for plain RFC 1350
   * @param source the file to send, closed when the transfer ends
   * @param settings timers
   * @return the transfer, not started
   * @throws IllegalArgumentException if the mode is not one of the two, or a known option's
   *     value is out of its range
   */
  public static TftpTransfer write(String filename, String mode, Map<String, String> options,
      TftpReadableFile source, TftpClientSettings settings) {
    Map<String, String> asked = new LinkedHashMap<>(options);
    if (asked.containsKey(TftpOptions.TSIZE)) {
      long size = source.size();
      if (size >= 0 && TftpRequest.MODE_OCTET.equalsIgnoreCase(mode)) {
        asked.put(TftpOptions.TSIZE, Long.toString(size));
      } else {
        asked.remove(TftpOptions.TSIZE);
      }
    }
    TftpRequest request = request(TftpOpcode.WRQ, filename, mode, asked);
    return new ClientWriteTransfer(request, source, settings.retransmit());
  }

  private static TftpRequest request(
      TftpOpcode opcode, String filename, String mode, Map<String, String> options) {
    TftpRequest request = TftpRequest.builder(opcode, filename).mode(mode).options(options).build();
    if (!request.mode().equals(TftpRequest.MODE_OCTET)
        && !request.mode().equals(TftpRequest.MODE_NETASCII)) {
      throw new IllegalArgumentException("mode: " + mode + " (expected: octet or netascii)");
    }
    request.options().forEach(TftpClientTransfers::checkOption);
    return request;
  }

  private static void checkOption(String name, String value) {
    long v = OptionValues.parse(value);
    TftpOptions.Builder b = TftpOptions.builder();
    try {
      switch (name) {
        case TftpOptions.BLKSIZE:
          b.blksize(v > Integer.MAX_VALUE ? -1 : (int) v);
          break;
        case TftpOptions.WINDOWSIZE:
          b.windowsize(v > Integer.MAX_VALUE ? -1 : (int) v);
          break;
        case TftpOptions.TIMEOUT:
          b.timeout(v > Integer.MAX_VALUE || v < 0 ? 0 : (int) v);
          break;
        case TftpOptions.UTIMEOUT:
          b.utimeout(v < 0 ? 0 : v);
          break;
        case TftpOptions.TSIZE:
          b.tsize(v < 0 ? -2 : v);
          break;
        case TftpOptions.ROLLOVER:
          b.rollover(v > 1 || v < 0 ? 2 : (int) v);
          break;
        default:
          break;
      }
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("option " + name + "=" + value + ": " + e.getMessage(), e);
    }
  }
}
