package dev.netboot.ipxe.internal;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Cuts a logical line into label, tokens and comment, the way {@code process_script} and
 * {@code system} in iPXE do: leading whitespace, then {@code :label} up to whitespace; the rest
 * split on whitespace with no quoting; the first token that starts with {@code #} and everything
 * after it is a comment.
 */
public final class LineLexer {
  private LineLexer() {}

  /**
   * A token and where it starts in the logical line.
   *
   * @param text the token
   * @param offset its offset
   */
  public record Token(String text, int offset) {}

  /**
   * A lexed line.
   *
   * @param label the label, or {@code null}
   * @param labelOffset where the label's text starts
   * @param tokens the command tokens, operators included
   * @param comment the comment from its {@code #}, or {@code null}
   * @param commentOffset where the comment starts
   */
  public record Lexed(@Nullable String label, int labelOffset, List<Token> tokens,
      @Nullable String comment, int commentOffset) {}

  /**
   * Lexes one logical line.
   *
   * @param line the joined text
   * @return its parts
   */
  public static Lexed lex(String line) {
    int i = 0;
    int n = line.length();
    while (i < n && IpxeChars.isSpace(line.charAt(i))) {
      i++;
    }
    String label = null;
    int labelOffset = 0;
    if (i < n && line.charAt(i) == ':') {
      labelOffset = i + 1;
      int end = labelOffset;
      while (end < n && !IpxeChars.isSpace(line.charAt(end))) {
        end++;
      }
      label = line.substring(labelOffset, end);
      i = end;
    }
    List<Token> tokens = new ArrayList<>();
    while (true) {
      while (i < n && IpxeChars.isSpace(line.charAt(i))) {
        i++;
      }
      if (i >= n) {
        return new Lexed(label, labelOffset, tokens, null, 0);
      }
      if (line.charAt(i) == '#') {
        return new Lexed(label, labelOffset, tokens, line.substring(i), i);
      }
      int start = i;
      while (i < n && !IpxeChars.isSpace(line.charAt(i))) {
        i++;
      }
      tokens.add(new Token(line.substring(start, i), start));
    }
  }
}
