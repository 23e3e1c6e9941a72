package dev.netboot.server.http;

import java.util.Locale;
import java.util.Map;

/** Media types of boot files, guessed from the file name. */
final class ContentTypes {
  /** What unknown files are sent as: boot loaders, kernels and initrds are opaque bytes. */
  static final String OCTET_STREAM = "application/octet-stream";

  private static final Map<String, String> BY_EXTENSION = Map.of(
      "ipxe", "text/plain; charset=utf-8",
      "cfg", "text/plain; charset=utf-8",
      "conf", "text/plain; charset=utf-8",
      "txt", "text/plain; charset=utf-8",
      "json", "application/json",
      "iso", "application/x-iso9660-image",
      "html", "text/html; charset=utf-8");

  private ContentTypes() {}

  static String forName(String name) {
    int dot = name.lastIndexOf('.');
    if (dot < 0) {
      return OCTET_STREAM;
    }
    String extension = name.substring(dot + 1).toLowerCase(Locale.ROOT);
    return BY_EXTENSION.getOrDefault(extension, OCTET_STREAM);
  }
}
