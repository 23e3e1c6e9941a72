package dev.netboot.server.api;

import org.jspecify.annotations.Nullable;

/**
 * Reads one action of a command-line template, from just after its opening braces: Go's trim markers,
 * a comment, or {@code URL} with one string literal (see {@link CmdlineTemplate}).
 */
final class ActionParser {
  private final String text;
  /** The position after the action once {@link #parse} returned. */
  int pos;
  /** Whether the action starts with the trim marker, which removes the white space before it. */
  final boolean trimLeft;
  /** Whether the action ends with the trim marker, which removes the white space after it. */
  boolean trimRight;

  /**
   * Starts reading.
   *
   * @param text the template
   * @param start the position just after the action's opening braces
   */
  ActionParser(String text, int start) {
    this.text = text;
    this.pos = start;
    // Go's left trim marker is a dash and one space; "{{-3}}" is the number -3, not a trim.
    this.trimLeft = start + 1 < text.length() && text.charAt(start) == '-'
        && CmdlineTemplate.isSpace(text.charAt(start + 1));
    if (trimLeft) {
      pos += 2;
    }
  }

  /**
   * Reads the rest of the action.
   *
   * @return the URL argument of {@code URL}, or {@code null} for a comment
   * @throws ApiResponseException for anything outside the supported subset
   */
  @Nullable String parse() throws ApiResponseException {
    if (text.startsWith("/*", pos)) {
      int end = text.indexOf("*/", pos + 2);
      if (end < 0) {
        throw unsupported("unclosed comment");
      }
      pos = end + 2;
      close(false);
      return null;
    }
    skipSpace();
    if (!text.startsWith("URL", pos) || pos + 3 >= text.length()
        || !CmdlineTemplate.isSpace(text.charAt(pos + 3))) {
      throw unsupported("only {{ URL \"...\" }} actions are supported");
    }
    pos += 3;
    skipSpace();
    String url = literal();
    int beforeSpace = pos;
    skipSpace();
    close(pos > beforeSpace);
    return url;
  }

  /** Reads the closing braces, after Go's right trim marker (one space and a dash) if present. */
  private void close(boolean spaceBefore) throws ApiResponseException {
    if (text.startsWith("-}}", pos) && spaceBefore) {
      trimRight = true;
      pos += 3;
    } else if (text.startsWith(" -}}", pos)) {
      trimRight = true;
      pos += 4;
    } else if (text.startsWith("}}", pos)) {
      pos += 2;
    } else {
      throw unsupported("expected }} after the action");
    }
  }

  private String literal() throws ApiResponseException {
    if (pos >= text.length()) {
      throw unsupported("unclosed action");
    }
    char quote = text.charAt(pos);
    if (quote == '`') {
      int end = text.indexOf('`', pos + 1);
      if (end < 0) {
        throw unsupported("unterminated raw string");
      }
      String raw = text.substring(pos + 1, end);
      pos = end + 1;
      // strconv.Unquote drops carriage returns from raw strings.
      return raw.replace("\r", "");
    }
    if (quote != '"') {
      throw unsupported("URL takes one string literal");
    }
    pos++;
    StringBuilder sb = new StringBuilder();
    while (true) {
      if (pos >= text.length() || text.charAt(pos) == '\n') {
        throw unsupported("unterminated string");
      }
      char c = text.charAt(pos++);
      if (c == '"') {
        return sb.toString();
      }
      if (c != '\\') {
        sb.append(c);
        continue;
      }
      if (pos >= text.length()) {
        throw unsupported("unterminated string");
      }
      char e = text.charAt(pos++);
      switch (e) {
        case 'a': sb.append('\u0007'); break;
        case 'b': sb.append('\b'); break;
        case 'f': sb.append('\f'); break;
        case 'n': sb.append('\n'); break;
        case 'r': sb.append('\r'); break;
        case 't': sb.append('\t'); break;
        case 'v': sb.append('\u000b'); break;
        case '\\': sb.append('\\'); break;
        case '"': sb.append('"'); break;
        case 'x': sb.append(ascii(number(2, 16))); break;
        case 'u': sb.appendCodePoint(codePoint(number(4, 16))); break;
        case 'U': sb.appendCodePoint(codePoint(number(8, 16))); break;
        default:
          if (e >= '0' && e <= '7') {
            pos--;
            sb.append(ascii(number(3, 8)));
            break;
          }
          throw unsupported("invalid escape in a string");
      }
    }
  }

  private int number(int digits, int radix) throws ApiResponseException {
    if (pos + digits > text.length()) {
      throw unsupported("truncated escape");
    }
    long value = 0;
    for (int i = 0; i < digits; i++) {
      char c = text.charAt(pos + i);
      int digit = c < 0x80 ? Character.digit(c, radix) : -1;
      if (digit < 0) {
        throw unsupported("invalid escape in a string");
      }
      value = value * radix + digit;
    }
    pos += digits;
    return value > Integer.MAX_VALUE ? -1 : (int) value;
  }

  /** Byte escapes make UTF-8 bytes in Go; above ASCII they are not supported here. */
  private char ascii(int value) throws ApiResponseException {
    if (value < 0 || value >= 0x80) {
      throw unsupported("byte escapes above ASCII are not supported");
    }
    return (char) value;
  }

  private int codePoint(int value) throws ApiResponseException {
    if (value < 0 || value > Character.MAX_CODE_POINT
        || (value >= Character.MIN_SURROGATE && value <= Character.MAX_SURROGATE)) {
      throw unsupported("escape is not a Unicode code point");
    }
    return value;
  }

  private void skipSpace() {
    while (pos < text.length() && CmdlineTemplate.isSpace(text.charAt(pos))) {
      pos++;
    }
  }

  private ApiResponseException unsupported(String what) {
    return new ApiResponseException("cmdline template at offset " + pos + ": " + what);
  }
}
