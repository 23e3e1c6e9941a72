package dev.netboot.syslinux.internal;

import dev.netboot.syslinux.Keyword;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads one line the way syslinux 6.x's {@code parse_config_file()} does: {@code skipspace()}
 * skips every character up to {@code ' '}, {@code looking_at()} compares ASCII letters without
 * case and needs white space or the end of the line after the keyword, and the line ends at its
 * first carriage return.
 */
public final class Lexer {
  private static final Map<String, Keyword> TOP = new HashMap<>();
  private static final Map<String, Keyword> MENU = new HashMap<>();

  static {
    for (Keyword k : Keyword.known()) {
      String name = k.name();
      if (name.startsWith("MENU ")) {
        if (k != Keyword.MENU_MASTER_PASSWD) {
          MENU.put(lower(name.substring(5)), k);
        }
      } else if (k.functionKeyNumber() == 0 && k.role() != Keyword.Role.TEXT) {
        TOP.put(lower(name), k);
      }
    }
  }

  private Lexer() {}

  /** Returns whether syslinux's {@code my_isspace()} counts {@code c} as white space. */
  public static boolean isSpace(char c) {
    return c <= ' ';
  }

  /** Returns the index of the first non-space character at or after {@code i}. */
  public static int skipSpace(String s, int i) {
    while (i < s.length() && isSpace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  /** Returns the end of the word starting at {@code i}. */
  public static int wordEnd(String s, int i) {
    while (i < s.length() && !isSpace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  /** Returns {@code line} up to its first carriage return, as syslinux truncates it. */
  public static String semantic(String line) {
    int cr = line.indexOf('\r');
    return cr < 0 ? line : line.substring(0, cr);
  }

  /** Returns the index after keyword {@code kwd} at {@code i}, or -1 if it is not there. */
  public static int lookingAt(String s, int i, String kwd) {
    int end = i + kwd.length();
    if (end > s.length()) {
      return -1;
    }
    for (int k = 0; k < kwd.length(); k++) {
      if (((s.charAt(i + k) ^ kwd.charAt(k)) & ~0x20) != 0) {
        return -1;
      }
    }
    return end == s.length() || isSpace(s.charAt(end)) ? end : -1;
  }

  /**
   * Classifies one line (without its terminator).
   *
   * @param raw the line as stored in the file
   * @return its syntax
   */
  public static LineSyntax classify(String raw) {
    String s = semantic(raw);
    int p = skipSpace(s, 0);
    if (p == s.length()) {
      return LineSyntax.blank();
    }
    if (s.charAt(p) == '#') {
      return LineSyntax.comment(p);
    }
    int e = lookingAt(s, p, "menu");
    if (e >= 0) {
      return menu(s, p, e);
    }
    e = lookingAt(s, p, "text");
    if (e >= 0) {
      int q = skipSpace(s, e);
      int h = lookingAt(s, q, "help");
      return h >= 0
          ? LineSyntax.directive(Keyword.TEXT_HELP, p, skipSpace(s, h))
          : LineSyntax.directive(Keyword.TEXT, p, q);
    }
    e = functionKeyEnd(s, p);
    if (e >= 0) {
      return LineSyntax.directive(Keyword.functionKey(functionKey(s, p)), p, skipSpace(s, e));
    }
    int w = wordEnd(s, p);
    Keyword k = TOP.get(lower(s.substring(p, w)));
    if (k == null) {
      return LineSyntax.directive(Keyword.unknown(s.substring(p, w)), p, skipSpace(s, w));
    }
    // SAY prints from p + 4, one character after the keyword, without skipping spaces.
    int arg = k == Keyword.SAY ? Math.min(w + 1, s.length()) : skipSpace(s, w);
    return LineSyntax.directive(k, p, arg);
  }

  private static LineSyntax menu(String s, int p, int e) {
    int q = skipSpace(s, e);
    if (q == s.length()) {
      return LineSyntax.directive(Keyword.unknown(s.substring(p, e)), p, q);
    }
    int w = wordEnd(s, q);
    String sub = lower(s.substring(q, w));
    if (sub.equals("master")) {
      int r = skipSpace(s, w);
      int pw = lookingAt(s, r, "passwd");
      if (pw >= 0) {
        return LineSyntax.directive(Keyword.MENU_MASTER_PASSWD, p, skipSpace(s, pw));
      }
    }
    Keyword k = MENU.get(sub);
    if (k == null) {
      return LineSyntax.directive(
          Keyword.unknown("MENU " + s.substring(q, w)), p, skipSpace(s, w));
    }
    return LineSyntax.directive(k, p, skipSpace(s, w));
  }

  // is_fkey(): 'f' or 'F', then strtoul(..., 10), which skips C white space, takes a sign and
  // digits, and leaves the end at the 'f' + 1 when there are no digits: "F" alone is F10.
  private static int functionKeyEnd(String s, int p) {
    if ((s.charAt(p) | 0x20) != 'f') {
      return -1;
    }
    int i = p + 1;
    while (i < s.length() && " \t\n\u000b\f\r".indexOf(s.charAt(i)) >= 0) {
      i++;
    }
    boolean negative = false;
    if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      negative = s.charAt(i) == '-';
      i++;
    }
    int digits = i;
    long value = 0;
    while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
      value = Math.min(value * 10 + (s.charAt(i) - '0'), 1_000);
      i++;
    }
    int end = i == digits ? p + 1 : i;
    if (i == digits) {
      value = 0;
      negative = false;
    }
    if (end < s.length() && !isSpace(s.charAt(end))) {
      return -1;
    }
    if ((negative && value != 0) || value > 12) {
      return -1;
    }
    return end;
  }

  private static int functionKey(String s, int p) {
    int end = functionKeyEnd(s, p);
    int value = 0;
    for (int i = p + 1; i < end; i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        value = value * 10 + (c - '0');
      }
    }
    return value == 0 ? 10 : value;
  }

  /** Lower-cases ASCII letters only, as syslinux's keyword comparison does. */
  public static String lower(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      b.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
    }
    return b.toString();
  }

  /**
   * Returns syslinux's {@code atoi()} of {@code s}: C white space, a sign, then digits; 0 when
   * there are none.
   */
  public static long atoi(String s) {
    int i = 0;
    while (i < s.length() && " \t\n\u000b\f\r".indexOf(s.charAt(i)) >= 0) {
      i++;
    }
    boolean negative = false;
    if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      negative = s.charAt(i) == '-';
      i++;
    }
    long value = 0;
    while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9' && value < 1L << 40) {
      value = value * 10 + (s.charAt(i) - '0');
      i++;
    }
    return negative ? -value : value;
  }
}
