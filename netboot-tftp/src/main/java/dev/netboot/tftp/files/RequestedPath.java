package dev.netboot.tftp.files;

import dev.netboot.tftp.TftpErrorCode;
import dev.netboot.tftp.TftpFileException;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits a requested file name into path segments, refusing every spelling that could leave the
 * root. Everything here depends on the name alone, never on the file system, so a refusal tells
 * the client nothing about what exists.
 */
final class RequestedPath {
  /** Prefix of the temporary files uploads are written to; they are never served. */
  static final String UPLOAD_PREFIX = ".netboot-upload-";

  private static final boolean WINDOWS = File.separatorChar == '\\';
  private static final Set<String> DEVICE_NAMES = Set.of("con", "prn", "aux", "nul",
      "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9",
      "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9");

  private RequestedPath() {}

  static List<String> segments(String name, boolean stripLeadingSlash, boolean backslashIsSeparator)
      throws TftpFileException {
    if (name.length() > DirectoryFileSource.MAX_NAME_LENGTH) {
      throw refused("file name too long");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        throw refused("control character in file name");
      }
      if (c == '\\' && !backslashIsSeparator) {
        throw refused("backslash in file name");
      }
    }
    String path = backslashIsSeparator ? name.replace('\\', '/') : name;
    if (path.startsWith("/")) {
      if (!stripLeadingSlash) {
        throw refused("absolute file name");
      }
      path = path.replaceFirst("^/+", "");
    }
    List<String> segments = new ArrayList<>();
    for (String segment : path.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".")) {
        continue;
      }
      checkSegment(segment);
      segments.add(segment);
    }
    if (segments.isEmpty()) {
      throw refused("empty file name");
    }
    if (segments.size() > DirectoryFileSource.MAX_PATH_DEPTH) {
      throw refused("file name too deep");
    }
    return segments;
  }

  private static void checkSegment(String segment) throws TftpFileException {
    if (segment.equals("..")) {
      throw refused("parent directory in file name");
    }
    if (segment.getBytes(StandardCharsets.UTF_8).length > DirectoryFileSource.MAX_SEGMENT_BYTES) {
      throw refused("file name too long");
    }
    if (isDeviceName(segment)) {
      throw refused("reserved device name");
    }
    if (WINDOWS && (segment.matches(".*[<>:\"|?*].*") || segment.matches(".*[. ]"))) {
      throw refused("character not allowed in file name");
    }
    if (segment.toLowerCase(Locale.ROOT).startsWith(UPLOAD_PREFIX)) {
      // An upload in progress does not exist yet, as far as clients can tell.
      throw new TftpFileException(TftpErrorCode.FILE_NOT_FOUND, "file not found");
    }
  }

  /** Windows opens these as devices in every directory and with any extension. */
  private static boolean isDeviceName(String segment) {
    int dot = segment.indexOf('.');
    String base = (dot < 0 ? segment : segment.substring(0, dot)).stripTrailing();
    return DEVICE_NAMES.contains(base.toLowerCase(Locale.ROOT));
  }

  static TftpFileException refused(String message) {
    return new TftpFileException(TftpErrorCode.ACCESS_VIOLATION, message);
  }
}
