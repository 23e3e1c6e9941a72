package dev.netboot.server.http;

import io.netty.handler.codec.http.QueryStringDecoder;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A request target (RFC 9112 section 3.2) split into a decoded, checked path and query. It
 * refuses, rather than repairs, every spelling that file servers have been tricked with: dot
 * segments, encoded or raw backslashes, encoded slashes, NUL and other control characters,
 * malformed escapes and invalid UTF-8; runs of slashes become one. Nothing outside what the
 * resolver returns is ever served anyway; refusing early keeps odd paths from reaching
 * resolvers at all.
 *
 * @param path the decoded path, starting with {@code /}
 * @param query the decoded query parameters
 */
record RequestTarget(String path, Map<String, List<String>> query) {
  /** Query parameters kept per request; boot URLs carry two or three. */
  static final int MAX_QUERY_PARAMETERS = 64;

  /**
   * Parses an origin-form ({@code /path?query}) or absolute-form
   * ({@code http://host/path?query}) target.
   *
   * @param target the request target as sent
   * @return the target, or empty when it must be refused with 400
   */
  static Optional<RequestTarget> parse(String target) {
    String rest = target;
    String lower = target.toLowerCase(Locale.ROOT);
    if (lower.startsWith("http://") || lower.startsWith("https://")) {
      // Absolute form (RFC 9112 section 3.2.2): the authority is not ours to check; only the
      // path counts, and an absent path means "/".
      int authorityStart = lower.indexOf("//") + 2;
      int pathStart = indexOfAny(target, authorityStart, "/?#");
      rest = pathStart < 0 ? "/" : target.substring(pathStart);
      if (!rest.startsWith("/")) {
        rest = "/" + rest;
      }
    }
    if (!rest.startsWith("/")) {
      return Optional.empty();
    }
    int hash = rest.indexOf('#');
    if (hash >= 0) {
      rest = rest.substring(0, hash);
    }
    int question = rest.indexOf('?');
    String rawPath = question < 0 ? rest : rest.substring(0, question);
    String rawQuery = question < 0 ? "" : rest.substring(question + 1);
    Optional<String> path = decodePath(rawPath);
    if (path.isEmpty()) {
      return Optional.empty();
    }
    Map<String, List<String>> query;
    try {
      query = new QueryStringDecoder("/?" + rawQuery, StandardCharsets.UTF_8, true,
          MAX_QUERY_PARAMETERS).parameters();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    return Optional.of(new RequestTarget(path.get(), query));
  }

  private static Optional<String> decodePath(String raw) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        if (i + 2 >= raw.length()) {
          return Optional.empty();
        }
        int hi = Character.digit(raw.charAt(i + 1), 16);
        int lo = Character.digit(raw.charAt(i + 2), 16);
        if (hi < 0 || lo < 0) {
          return Optional.empty();
        }
        int b = hi << 4 | lo;
        if (b == '/' || b == '\\' || b < 0x20 || b == 0x7f) {
          return Optional.empty();
        }
        bytes.write(b);
        i += 2;
      } else if (c == '\\' || c < 0x20 || c >= 0x7f) {
        // Raw non-ASCII is not valid in a request target (RFC 3986 section 2).
        return Optional.empty();
      } else {
        bytes.write(c);
      }
    }
    String path;
    try {
      path = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
    if (path.chars().anyMatch(ch -> ch < 0x20 || (ch >= 0x7f && ch < 0xa0))) {
      return Optional.empty();
    }
    // Empty segments are collapsed: "//etc/passwd" must not look absolute to a resolver that
    // joins the path onto a directory.
    path = path.replaceAll("/{2,}", "/");
    for (String segment : path.split("/", -1)) {
      if (segment.equals(".") || segment.equals("..")) {
        return Optional.empty();
      }
    }
    return Optional.of(path);
  }

  private static int indexOfAny(String s, int from, String chars) {
    for (int i = from; i < s.length(); i++) {
      if (chars.indexOf(s.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }
}
