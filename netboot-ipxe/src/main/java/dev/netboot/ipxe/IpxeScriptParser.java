package dev.netboot.ipxe;

import dev.netboot.ipxe.internal.LineLexer;
import dev.netboot.ipxe.internal.LogicalLine;
import dev.netboot.ipxe.internal.OptionParser;
import dev.netboot.ipxe.internal.WordSyntax;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Reads iPXE scripts exactly as iPXE does ({@code src/image/script.c}, {@code src/core/exec.c}):
 * newline-separated lines, one trailing CR dropped, a trailing backslash joining the next line,
 * {@code :label} at the start, whitespace splitting with no quoting, {@code #} tokens starting a
 * comment, {@code ||}/{@code &&}/{@code ;} tokens separating commands, options per iPXE's tables.
 *
 * <p>Values that {@link IpxeScriptRenderer} had to pass through settings come back as the
 * literal values they were (see {@link IpxeScriptRenderer} for the encoding), unless
 * {@link #parseVerbatim} is used. Every parsed line keeps its exact text, so
 * {@link IpxeScriptRenderer#renderLossless} gives the input back byte for byte.
 */
public final class IpxeScriptParser {
  /** Largest script accepted, in characters (iPXE itself has no limit but memory). */
  public static final int MAX_SCRIPT_LENGTH = 4 << 20;
  /** Longest logical line accepted, in characters. */
  public static final int MAX_LINE_LENGTH = 64 << 10;
  /** Most tokens on one logical line. */
  public static final int MAX_TOKENS_PER_LINE = 4096;

  private IpxeScriptParser() {}

  /**
   * Parses script text.
   *
   * @param text the script
   * @return the script
   * @throws IpxeParseException when the text exceeds a limit or holds NUL
   */
  public static IpxeScript parse(String text) {
    return parse(text, null);
  }

  /**
   * Parses script text whose name is {@code file}, for messages.
   *
   * @param text the script
   * @param file the name to put in exception messages, or {@code null}
   * @return the script
   * @throws IpxeParseException when the text exceeds a limit or holds NUL
   */
  public static IpxeScript parse(String text, @Nullable String file) {
    return EncodedValues.decode(parse(text, file, StandardCharsets.UTF_8));
  }

  /**
   * Parses script bytes: UTF-8 when they are valid UTF-8, otherwise ISO 8859-1 so that every
   * byte survives; {@link IpxeScript#charset()} says which.
   *
   * @param bytes the script file's content
   * @param file the name for messages, or {@code null}
   * @return the script
   * @throws IpxeParseException when the text exceeds a limit or holds NUL
   */
  public static IpxeScript parse(byte[] bytes, @Nullable String file) {
    if (bytes.length > MAX_SCRIPT_LENGTH) {
      throw new IpxeParseException("script is " + bytes.length + " bytes, more than the limit of "
          + MAX_SCRIPT_LENGTH, file, 1, 1);
    }
    Charset charset = StandardCharsets.UTF_8;
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      charset = StandardCharsets.ISO_8859_1;
      text = new String(bytes, charset);
    }
    return EncodedValues.decode(parse(text, file, charset));
  }

  /**
   * Parses without turning the renderer's {@code set netboot/argN:hex} lines back into values:
   * every line is what it says.
   *
   * @param text the script
   * @return the script
   * @throws IpxeParseException when the text exceeds a limit or holds NUL
   */
  public static IpxeScript parseVerbatim(String text) {
    return parse(text, null, StandardCharsets.UTF_8);
  }

  private static IpxeScript parse(String text, @Nullable String file, Charset charset) {
    if (text.length() > MAX_SCRIPT_LENGTH) {
      throw new IpxeParseException("script is " + text.length()
          + " characters, more than the limit of " + MAX_SCRIPT_LENGTH, file, 1, 1);
    }
    List<IpxeLine> lines = new ArrayList<>();
    for (LogicalLine logical : LogicalLine.split(text)) {
      lines.add(parseLine(logical, file));
    }
    return new IpxeScript(lines, charset);
  }

  private static IpxeLine parseLine(LogicalLine logical, @Nullable String file) {
    String text = logical.text();
    int nul = text.indexOf('\0');
    if (nul >= 0) {
      // iPXE would silently ignore the rest of the line; a NUL means this is not a text file.
      SourcePosition p = logical.positionOf(nul);
      throw new IpxeParseException("NUL character in script", file, p.line(), p.column());
    }
    if (text.length() > MAX_LINE_LENGTH) {
      throw new IpxeParseException("line is " + text.length()
          + " characters long, more than the limit of " + MAX_LINE_LENGTH, file,
          logical.firstLine(), 1);
    }
    LineLexer.Lexed lexed = LineLexer.lex(text);
    if (lexed.tokens().size() > MAX_TOKENS_PER_LINE) {
      throw new IpxeParseException("more than " + MAX_TOKENS_PER_LINE + " words on one line",
          file, logical.firstLine(), 1);
    }
    List<IpxeCommand> commands = new ArrayList<>();
    List<ChainOperator> operators = new ArrayList<>();
    List<LineLexer.Token> current = new ArrayList<>();
    for (LineLexer.Token token : lexed.tokens()) {
      ChainOperator op = ChainOperator.ofToken(token.text());
      if (op == null) {
        current.add(token);
      } else {
        commands.add(command(current, logical, file));
        operators.add(op);
        current = new ArrayList<>();
      }
    }
    commands.add(command(current, logical, file));
    return IpxeLine.parsed(Optional.ofNullable(lexed.label()), commands, operators,
        Optional.ofNullable(lexed.comment()), logical.source(),
        new SourcePosition(logical.firstLine(), 1));
  }

  private static IpxeCommand command(List<LineLexer.Token> tokens, LogicalLine logical,
      @Nullable String file) {
    if (tokens.isEmpty()) {
      return IpxeCommand.empty();
    }
    List<IpxeWord> words = new ArrayList<>(tokens.size());
    for (LineLexer.Token token : tokens) {
      words.add(word(token.text(), 0, token.offset(), logical, file));
    }
    IpxeWord name = words.get(0);
    Optional<IpxeCommandSpec> spec = name.literalValue().flatMap(IpxeCommands::find)
        .filter(IpxeCommandSpec::parsesOptions);
    if (spec.isEmpty()) {
      return IpxeCommand.verbatim(words);
    }
    List<LineLexer.Token> rest = tokens.subList(1, tokens.size());
    OptionParser.Result result = OptionParser.parse(spec.get(),
        rest.stream().map(LineLexer.Token::text).toList(), words.subList(1, words.size()),
        (index, from) -> word(rest.get(index).text(), from, rest.get(index).offset(), logical,
            file));
    if (result.error() != null) {
      return IpxeCommand.verbatim(words);
    }
    return IpxeCommand.parsed(name, result.options(), result.endOfOptions(),
        words.subList(1 + result.firstArgument(), words.size()));
  }

  private static IpxeWord word(String token, int from, int offset, LogicalLine logical,
      @Nullable String file) {
    SourcePosition where = logical.positionOf(offset + from);
    try {
      return IpxeWord.of(WordSyntax.parse(token.substring(from))).at(where);
    } catch (IllegalArgumentException e) {
      throw new IpxeParseException(e.getMessage(), file, where.line(), where.column());
    }
  }
}
