package dev.netboot.syslinux;

import dev.netboot.syslinux.internal.Lexer;
import dev.netboot.syslinux.internal.LineSyntax;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One directive: a keyword and its argument, plus the text lines of a {@code TEXT} block.
 *
 * <p>The argument is what syslinux reads: the rest of the line after the keyword and the white
 * space that follows it, trailing white space included. Equality ignores the source position.
 */
public final class Directive implements Node {
  private final Keyword keyword;
  private final String argument;
  private final List<String> text;
  private final @Nullable SourcePosition position;

  private Directive(
      Keyword keyword, String argument, List<String> text, @Nullable SourcePosition position) {
    this.keyword = keyword;
    this.argument = argument;
    this.text = List.copyOf(text);
    this.position = position;
  }

  /**
   * Returns a directive, checking that it reads back as itself.
   *
   * @param keyword the keyword
   * @param argument the argument; no line breaks, and no leading white space (except for SAY)
   * @return the directive
   * @throws IllegalArgumentException when syslinux would read the rendered line differently
   */
  public static Directive of(Keyword keyword, String argument) {
    return of(keyword, argument, List.of());
  }

  /**
   * Returns a directive with text lines ({@code TEXT HELP} ... {@code ENDTEXT}).
   *
   * @param keyword {@link Keyword#TEXT_HELP} or {@link Keyword#TEXT} when {@code text} is not
   *     empty
   * @param argument the argument
   * @param text the lines between the keyword and {@code ENDTEXT}
   * @return the directive
   * @throws IllegalArgumentException when syslinux would read the rendered lines differently
   */
  public static Directive of(Keyword keyword, String argument, List<String> text) {
    Directive d = new Directive(keyword, argument, text, null);
    d.check();
    return d;
  }

  /** Returns a help-text block, {@code TEXT HELP} ... {@code ENDTEXT}. */
  public static Directive helpText(List<String> lines) {
    return of(Keyword.TEXT_HELP, "", lines);
  }

  /** Creates a directive read from a file; the parser has already checked it. */
  static Directive read(
      Keyword keyword, String argument, List<String> text, SourcePosition position) {
    return new Directive(keyword, argument, text, position);
  }

  private void check() {
    String line = renderLine();
    if (line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0 || line.indexOf('\0') >= 0) {
      throw new IllegalArgumentException(
          "line break or NUL in " + keyword + " (expected: one line of text)");
    }
    if (line.length() > ConfigDocument.MAX_LINE_LENGTH) {
      throw new IllegalArgumentException(keyword + " is longer than "
          + ConfigDocument.MAX_LINE_LENGTH + " characters (expected: a shorter line)");
    }
    LineSyntax syntax = Lexer.classify(line);
    if (syntax.kind() != LineSyntax.Kind.DIRECTIVE
        || !keyword.equals(syntax.keyword())
        || !line.substring(syntax.argumentStart()).equals(argument)) {
      throw new IllegalArgumentException("'" + line + "' reads back as "
          + (syntax.keyword() != null ? syntax.keyword() : syntax.kind())
          + " (expected: an argument without leading white space that keeps keyword "
          + keyword + ")");
    }
    if (!text.isEmpty() && keyword.role() != Keyword.Role.TEXT) {
      throw new IllegalArgumentException(
          "text lines on " + keyword + " (expected: TEXT HELP or TEXT)");
    }
    for (String t : text) {
      if (t.indexOf('\n') >= 0 || t.indexOf('\r') >= 0 || t.indexOf('\0') >= 0
          || Lexer.lookingAt(t, Lexer.skipSpace(t, 0), "endtext") >= 0
          || t.length() > ConfigDocument.MAX_LINE_LENGTH) {
        throw new IllegalArgumentException("text line '" + t
            + "' (expected: one line, not starting with ENDTEXT)");
      }
    }
  }

  /** Returns the canonical line: the keyword's canonical name, a space and the argument. */
  String renderLine() {
    return argument.isEmpty() ? keyword.name() : keyword.name() + " " + argument;
  }

  /** Returns the keyword. */
  public Keyword keyword() {
    return keyword;
  }

  /** Returns the argument, as syslinux reads it. */
  public String argument() {
    return argument;
  }

  /** Returns the first word of the argument (a file name, a label...). */
  public String firstWord() {
    return argument.substring(0, Lexer.wordEnd(argument, 0));
  }

  /** Returns the lines of a TEXT block, empty for other directives. */
  public List<String> text() {
    return text;
  }

  /** Returns where the directive was read, or null when it was built. */
  public @Nullable SourcePosition position() {
    return position;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Directive d
        && d.keyword.equals(keyword) && d.argument.equals(argument) && d.text.equals(text);
  }

  @Override
  public int hashCode() {
    return Objects.hash(keyword, argument, text);
  }

  @Override
  public String toString() {
    return renderLine() + (text.isEmpty() ? "" : " [" + text.size() + " text lines]");
  }
}
