package dev.netboot.tftp.files;

import static dev.netboot.tftp.files.RemapRule.ABORT;
import static dev.netboot.tftp.files.RemapRule.EXIT;
import static dev.netboot.tftp.files.RemapRule.GLOBAL;
import static dev.netboot.tftp.files.RemapRule.INVERSE;
import static dev.netboot.tftp.files.RemapRule.JUMP;
import static dev.netboot.tftp.files.RemapRule.LABEL;
import static dev.netboot.tftp.files.RemapRule.RESTART;
import static dev.netboot.tftp.files.RemapRule.REWRITE;
import static dev.netboot.tftp.files.RemapRule.SED_GLOBAL;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;

/**
 * Parses one line of a tftp-hpa remap file: {@code operation regex [replacement]} or
 * {@code :label}. Fields are separated by unescaped white space; an unescaped {@code #} starts
 * a comment. Backslashes stay in the fields: the regex and the replacement give them meaning.
 */
final class RemapRuleParser {
  private static final String FLAG_LETTERS = "rgeEsaji~46GP";
  private static final int[][] BAD_COMBINATIONS = {
    {REWRITE, INVERSE}, {REWRITE, ABORT}, {REWRITE, JUMP}, {ABORT, JUMP}, {ABORT, RESTART},
    {EXIT, JUMP}, {EXIT, ABORT}, {EXIT, RESTART},
  };

  private final String line;
  private final int lineNumber;
  private int position;

  private RemapRuleParser(String line, int lineNumber) {
    this.line = line;
    this.lineNumber = lineNumber;
  }

  /** Returns the line's rule, or null if it holds only white space and comments. */
  static @Nullable RemapRule parse(String line, int lineNumber) {
    return new RemapRuleParser(line, lineNumber).rule();
  }

  private @Nullable RemapRule rule() {
    String operation = nextField();
    if (operation.isEmpty()) {
      return null;
    }
    if (operation.startsWith(":")) {
      if (operation.length() == 1) {
        throw error("empty label");
      }
      expectEnd();
      return new RemapRule(lineNumber, LABEL, null, operation.substring(1));
    }
    int regexFlags = Pattern.DOTALL;
    int flags = 0;
    for (char letter : operation.toCharArray()) {
      if (letter == 'i') {
        regexFlags |= Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
      } else {
        flags |= flag(letter, flags);
      }
    }
    checkCombinations(flags);
    if ((flags & REWRITE) == 0) {
      flags &= ~(GLOBAL | SED_GLOBAL);
    }
    String regex = nextField();
    if (regex.isEmpty()) {
      throw error("regex missing");
    }
    String template = nextField();
    if ((flags & JUMP) != 0 && template.isEmpty()) {
      throw error("no label in j rule");
    }
    expectEnd();
    return new RemapRule(lineNumber, flags, compile(regex, regexFlags), template);
  }

  private int flag(char letter, int flags) {
    switch (letter) {
      case 'r': return REWRITE;
      case 'g': return (flags & GLOBAL) != 0 ? SED_GLOBAL : GLOBAL;
      case 'e': return EXIT;
      case 's': return RESTART;
      case 'a': return ABORT;
      case 'j': return JUMP;
      case '~': return INVERSE;
      case '4': return RemapRule.IPV4;
      case '6': return RemapRule.IPV6;
      case 'G': return RemapRule.GET;
      case 'P': return RemapRule.PUT;
      case 'E':
        // Needs "would this name be served?", which the file source SPI cannot answer yet.
        throw error("flag E is not supported");
      default:
        throw error("invalid operation flag '" + letter + "' (expected: one of " + FLAG_LETTERS
            + ")");
    }
  }

  private void checkCombinations(int flags) {
    for (int[] pair : BAD_COMBINATIONS) {
      if ((flags & pair[0]) != 0 && (flags & pair[1]) != 0) {
        throw error("rule flags " + letter(pair[0]) + " and " + letter(pair[1])
            + " cannot be combined");
      }
    }
  }

  private static char letter(int flag) {
    // Indexed by bit number; "gg" (bit 2) never appears in a bad combination.
    return "rg-esaj~".charAt(Integer.numberOfTrailingZeros(flag));
  }

  private Pattern compile(String regex, int regexFlags) {
    try {
      return Pattern.compile(PosixRegex.toJava(regex), regexFlags);
    } catch (PatternSyntaxException e) {
      throw error("bad regex " + regex + ": " + e.getDescription());
    }
  }

  /**
   * Returns the next field, or "" at the end of the line or at a comment. A backslash protects
   * the character after it from ending the field; two backslashes protect nothing.
   */
  private String nextField() {
    while (position < line.length() && isSpace(line.charAt(position))) {
      position++;
    }
    int start = position;
    boolean escaped = false;
    while (position < line.length()) {
      char c = line.charAt(position);
      if (!escaped && (isSpace(c) || c == '#')) {
        break;
      }
      escaped = !escaped && c == '\\';
      position++;
    }
    return line.substring(start, position);
  }

  private void expectEnd() {
    String extra = nextField();
    if (!extra.isEmpty()) {
      throw error("unexpected '" + extra + "' after the rule");
    }
  }

  /** C's {@code isspace} in the "C" locale, which tftp-hpa's parser uses. */
  private static boolean isSpace(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
  }

  private RemapSyntaxException error(String message) {
    return new RemapSyntaxException(lineNumber, message);
  }
}
