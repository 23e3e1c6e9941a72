package dev.netboot.ipxe;

import dev.netboot.ipxe.internal.IpxeChars;
import java.util.List;
import java.util.Optional;

/**
 * A {@code ${...}} reference. Its name is itself a list of parts, because iPXE expands the
 * innermost reference first: {@code ${net${idx}/mac:hexhyp}} names the setting whose name is
 * built from {@code idx}'s value.
 *
 * @param name the parts between <code>${</code> and <code>}</code>, normalised (adjacent text merged)
 */
public record SettingReference(List<WordPart> name) implements WordPart {
  /** How deeply references may nest; deeper text is refused, not recursed into. */
  public static final int MAX_NESTING_DEPTH = 16;

  /** Checks and normalises the name. */
  public SettingReference {
    name = IpxeWord.normalise(name);
    for (WordPart part : name) {
      if (part instanceof LiteralText text && !IpxeChars.isReferenceNameText(text.text())) {
        throw new IllegalArgumentException("setting name text '" + text.text()
            + "' cannot appear inside ${...} (expected: no whitespace, no '}', no '${')");
      }
    }
    if (depth(name) > MAX_NESTING_DEPTH) {
      throw new IllegalArgumentException(
          "references nested deeper than " + MAX_NESTING_DEPTH + " (expected: shallower)");
    }
  }

  /**
   * Returns a reference to a setting named by plain text.
   *
   * @param name for example {@code net0/mac:hexhyp}
   * @return the reference
   */
  public static SettingReference to(String name) {
    return new SettingReference(name.isEmpty() ? List.of() : List.of(new LiteralText(name)));
  }

  /** Returns the setting name when no nested reference is involved. */
  public Optional<SettingName> settingName() {
    if (name.isEmpty()) {
      return Optional.of(SettingName.parse(""));
    }
    if (name.size() == 1 && name.get(0) instanceof LiteralText text) {
      return Optional.of(SettingName.parse(text.text()));
    }
    return Optional.empty();
  }

  @Override
  public String source() {
    StringBuilder sb = new StringBuilder("${");
    for (WordPart part : name) {
      sb.append(part.source());
    }
    return sb.append('}').toString();
  }

  @Override
  public String toString() {
    return source();
  }

  static int depth(List<WordPart> parts) {
    int max = 0;
    for (WordPart part : parts) {
      if (part instanceof SettingReference ref) {
        max = Math.max(max, depth(ref.name()));
      }
    }
    return max + 1;
  }
}
