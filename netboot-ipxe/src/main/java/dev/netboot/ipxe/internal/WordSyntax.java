package dev.netboot.ipxe.internal;

import dev.netboot.ipxe.LiteralText;
import dev.netboot.ipxe.SettingReference;
import dev.netboot.ipxe.WordPart;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Splits one token into literal text and references, mirroring the order in which iPXE's
 * {@code expand_settings} resolves them: the first <code>}</code> that follows a <code>${</code> closes the
 * innermost open reference; a <code>}</code> with nothing open, and a <code>${</code> never closed, are
 * text.
 */
public final class WordSyntax {
  private WordSyntax() {}

  /** One open <code>${</code>: where it started and what it holds so far. */
  private record Frame(int start, List<WordPart> parts, StringBuilder text) {}

  /**
   * Parses a token.
   *
   * @param token the token, without whitespace or NUL
   * @return the parts
   * @throws IllegalArgumentException on whitespace, NUL, or nesting beyond the limit
   */
  public static List<WordPart> parse(String token) {
    if (IpxeChars.hasSpace(token) || token.indexOf('\0') >= 0) {
      throw new IllegalArgumentException(
          "a token cannot hold whitespace or NUL (expected: one iPXE token)");
    }
    Deque<Frame> open = new ArrayDeque<>();
    Frame top = new Frame(0, new ArrayList<>(), new StringBuilder());
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c == '$' && i + 1 < token.length() && token.charAt(i + 1) == '{') {
        if (open.size() >= SettingReference.MAX_NESTING_DEPTH) {
          throw new IllegalArgumentException("references nested deeper than "
              + SettingReference.MAX_NESTING_DEPTH + " at offset " + i);
        }
        flush(top);
        open.push(top);
        top = new Frame(i, new ArrayList<>(), new StringBuilder());
        i++;
      } else if (c == '}' && !open.isEmpty()) {
        flush(top);
        SettingReference ref = new SettingReference(top.parts());
        top = open.pop();
        top.parts().add(ref);
      } else {
        top.text().append(c);
      }
    }
    // Unclosed references are text again, outermost first, keeping what was parsed inside them.
    while (!open.isEmpty()) {
      flush(top);
      Frame parent = open.pop();
      parent.text().append("${");
      flush(parent);
      parent.parts().addAll(top.parts());
      top = parent;
    }
    flush(top);
    return top.parts();
  }

  private static void flush(Frame frame) {
    if (frame.text().length() > 0) {
      frame.parts().add(new LiteralText(frame.text().toString()));
      frame.text().setLength(0);
    }
  }
}
