package dev.netboot.syslinux;

import dev.netboot.syslinux.internal.Lexer;
import dev.netboot.syslinux.internal.LineSyntax;
import org.jspecify.annotations.Nullable;

/**
 * One line of a {@link ConfigDocument}, stored exactly as read: its content and its terminator
 * ({@code "\n"}, {@code "\r\n"}, or {@code ""} for a last line without one), with what syslinux
 * makes of it.
 */
public final class ConfigLine {
  /** What a line is. */
  public enum Kind {
    /** Only white space. */
    BLANK,
    /** A comment: the first non-space character is {@code #}. */
    COMMENT,
    /** A directive, known or not. */
    DIRECTIVE,
    /** A line inside a {@code TEXT} block. */
    TEXT_BODY,
    /** The {@code ENDTEXT} line of a {@code TEXT} block. */
    TEXT_END
  }

  private final String content;
  private final String terminator;
  private final Kind kind;
  private final @Nullable Keyword keyword;
  private final int keywordStart;
  private final int argumentStart;

  private ConfigLine(String content, String terminator, Kind kind, @Nullable Keyword keyword,
      int keywordStart, int argumentStart) {
    this.content = content;
    this.terminator = terminator;
    this.kind = kind;
    this.keyword = keyword;
    this.keywordStart = keywordStart;
    this.argumentStart = argumentStart;
  }

  /** Reads a line outside a TEXT block. */
  static ConfigLine read(String content, String terminator) {
    LineSyntax s = Lexer.classify(content);
    Kind kind = switch (s.kind()) {
      case BLANK -> Kind.BLANK;
      case COMMENT -> Kind.COMMENT;
      case DIRECTIVE -> Kind.DIRECTIVE;
    };
    return new ConfigLine(
        content, terminator, kind, s.keyword(), s.keywordStart(), s.argumentStart());
  }

  /** Reads a line inside a TEXT block, which is either text or its ENDTEXT. */
  static ConfigLine readText(String content, String terminator) {
    String s = Lexer.semantic(content);
    int start = Lexer.skipSpace(s, 0);
    boolean end = Lexer.lookingAt(s, start, "endtext") >= 0;
    return new ConfigLine(content, terminator, end ? Kind.TEXT_END : Kind.TEXT_BODY, null,
        start, start);
  }

  /** Returns a copy with another terminator. */
  ConfigLine withTerminator(String newTerminator) {
    return new ConfigLine(content, newTerminator, kind, keyword, keywordStart, argumentStart);
  }

  /** Returns the line without its terminator, exactly as in the file. */
  public String content() {
    return content;
  }

  /** Returns {@code "\n"}, {@code "\r\n"} or {@code ""}. */
  public String terminator() {
    return terminator;
  }

  /** Returns the line with its terminator, exactly as in the file. */
  public String text() {
    return content + terminator;
  }

  /** Returns what the line is. */
  public Kind kind() {
    return kind;
  }

  /** Returns a directive's keyword, or null for other lines. */
  public @Nullable Keyword keyword() {
    return keyword;
  }

  /** Returns a directive's keyword as spelt in the file, or an empty string. */
  public String keywordText() {
    return kind == Kind.DIRECTIVE ? content.substring(keywordStart, argumentStart).strip() : "";
  }

  /** Returns the 0-based index where the keyword (or comment, or text) starts. */
  public int keywordStart() {
    return keywordStart;
  }

  /** Returns the 0-based index where a directive's argument starts. */
  public int argumentStart() {
    return argumentStart;
  }

  /**
   * Returns a directive's argument as syslinux reads it (up to the first carriage return), or
   * an empty string for other lines.
   */
  public String argument() {
    if (kind != Kind.DIRECTIVE) {
      return "";
    }
    String s = Lexer.semantic(content);
    return argumentStart >= s.length() ? "" : s.substring(argumentStart);
  }

  @Override
  public String toString() {
    return kind + ": " + content;
  }
}
