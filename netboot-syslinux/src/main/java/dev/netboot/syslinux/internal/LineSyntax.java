package dev.netboot.syslinux.internal;

import dev.netboot.syslinux.Keyword;
import org.jspecify.annotations.Nullable;

/**
 * The syntax of one line: blank, comment or directive, and where its keyword and argument
 * start (0-based indexes into the line).
 *
 * @param kind the kind of line
 * @param keyword the directive's keyword, null unless {@code kind} is a directive
 * @param keywordStart where the first non-space character is
 * @param argumentStart where the argument starts
 */
public record LineSyntax(
    Kind kind, @Nullable Keyword keyword, int keywordStart, int argumentStart) {
  /** The kind of a line outside TEXT blocks. */
  public enum Kind {
    /** Only white space. */
    BLANK,
    /** First non-space character is {@code #}. */
    COMMENT,
    /** A directive, known or not. */
    DIRECTIVE
  }

  static LineSyntax blank() {
    return new LineSyntax(Kind.BLANK, null, 0, 0);
  }

  static LineSyntax comment(int start) {
    return new LineSyntax(Kind.COMMENT, null, start, start);
  }

  static LineSyntax directive(Keyword keyword, int start, int argumentStart) {
    return new LineSyntax(Kind.DIRECTIVE, keyword, start, argumentStart);
  }
}
