package dev.netboot.ipxe;

import dev.netboot.ipxe.internal.IpxeChars;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Writes scripts, canonically or losslessly, and never writes a script that iPXE would read
 * differently from the model.
 *
 * <p>iPXE has no quoting: a word is split at whitespace, a token starting with {@code #} starts a
 * comment, {@code ||}, {@code &&} and {@code ;} are operators, and {@code ${...}} is expanded,
 * again and again, until none is left. A literal value that cannot be written as itself is
 * therefore passed through a setting: the line is preceded by
 * {@code set netboot/argN:hex 41:20:42} and the value is written as
 * {@code ${netboot/argN:string}}. Why this is exact ({@code src/core/settings.c},
 * {@code src/core/exec.c}):
 * <ul>
 *   <li>{@code set} joins its value words with spaces; the hex text holds no whitespace and no
 *       {@code $}, so it is one word that expansion leaves alone, and the {@code hex} type's
 *       parser ({@code hex_decode}) stores exactly those bytes;
 *   <li>splitting happens before expansion, so the reference is one argument whatever the value
 *       holds: spaces, {@code #}, {@code ||} or {@code ;} in it are just bytes;
 *   <li>{@code :string} formats the stored bytes as they are; the expansion then rescans the
 *       result, so a value is only safe if the result has no <code>${</code> followed later by
 *       <code>}</code>: such a value can never be the outcome of iPXE's expansion at all, and the
 *       renderer refuses it ({@link IllegalArgumentException}), as it refuses NUL;
 *   <li>when a value must share its word with references, each encoded piece must hold none of
 *       <code>$ { }</code>, so that it can neither open nor close a reference next to its neighbours;
 *       otherwise the renderer refuses.
 * </ul>
 * A first argument starting with {@code -} is preceded by {@code --} (see
 * {@link IpxeCommand#endOfOptions()}), and option values are written {@code --name value} only
 * when they are plain literals not starting with {@code -}; any other value is written
 * {@code --name=value}, so that no value can become an option or lose its option.
 */
public final class IpxeScriptRenderer {
  /** The settings block that carries encoded values. */
  public static final String VALUE_SCOPE = "netboot";
  /** The name prefix of encoded values: {@code netboot/arg0}, {@code netboot/arg1}... */
  public static final String VALUE_PREFIX = VALUE_SCOPE + "/arg";

  private IpxeScriptRenderer() {}

  /**
   * Renders canonically: one space between words, {@code \n} line ends, options in long form.
   *
   * @param script the script
   * @return the text
   * @throws IllegalArgumentException for a value that iPXE cannot be given exactly
   */
  public static String render(IpxeScript script) {
    StringBuilder sb = new StringBuilder();
    for (IpxeLine line : script.lines()) {
      sb.append(renderLine(line, script.charset())).append('\n');
    }
    return sb.toString();
  }

  /**
   * Renders each parsed line exactly as it was read and every other line canonically.
   *
   * @param script the script
   * @return the text
   * @throws IllegalArgumentException for a value that iPXE cannot be given exactly
   */
  public static String renderLossless(IpxeScript script) {
    StringBuilder sb = new StringBuilder();
    for (IpxeLine line : script.lines()) {
      if (sb.length() > 0 && sb.charAt(sb.length() - 1) != '\n') {
        sb.append('\n');
      }
      if (line.source().isPresent()) {
        sb.append(line.source().get());
      } else {
        sb.append(renderLine(line, script.charset())).append('\n');
      }
    }
    return sb.toString();
  }

  /**
   * Renders losslessly to bytes in the script's charset.
   *
   * @param script the script
   * @return the bytes
   */
  public static byte[] toBytes(IpxeScript script) {
    return renderLossless(script).getBytes(script.charset());
  }

  /**
   * Renders one line canonically, without a final newline; it spans several lines when values
   * had to be encoded.
   *
   * @param line the line
   * @return the text
   */
  public static String renderLine(IpxeLine line) {
    return renderLine(line, StandardCharsets.UTF_8);
  }

  static String renderLine(IpxeLine line, Charset charset) {
    WordEncoder encoder = new WordEncoder(charset);
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < line.commands().size(); i++) {
      if (i > 0) {
        tokens.add(line.operators().get(i - 1).token());
      }
      commandTokens(line.commands().get(i), encoder, tokens);
    }
    if (line.label().isEmpty() && !tokens.isEmpty() && tokens.get(0).startsWith(":")) {
      throw new IllegalArgumentException("command '" + tokens.get(0)
          + "' would be read as a label (expected: a name not starting with ':')");
    }
    StringBuilder out = new StringBuilder();
    String labelPrefix = line.label().map(l -> ":" + l).orElse("");
    List<String> assignments = encoder.assignments();
    for (int n = 0; n < assignments.size(); n++) {
      StringBuilder set = new StringBuilder(n == 0 ? labelPrefix : "");
      if (set.length() > 0) {
        set.append(' ');
      }
      set.append("set ").append(VALUE_PREFIX).append(n).append(":hex");
      if (!assignments.get(n).isEmpty()) {
        set.append(' ').append(assignments.get(n));
      }
      out.append(set).append('\n');
    }
    StringBuilder text = new StringBuilder(assignments.isEmpty() ? labelPrefix : "");
    for (String token : tokens) {
      if (text.length() > 0) {
        text.append(' ');
      }
      text.append(token);
    }
    if (line.comment().isPresent()) {
      if (text.length() > 0) {
        text.append(' ');
      }
      text.append(line.comment().get());
    }
    // A trailing backslash would join the next line; a space after it keeps the line whole.
    if (text.length() > 0 && text.charAt(text.length() - 1) == '\\') {
      text.append(' ');
    }
    return out.append(text).toString();
  }

  private static void commandTokens(IpxeCommand command, WordEncoder encoder,
      List<String> tokens) {
    if (command.isEmpty()) {
      return;
    }
    tokens.add(encoder.token("", command.nameWord().orElseThrow()));
    for (IpxeOption option : command.options()) {
      if (option.value().isEmpty()) {
        tokens.add("--" + option.name());
        continue;
      }
      IpxeWord value = option.value().get();
      // "--name value" only for plain literal values: a value from a setting could start with
      // '-' at run time, and getopt would then refuse it as the option's argument.
      @org.jspecify.annotations.Nullable String separate =
          !value.isLiteral() || value.parts().isEmpty() || value.startsWithLiteral("-")
              ? null : encoder.literalToken("", value);
      if (separate != null) {
        tokens.add("--" + option.name());
        tokens.add(separate);
      } else {
        tokens.add(encoder.token("--" + option.name() + "=", value));
      }
    }
    if (command.endOfOptions()) {
      tokens.add("--");
    }
    for (IpxeWord argument : command.arguments()) {
      tokens.add(encoder.token("", argument));
    }
  }

  /** Turns words into tokens, collecting the values that must travel through settings. */
  private static final class WordEncoder {
    private final Charset charset;
    private final List<String> assignments = new ArrayList<>();

    WordEncoder(Charset charset) {
      this.charset = charset;
    }

    List<String> assignments() {
      return assignments;
    }

    /** Returns {@code prefix + word} as written, if iPXE reads that back as the same word. */
    @org.jspecify.annotations.Nullable String literalToken(String prefix, IpxeWord word) {
      String token = prefix + word.source();
      return readsBackAs(token, prefix, word.parts()) ? token : null;
    }

    String token(String prefix, IpxeWord word) {
      String literal = literalToken(prefix, word);
      if (literal != null) {
        return literal;
      }
      if (word.isLiteral()) {
        return prefix + encode(word.literalValue().orElseThrow());
      }
      List<WordPart> parts = new ArrayList<>();
      StringBuilder token = new StringBuilder(prefix);
      for (WordPart part : word.parts()) {
        if (part instanceof LiteralText text) {
          String t = text.text();
          if (t.indexOf('$') >= 0 || t.indexOf('{') >= 0 || t.indexOf('}') >= 0) {
            throw new IllegalArgumentException("text '" + t + "' next to a setting reference"
                + " holds '$', '{' or '}' and cannot be written safely (expected: pass the whole"
                + " argument as one literal value, or expand it first)");
          }
          boolean first = token.length() == 0;
          if (IpxeChars.hasSpace(t) || (first && t.startsWith("#"))) {
            String ref = encode(t);
            parts.add(SettingReference.to(ref.substring(2, ref.length() - 1)));
            token.append(ref);
          } else {
            parts.add(text);
            token.append(t);
          }
        } else {
          parts.add(part);
          token.append(part.source());
        }
      }
      if (!readsBackAs(token.toString(), prefix, parts)) {
        throw new IllegalArgumentException("word '" + word + "' cannot be written safely");
      }
      return token.toString();
    }

    private String encode(String value) {
      if (!IpxeChars.isExpansionFixedPoint(value)) {
        throw new IllegalArgumentException("value '" + value + "' holds '${' followed by '}':"
            + " iPXE would expand it again, so no script can pass it (expected: no such text)");
      }
      if (!charset.newEncoder().canEncode(value)) {
        throw new IllegalArgumentException("value '" + value + "' cannot be encoded in "
            + charset);
      }
      int index = assignments.size();
      assignments.add(HexFormat.ofDelimiter(":").formatHex(value.getBytes(charset)));
      return "${" + VALUE_PREFIX + index + ":string}";
    }

    private static boolean readsBackAs(String token, String prefix, List<WordPart> parts) {
      if (token.isEmpty() || token.startsWith("#") || ChainOperator.ofToken(token) != null
          || IpxeChars.hasSpace(token) || token.indexOf('\0') >= 0) {
        return false;
      }
      List<WordPart> expected = new ArrayList<>();
      if (!prefix.isEmpty()) {
        expected.add(new LiteralText(prefix));
      }
      expected.addAll(parts);
      try {
        return IpxeWord.parse(token).equals(IpxeWord.of(expected));
      } catch (IllegalArgumentException tooDeep) {
        return false;
      }
    }
  }
}
