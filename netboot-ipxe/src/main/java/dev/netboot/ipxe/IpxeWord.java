package dev.netboot.ipxe;

import dev.netboot.ipxe.internal.WordSyntax;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One argument of a command: literal text and setting references, as iPXE receives it after
 * expansion. Equality is on the parts only; the position is where a parsed word started.
 *
 * <p>{@link #literal(String)} is how values from outside (a hostname, a kernel command line from
 * an API) enter a script: the renderer guarantees that iPXE receives exactly that text, or refuses
 * to render.
 */
public final class IpxeWord {
  private final List<WordPart> parts;
  private final SourcePosition position;

  private IpxeWord(List<WordPart> parts, SourcePosition position) {
    this.parts = normalise(parts);
    this.position = position;
    if (SettingReference.depth(this.parts) > SettingReference.MAX_NESTING_DEPTH + 1) {
      throw new IllegalArgumentException("references nested too deeply");
    }
  }

  /**
   * Returns a word that must reach the command as exactly {@code value}.
   *
   * @param value any text without NUL; may be empty, hold spaces, {@code #}, {@code ${...}}
   * @return the word
   */
  public static IpxeWord literal(String value) {
    return new IpxeWord(value.isEmpty() ? List.of() : List.of(new LiteralText(value)),
        SourcePosition.NONE);
  }

  /**
   * Returns a word made of {@code parts}.
   *
   * @param parts literal text and references
   * @return the word
   */
  public static IpxeWord of(List<? extends WordPart> parts) {
    return new IpxeWord(List.copyOf(parts), SourcePosition.NONE);
  }

  /**
   * Returns a word made of {@code parts}.
   *
   * @param parts literal text and references
   * @return the word
   */
  public static IpxeWord of(WordPart... parts) {
    return of(List.of(parts));
  }

  /**
   * Returns a word that is one reference, {@code ${name}}.
   *
   * @param settingName for example {@code net0/mac:hexhyp}
   * @return the word
   */
  public static IpxeWord reference(String settingName) {
    return of(SettingReference.to(settingName));
  }

  /**
   * Reads {@code token} the way iPXE's expansion sees it: <code>${</code> opens a reference, the next
   * <code>}</code> closes the innermost open one, unclosed <code>${</code> stays text.
   *
   * @param token a token as written in a script (no whitespace)
   * @return the word
   * @throws IllegalArgumentException if the token holds whitespace or NUL, or nests too deeply
   */
  public static IpxeWord parse(String token) {
    return new IpxeWord(WordSyntax.parse(token), SourcePosition.NONE);
  }

  /** Returns this word with a position, for parsers. */
  public IpxeWord at(SourcePosition where) {
    return new IpxeWord(parts, where);
  }

  /** Returns the parts: never two adjacent literal texts, never an empty one. */
  public List<WordPart> parts() {
    return parts;
  }

  /** Returns where the word started in the parsed script, or {@link SourcePosition#NONE}. */
  public SourcePosition position() {
    return position;
  }

  /** Returns whether the word holds no reference. */
  public boolean isLiteral() {
    return parts.stream().allMatch(LiteralText.class::isInstance);
  }

  /** Returns the text when the word holds no reference. */
  public Optional<String> literalValue() {
    if (!isLiteral()) {
      return Optional.empty();
    }
    return Optional.of(parts.isEmpty() ? "" : ((LiteralText) parts.get(0)).text());
  }

  /** Returns whether the word starts with literal text that starts with {@code prefix}. */
  public boolean startsWithLiteral(String prefix) {
    return !parts.isEmpty() && parts.get(0) instanceof LiteralText t && t.text().startsWith(prefix);
  }

  /** Returns the word as written if every part is written as itself ({@code ${...}} for refs). */
  public String source() {
    StringBuilder sb = new StringBuilder();
    for (WordPart part : parts) {
      sb.append(part.source());
    }
    return sb.toString();
  }

  static List<WordPart> normalise(List<WordPart> parts) {
    List<WordPart> out = new ArrayList<>(parts.size());
    for (WordPart part : parts) {
      Objects.requireNonNull(part, "part");
      if (part instanceof LiteralText text && !out.isEmpty()
          && out.get(out.size() - 1) instanceof LiteralText previous) {
        out.set(out.size() - 1, new LiteralText(previous.text() + text.text()));
      } else {
        out.add(part);
      }
    }
    return List.copyOf(out);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IpxeWord other && other.parts.equals(parts);
  }

  @Override
  public int hashCode() {
    return parts.hashCode();
  }

  /** Returns {@link #source()}. */
  @Override
  public String toString() {
    return source();
  }
}
