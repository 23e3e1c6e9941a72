package dev.netboot.server.api;

/**
 * Go's {@code strconv.Quote} (what {@code fmt}'s {@code %q} prints for a string): Pixiecore quotes
 * the string values of an object command line with it, and we must produce the same bytes.
 */
final class GoQuote {
  private GoQuote() {}

  /**
   * Quotes a string as Go does: backslash before {@code "} and {@code \}, printable characters
   * as they are, the C escapes for BEL, BS, FF, LF, CR, HT and VT, {@code \x} for other ASCII
   * controls and {@code \\u} or {@code \U} for other unprintable code points.
   *
   * @param s the string
   * @return the quoted string, with its double quotes
   */
  static String quote(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    s.codePoints().forEach(cp -> appendRune(sb, cp));
    return sb.append('"').toString();
  }

  private static void appendRune(StringBuilder sb, int cp) {
    if (cp == '"' || cp == '\\') {
      sb.append('\\').appendCodePoint(cp);
    } else if (isPrint(cp)) {
      sb.appendCodePoint(cp);
    } else {
      switch (cp) {
        case 0x07: sb.append("\\a"); break;
        case '\b': sb.append("\\b"); break;
        case '\f': sb.append("\\f"); break;
        case '\n': sb.append("\\n"); break;
        case '\r': sb.append("\\r"); break;
        case '\t': sb.append("\\t"); break;
        case 0x0b: sb.append("\\v"); break;
        default:
          if (cp < ' ' || cp == 0x7f) {
            sb.append(String.format("\\x%02x", cp));
          } else if (Character.isSurrogate((char) cp) && cp <= 0xffff) {
            // A lone surrogate is invalid UTF-8 in Go, which prints the replacement character.
            sb.append("\\ufffd");
          } else if (cp < 0x10000) {
            sb.append(String.format("\\u%04x", cp));
          } else {
            sb.append(String.format("\\U%08x", cp));
          }
          break;
      }
    }
  }

  /** Go's {@code unicode.IsPrint}: letters, marks, numbers, punctuation, symbols and ASCII space. */
  static boolean isPrint(int cp) {
    if (cp == ' ') {
      return true;
    }
    switch (Character.getType(cp)) {
      case Character.UNASSIGNED:
      case Character.CONTROL:
      case Character.FORMAT:
      case Character.PRIVATE_USE:
      case Character.SURROGATE:
      case Character.SPACE_SEPARATOR:
      case Character.LINE_SEPARATOR:
      case Character.PARAGRAPH_SEPARATOR:
        return false;
      default:
        return true;
    }
  }
}
