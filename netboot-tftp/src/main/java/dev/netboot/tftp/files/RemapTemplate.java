package dev.netboot.tftp.files;

import java.net.InetAddress;
import java.util.Locale;
import java.util.regex.MatchResult;
import org.jspecify.annotations.Nullable;

/**
 * Expands a replacement pattern as tftp-hpa does: {@code \0}..{@code \9} for the match and its
 * groups, {@code \U}, {@code \L} and {@code \E} to change the case of what follows,
 * {@code \i} and {@code \x} for the client's address, {@code \\} for a backslash; before any
 * other character a backslash is dropped, so {@code \#} and {@code \ } are literal.
 */
final class RemapTemplate {
  private enum CaseChange { NONE, UPPER, LOWER }

  private RemapTemplate() {}

  /**
   * Appends the expansion to {@code out}.
   *
   * @param match the match, or null when there is none (an inverse rule): groups expand to ""
   * @param peer the client's address, or null if unknown: {@code \i} and {@code \x} expand to ""
   * @param limit the length {@code out} may reach; past it the expansion stops
   * @return false if the limit was reached
   */
  static boolean expand(String template, @Nullable MatchResult match, @Nullable InetAddress peer,
      StringBuilder out, int limit) {
    CaseChange caseChange = CaseChange.NONE;
    int i = 0;
    while (i < template.length()) {
      char c = template.charAt(i);
      String piece;
      if (c != '\\') {
        piece = String.valueOf(c);
        i++;
      } else if (i + 1 == template.length()) {
        out.append('\\');
        break;
      } else {
        char escape = template.charAt(i + 1);
        i += 2;
        if (escape >= '0' && escape <= '9') {
          piece = group(match, escape - '0');
        } else if (escape == 'U' || escape == 'L' || escape == 'E') {
          caseChange = escape == 'U' ? CaseChange.UPPER
              : escape == 'L' ? CaseChange.LOWER : CaseChange.NONE;
          continue;
        } else if (escape == '\\') {
          out.append('\\');
          continue;
        } else if (escape == 'i' || escape == 'x') {
          piece = peer == null ? ""
              : escape == 'i' ? AddressText.text(peer) : AddressText.hex(peer);
        } else {
          piece = String.valueOf(escape);
        }
      }
      out.append(caseChange == CaseChange.UPPER ? piece.toUpperCase(Locale.ROOT)
          : caseChange == CaseChange.LOWER ? piece.toLowerCase(Locale.ROOT) : piece);
      if (out.length() > limit) {
        return false;
      }
    }
    return out.length() <= limit;
  }

  private static String group(@Nullable MatchResult match, int group) {
    if (match == null || group > match.groupCount()) {
      return "";
    }
    String text = match.group(group);
    return text == null ? "" : text;
  }
}
