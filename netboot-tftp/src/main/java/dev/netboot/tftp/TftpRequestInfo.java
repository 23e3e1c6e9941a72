package dev.netboot.tftp;

import java.net.InetSocketAddress;
import java.util.Map;

/**
 * What a file source learns of a request: the name as the client sent it, the transfer mode, the
 * options the client asked for (names lower-cased, in the client's order) and who asked.
 *
 * @param filename the file name exactly as sent, not yet interpreted
 * @param mode the transfer mode, lower-cased: {@code octet} or {@code netascii}
 * @param options the requested options, names lower-cased, values as sent
 * @param peer the client's address and port
 */
public record TftpRequestInfo(
    String filename, String mode, Map<String, String> options, InetSocketAddress peer) {
  /** Copies the options so the record stays immutable. */
  public TftpRequestInfo {
    options = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(options));
  }
}
