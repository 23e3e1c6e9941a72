package dev.netboot.syslinux;

import dev.netboot.syslinux.internal.Lexer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A configuration file as a list of lines, kept byte for byte: comments, blank lines, keyword
 * case, indentation, tabs, trailing white space, CRLF and a missing final newline all survive
 * {@link #render()}. Edits such as {@link #setAppend} change only the lines they must, so a
 * tool can change one label of a vendor's file and write it back with a minimal diff.
 *
 * <p>{@link #model()} gives what syslinux makes of the file; {@link #diagnostics()} the
 * warnings found while reading it.
 */
public final class ConfigDocument {
  /** The largest file read, in characters: far beyond any real configuration. */
  public static final int MAX_FILE_SIZE = 1 << 20;

  /**
   * The longest line, in characters without its terminator. syslinux reads lines into a
   * 4096-byte buffer ({@code MAX_LINE} in {@code readconfig.c}) and splits longer ones.
   */
  public static final int MAX_LINE_LENGTH = 4094;

  private final String fileName;
  private final List<ConfigLine> lines;
  private final Charset charset;
  private final List<Directive> directives;
  private final SyslinuxConfig model;
  private final List<Diagnostic> diagnostics;
  private final List<Diagnostic> lineDiagnostics;

  private ConfigDocument(String fileName, List<ConfigLine> lines, Charset charset) {
    this.fileName = fileName;
    this.lines = List.copyOf(lines);
    this.charset = charset;
    List<Diagnostic> found = new ArrayList<>();
    this.directives = DirectiveReader.read(fileName, this.lines, found);
    this.lineDiagnostics = List.copyOf(found);
    TreeBuilder tree = new TreeBuilder();
    directives.forEach(tree::accept);
    this.model = tree.finish();
    found.addAll(tree.diagnostics());
    this.diagnostics = List.copyOf(found);
  }

  /**
   * Parses a file's text.
   *
   * @param fileName the name used in positions and messages
   * @param text the text
   * @return the document
   * @throws SyslinuxParseException for a NUL character, an over-long line or file
   */
  public static ConfigDocument parse(String fileName, String text) {
    return new ConfigDocument(fileName, split(fileName, text), StandardCharsets.UTF_8);
  }

  /**
   * Parses a file's bytes: UTF-8 when they are valid UTF-8, else ISO 8859-1 (every byte one
   * character), so that {@link #toBytes()} gives back the same bytes either way.
   *
   * @param fileName the name used in positions and messages
   * @param bytes the file
   * @return the document
   * @throws SyslinuxParseException for a NUL byte, an over-long line or file
   */
  public static ConfigDocument parse(String fileName, byte[] bytes) {
    if (bytes.length > MAX_FILE_SIZE) {
      throw new SyslinuxParseException("file is larger than " + MAX_FILE_SIZE + " bytes",
          fileName, 1, 1);
    }
    Charset charset = StandardCharsets.UTF_8;
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      charset = StandardCharsets.ISO_8859_1;
      text = new String(bytes, charset);
    }
    return new ConfigDocument(fileName, split(fileName, text), charset);
  }

  /**
   * Reads and parses a file.
   *
   * @param file the file
   * @return the document, named by {@code file}'s path as given
   * @throws IOException when the file cannot be read
   * @throws SyslinuxParseException when it is not a configuration file
   */
  public static ConfigDocument read(Path file) throws IOException {
    long size = Files.size(file);
    if (size > MAX_FILE_SIZE) {
      throw new SyslinuxParseException(
          "file is larger than " + MAX_FILE_SIZE + " bytes", file.toString(), 1, 1);
    }
    return parse(file.toString(), Files.readAllBytes(file));
  }

  private static List<ConfigLine> split(String fileName, String text) {
    if (text.length() > MAX_FILE_SIZE) {
      throw new SyslinuxParseException(
          "file is larger than " + MAX_FILE_SIZE + " characters", fileName, 1, 1);
    }
    List<ConfigLine> lines = new ArrayList<>();
    boolean inText = false;
    int start = 0;
    while (start < text.length()) {
      int nl = text.indexOf('\n', start);
      int end = nl < 0 ? text.length() : nl;
      String terminator = nl < 0 ? "" : "\n";
      if (nl >= 0 && end > start && text.charAt(end - 1) == '\r') {
        end--;
        terminator = "\r\n";
      }
      String content = text.substring(start, end);
      check(fileName, lines.size() + 1, content);
      ConfigLine line = inText
          ? ConfigLine.readText(content, terminator)
          : ConfigLine.read(content, terminator);
      if (line.kind() == ConfigLine.Kind.TEXT_END) {
        inText = false;
      } else if (line.kind() == ConfigLine.Kind.DIRECTIVE
          && line.keyword() != null && line.keyword().role() == Keyword.Role.TEXT) {
        inText = true;
      }
      lines.add(line);
      start = nl < 0 ? text.length() : nl + 1;
    }
    return lines;
  }

  private static void check(String fileName, int lineNumber, String content) {
    int nul = content.indexOf('\0');
    if (nul >= 0) {
      throw new SyslinuxParseException(
          "NUL character: binary data, not a configuration file", fileName, lineNumber, nul + 1);
    }
    if (content.length() > MAX_LINE_LENGTH) {
      throw new SyslinuxParseException("line longer than " + MAX_LINE_LENGTH
          + " characters (syslinux would split it)", fileName, lineNumber, MAX_LINE_LENGTH + 1);
    }
  }

  /** Returns a document with these lines, re-read so that its model follows the edit. */
  ConfigDocument withLines(List<ConfigLine> newLines) {
    StringBuilder b = new StringBuilder();
    newLines.forEach(l -> b.append(l.text()));
    return new ConfigDocument(fileName, split(fileName, b.toString()), charset);
  }

  /** Returns the file name given to the parser. */
  public String fileName() {
    return fileName;
  }

  /** Returns the lines. */
  public List<ConfigLine> lines() {
    return lines;
  }

  /** Returns every directive in file order, with positions; TEXT blocks carry their lines. */
  public List<Directive> directives() {
    return directives;
  }

  /** Returns what syslinux makes of this file alone (includes not followed). */
  public SyslinuxConfig model() {
    return model;
  }

  /** Returns the warnings found while reading (unterminated TEXT, unbalanced MENU END...). */
  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  /** Returns the warnings about single lines, without those about labels and menus. */
  List<Diagnostic> lineDiagnostics() {
    return lineDiagnostics;
  }

  /** Returns the text exactly as read, with every edit applied. */
  public String render() {
    StringBuilder b = new StringBuilder();
    for (ConfigLine l : lines) {
      b.append(l.text());
    }
    return b.toString();
  }

  /** Returns the bytes exactly as read, in the charset they were read with. */
  public byte[] toBytes() {
    return render().getBytes(charset);
  }

  /** Returns the charset the bytes were decoded with. */
  public Charset charset() {
    return charset;
  }

  /**
   * Sets the {@code APPEND} of a label, changing only its last {@code APPEND} line (or adding
   * one after the label's last directive).
   *
   * @param label the label's name
   * @param options the new options
   * @return the edited document
   * @throws IllegalArgumentException when there is no such label or the options are not one line
   */
  public ConfigDocument setAppend(String label, String options) {
    return setLabelDirective(label, Keyword.APPEND, options);
  }

  /**
   * Sets the {@code INITRD} of a label; see {@link #setAppend}.
   *
   * @param label the label's name
   * @param files the comma-separated initrd files
   * @return the edited document
   */
  public ConfigDocument setInitrd(String label, String files) {
    return setLabelDirective(label, Keyword.INITRD, files);
  }

  /**
   * Sets a directive in a label's section: replaces the argument of the last line with this
   * keyword, keeping its indentation, keyword spelling and line end; or adds a line after the
   * section's last directive, indented like the section and in the case the file uses.
   *
   * @param label the label's name
   * @param keyword the keyword
   * @param argument the new argument
   * @return the edited document
   */
  public ConfigDocument setLabelDirective(String label, Keyword keyword, String argument) {
    return DocumentEditor.setInLabel(this, label, Directive.of(keyword, argument));
  }

  /**
   * Sets a setting outside any label section ({@code DEFAULT}, {@code TIMEOUT}...): replaces the
   * last such line, or adds one before the file's first directive.
   *
   * @param keyword the keyword
   * @param argument the new argument
   * @return the edited document
   */
  public ConfigDocument setSetting(Keyword keyword, String argument) {
    return DocumentEditor.setSetting(this, Directive.of(keyword, argument));
  }

  /**
   * Removes a label and its section's directives; comments and blank lines after its last
   * directive stay, as they usually introduce what follows.
   *
   * @param label the label's name
   * @return the edited document
   */
  public ConfigDocument removeLabel(String label) {
    return DocumentEditor.removeLabel(this, label);
  }

  /**
   * Adds a label at the end of the file, in canonical form, with the file's line ends.
   *
   * @param label the label
   * @return the edited document
   */
  public ConfigDocument addLabel(Label label) {
    return DocumentEditor.addLabel(this, label);
  }

  /** Returns the line end most lines use, {@code "\n"} when there is none. */
  String dominantTerminator() {
    int crlf = 0;
    int lf = 0;
    for (ConfigLine l : lines) {
      if (l.terminator().equals("\r\n")) {
        crlf++;
      } else if (l.terminator().equals("\n")) {
        lf++;
      }
    }
    return crlf > lf ? "\r\n" : "\n";
  }

  static boolean isLowerCase(String keywordText) {
    return !keywordText.isEmpty() && Lexer.lower(keywordText).equals(keywordText);
  }

  @Override
  public String toString() {
    return fileName + " (" + lines.size() + " lines)";
  }
}
