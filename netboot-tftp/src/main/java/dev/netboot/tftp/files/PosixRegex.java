package dev.netboot.tftp.files;

import java.util.Map;
import java.util.regex.PatternSyntaxException;

/**
 * Translates a POSIX extended regular expression, as tftp-hpa's rules are written, into
 * {@link java.util.regex.Pattern} syntax. The two agree on most of it; what differs is handled
 * here: bracket expressions (a backslash is literal inside them, {@code [:alpha:]} classes, and
 * Java's {@code [} and {@code &&} must not take effect), {@code $} only at the very end, and
 * GNU's word anchors. POSIX picks the longest of alternatives where Java picks the first: rules
 * that depend on that are not translated.
 */
final class PosixRegex {
  private static final Map<String, String> CLASSES = Map.ofEntries(
      Map.entry("alpha", "\\p{Alpha}"), Map.entry("digit", "\\p{Digit}"),
      Map.entry("alnum", "\\p{Alnum}"), Map.entry("upper", "\\p{Upper}"),
      Map.entry("lower", "\\p{Lower}"), Map.entry("space", "\\s"),
      Map.entry("blank", "\\p{Blank}"), Map.entry("punct", "\\p{Punct}"),
      Map.entry("print", "\\p{Print}"), Map.entry("graph", "\\p{Graph}"),
      Map.entry("cntrl", "\\p{Cntrl}"), Map.entry("xdigit", "\\p{XDigit}"));

  private PosixRegex() {}

  static String toJava(String ere) {
    StringBuilder out = new StringBuilder(ere.length() + 16);
    int i = 0;
    while (i < ere.length()) {
      char c = ere.charAt(i);
      if (c == '\\' && i + 1 < ere.length()) {
        out.append(escape(ere.charAt(i + 1)));
        i += 2;
      } else if (c == '[') {
        i = bracket(ere, i, out);
      } else {
        out.append(c == '$' ? "\\z" : String.valueOf(c));
        i++;
      }
    }
    return out.toString();
  }

  private static String escape(char c) {
    switch (c) {
      case '<':
        return "\\b(?=\\w)";
      case '>':
        return "\\b(?<=\\w)";
      case '`':
        return "\\A";
      case '\'':
        return "\\z";
      default:
        return "\\" + c;
    }
  }

  /** Translates the bracket expression at {@code start}; returns the index after it. */
  private static int bracket(String ere, int start, StringBuilder out) {
    int i = start + 1;
    out.append('[');
    if (i < ere.length() && ere.charAt(i) == '^') {
      out.append('^');
      i++;
    }
    if (i < ere.length() && ere.charAt(i) == ']') {
      out.append("\\]");
      i++;
    }
    while (i < ere.length() && ere.charAt(i) != ']') {
      char c = ere.charAt(i);
      if (c == '[' && i + 1 < ere.length() && ":=.".indexOf(ere.charAt(i + 1)) >= 0) {
        i = namedClass(ere, i, out);
        continue;
      }
      if ("\\[&^".indexOf(c) >= 0) {
        out.append('\\');
      }
      out.append(c);
      i++;
    }
    if (i >= ere.length()) {
      throw new PatternSyntaxException("unterminated bracket expression", ere, start);
    }
    out.append(']');
    return i + 1;
  }

  private static int namedClass(String ere, int start, StringBuilder out) {
    char kind = ere.charAt(start + 1);
    int end = ere.indexOf(kind + "]", start + 2);
    if (end < 0) {
      throw new PatternSyntaxException("unterminated [" + kind, ere, start);
    }
    String name = ere.substring(start + 2, end);
    String translated = kind == ':' ? CLASSES.get(name) : null;
    if (translated == null) {
      throw new PatternSyntaxException("unsupported [" + kind + name + kind + "]", ere, start);
    }
    out.append(translated);
    return end + 2;
  }
}
