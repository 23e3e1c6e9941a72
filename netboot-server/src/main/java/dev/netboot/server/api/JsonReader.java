package dev.netboot.server.api;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small strict JSON reader (RFC 8259) for API responses, so that API mode needs no JSON library.
 *
 * <p>Values map to Java as: object to an unmodifiable {@code Map<String, Object>} in document
 * order (a repeated name keeps its last value, as Go's {@code encoding/json} does), array to an
 * unmodifiable {@code List<Object>}, string to {@code String}, number to {@code BigDecimal},
 * {@code true}/{@code false} to {@code Boolean} and {@code null} to {@link #NULL}.
 *
 * <p>Strict means: exactly one value with only whitespace around it, no trailing commas, no
 * comments, no leading zeros, no control characters in strings and no lone surrogate escapes.
 * Hostile input hits {@link #MAX_DEPTH} rather than the stack.
 */
final class JsonReader {
  /** How deeply arrays and objects may nest; Pixiecore's documents nest three levels. */
  static final int MAX_DEPTH = 64;

  /** Stands for JSON {@code null}, which Java collections cannot hold. */
  static final Object NULL = new Object() {
    @Override
    public String toString() {
      return "null";
    }
  };

  private final String text;
  private int pos;

  private JsonReader(String text) {
    this.text = text;
  }

  /**
   * Reads one JSON value.
   *
   * @param text the whole document
   * @return the value, mapped as the class comment says
   * @throws JsonSyntaxException if the text is not exactly one JSON value
   */
  static Object parse(String text) throws JsonSyntaxException {
    JsonReader reader = new JsonReader(text);
    reader.skipWhitespace();
    Object value = reader.value(0);
    reader.skipWhitespace();
    if (reader.pos != text.length()) {
      throw reader.error("content after the value");
    }
    return value;
  }

  private Object value(int depth) throws JsonSyntaxException {
    if (pos >= text.length()) {
      throw error("end of input where a value was expected");
    }
    char c = text.charAt(pos);
    switch (c) {
      case '{':
        return object(depth + 1);
      case '[':
        return array(depth + 1);
      case '"':
        return string();
      case 't':
        literal("true");
        return Boolean.TRUE;
      case 'f':
        literal("false");
        return Boolean.FALSE;
      case 'n':
        literal("null");
        return NULL;
      default:
        if (c == '-' || (c >= '0' && c <= '9')) {
          return number();
        }
        throw error("unexpected character '" + printable(c) + "'");
    }
  }

  private Map<String, Object> object(int depth) throws JsonSyntaxException {
    checkDepth(depth);
    pos++;
    Map<String, Object> members = new LinkedHashMap<>();
    skipWhitespace();
    if (peek() == '}') {
      pos++;
      return Collections.unmodifiableMap(members);
    }
    while (true) {
      skipWhitespace();
      if (peek() != '"') {
        throw error("expected a member name");
      }
      String name = string();
      skipWhitespace();
      expect(':');
      skipWhitespace();
      Object value = value(depth);
      // Go keeps the last of repeated names; remove first so the order follows that last one.
      members.remove(name);
      members.put(name, value);
      skipWhitespace();
      char c = next("',' or '}'");
      if (c == '}') {
        return Collections.unmodifiableMap(members);
      }
      if (c != ',') {
        pos--;
        throw error("expected ',' or '}'");
      }
    }
  }

  private List<Object> array(int depth) throws JsonSyntaxException {
    checkDepth(depth);
    pos++;
    List<Object> elements = new ArrayList<>();
    skipWhitespace();
    if (peek() == ']') {
      pos++;
      return Collections.unmodifiableList(elements);
    }
    while (true) {
      skipWhitespace();
      elements.add(value(depth));
      skipWhitespace();
      char c = next("',' or ']'");
      if (c == ']') {
        return Collections.unmodifiableList(elements);
      }
      if (c != ',') {
        pos--;
        throw error("expected ',' or ']'");
      }
    }
  }

  private String string() throws JsonSyntaxException {
    pos++;
    StringBuilder sb = new StringBuilder();
    while (true) {
      char c = next("'\"'");
      if (c == '"') {
        return sb.toString();
      }
      if (c < 0x20) {
        pos--;
        throw error("control character in a string");
      }
      if (c != '\\') {
        sb.append(c);
        continue;
      }
      char e = next("an escape");
      switch (e) {
        case '"': case '\\': case '/':
          sb.append(e);
          break;
        case 'b':
          sb.append('\b');
          break;
        case 'f':
          sb.append('\f');
          break;
        case 'n':
          sb.append('\n');
          break;
        case 'r':
          sb.append('\r');
          break;
        case 't':
          sb.append('\t');
          break;
        case 'u':
          unicodeEscape(sb);
          break;
        default:
          pos--;
          throw error("invalid escape '\\" + printable(e) + "'");
      }
    }
  }

  /** Appends the char of a unicode escape, and after a high surrogate its low one. */
  private void unicodeEscape(StringBuilder sb) throws JsonSyntaxException {
    char c = (char) hex4();
    if (Character.isLowSurrogate(c)) {
      throw error("lone low surrogate escape");
    }
    sb.append(c);
    if (Character.isHighSurrogate(c)) {
      if (!text.startsWith("\\u", pos)) {
        throw error("high surrogate escape without its low surrogate");
      }
      pos += 2;
      char low = (char) hex4();
      if (!Character.isLowSurrogate(low)) {
        throw error("high surrogate escape without its low surrogate");
      }
      sb.append(low);
    }
  }

  private int hex4() throws JsonSyntaxException {
    if (pos + 4 > text.length()) {
      throw error("truncated \\u escape");
    }
    int value = 0;
    for (int i = 0; i < 4; i++) {
      char h = text.charAt(pos + i);
      int digit = h < 0x80 ? Character.digit(h, 16) : -1;
      if (digit < 0) {
        throw error("invalid \\u escape");
      }
      value = value * 16 + digit;
    }
    pos += 4;
    return value;
  }

  private BigDecimal number() throws JsonSyntaxException {
    int start = pos;
    if (peek() == '-') {
      pos++;
    }
    if (peek() == '0') {
      pos++;
    } else if (!digits()) {
      throw error("expected a digit");
    }
    if (peek() == '.') {
      pos++;
      if (!digits()) {
        throw error("expected a digit after '.'");
      }
    }
    if (peek() == 'e' || peek() == 'E') {
      pos++;
      if (peek() == '+' || peek() == '-') {
        pos++;
      }
      if (!digits()) {
        throw error("expected a digit in the exponent");
      }
    }
    try {
      return new BigDecimal(text.substring(start, pos));
    } catch (NumberFormatException | ArithmeticException e) {
      // Only an exponent beyond int range gets here.
      throw new JsonSyntaxException("number out of range", start);
    }
  }

  private boolean digits() {
    int start = pos;
    while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
      pos++;
    }
    return pos > start;
  }

  private void literal(String word) throws JsonSyntaxException {
    if (!text.startsWith(word, pos)) {
      throw error("invalid literal");
    }
    pos += word.length();
  }

  private void checkDepth(int depth) throws JsonSyntaxException {
    if (depth > MAX_DEPTH) {
      throw error("nesting deeper than " + MAX_DEPTH);
    }
  }

  private void skipWhitespace() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      pos++;
    }
  }

  /** Returns the next char without consuming it, or NUL at the end (never valid there). */
  private char peek() {
    return pos < text.length() ? text.charAt(pos) : '\0';
  }

  private char next(String expected) throws JsonSyntaxException {
    if (pos >= text.length()) {
      throw error("end of input where " + expected + " was expected");
    }
    return text.charAt(pos++);
  }

  private void expect(char c) throws JsonSyntaxException {
    if (peek() != c) {
      throw error("expected '" + c + "'");
    }
    pos++;
  }

  private JsonSyntaxException error(String message) {
    return new JsonSyntaxException(message, pos);
  }

  private static String printable(char c) {
    return c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c);
  }
}
