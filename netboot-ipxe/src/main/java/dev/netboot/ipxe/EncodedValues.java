package dev.netboot.ipxe;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Turns the renderer's encoded values back into literal words: a run of
 * {@code set netboot/argN:hex ...} lines (N = 0, 1, ...) followed by a line that uses
 * {@code ${netboot/argN:string}}. The run is merged into one line only if rendering that line
 * gives back exactly the same text, so a hand-written script that merely resembles the encoding
 * stays as it is.
 */
final class EncodedValues {
  private EncodedValues() {}

  static IpxeScript decode(IpxeScript script) {
    List<IpxeLine> lines = script.lines();
    List<IpxeLine> out = new ArrayList<>(lines.size());
    Charset charset = script.charset();
    int i = 0;
    while (i < lines.size()) {
      List<String> values = new ArrayList<>();
      while (i + values.size() < lines.size()) {
        String value = encodedValue(lines.get(i + values.size()), values.size(), charset);
        if (value == null) {
          break;
        }
        values.add(value);
      }
      int k = values.size();
      if (k > 0 && i + k < lines.size() && lines.get(i + k).label().isEmpty()) {
        IpxeLine merged = merge(lines.subList(i, i + k + 1), values, charset);
        if (merged != null) {
          out.add(merged);
          i += k + 1;
          continue;
        }
      }
      out.add(lines.get(i));
      i++;
    }
    return new IpxeScript(out, charset);
  }

  private static @Nullable IpxeLine merge(List<IpxeLine> group, List<String> values,
      Charset charset) {
    IpxeLine target = group.get(group.size() - 1);
    List<IpxeCommand> commands = new ArrayList<>();
    for (IpxeCommand c : target.commands()) {
      commands.add(substitute(c, values));
    }
    IpxeLine candidate;
    StringBuilder source = new StringBuilder();
    StringBuilder canonical = new StringBuilder();
    try {
      candidate = IpxeLine.parsed(group.get(0).label(), commands, target.operators(),
          target.comment(), "", group.get(0).position());
      for (IpxeLine line : group) {
        canonical.append(canonical.length() == 0 ? "" : "\n")
            .append(IpxeScriptRenderer.renderLine(line, charset));
        source.append(line.source().orElse(""));
      }
      if (!IpxeScriptRenderer.renderLine(candidate, charset).equals(canonical.toString())) {
        return null;
      }
    } catch (IllegalArgumentException notRenderable) {
      return null;
    }
    return IpxeLine.parsed(candidate.label(), commands, target.operators(), target.comment(),
        source.toString(), group.get(0).position());
  }

  private static IpxeCommand substitute(IpxeCommand c, List<String> values) {
    if (c.isEmpty()) {
      return c;
    }
    List<IpxeWord> words = new ArrayList<>();
    words.add(substitute(c.nameWord().orElseThrow(), values));
    for (IpxeWord a : c.arguments()) {
      words.add(substitute(a, values));
    }
    if (!c.optionsParsed()) {
      return IpxeCommand.verbatim(words);
    }
    List<IpxeOption> options = new ArrayList<>();
    for (IpxeOption o : c.options()) {
      options.add(new IpxeOption(o.name(), o.value().map(v -> substitute(v, values))));
    }
    return IpxeCommand.parsed(words.get(0), options, c.endOfOptions(),
        words.subList(1, words.size()));
  }

  private static IpxeWord substitute(IpxeWord word, List<String> values) {
    List<WordPart> parts = new ArrayList<>();
    boolean changed = false;
    for (WordPart part : word.parts()) {
      String value = part instanceof SettingReference ref ? valueOf(ref, values) : null;
      if (value == null) {
        parts.add(part);
      } else {
        changed = true;
        if (!value.isEmpty()) {
          parts.add(new LiteralText(value));
        }
      }
    }
    return changed ? IpxeWord.of(parts).at(word.position()) : word;
  }

  private static @Nullable String valueOf(SettingReference ref, List<String> values) {
    Optional<SettingName> name = ref.settingName();
    if (name.isEmpty() || name.get().type().isEmpty()
        || !name.get().type().get().equals(SettingType.STRING)) {
      return null;
    }
    for (int n = 0; n < values.size(); n++) {
      if (name.get().key().equals(IpxeScriptRenderer.VALUE_PREFIX + n)) {
        return values.get(n);
      }
    }
    return null;
  }

  /** Returns the value a line {@code set netboot/argN:hex HEX} stores, or {@code null}. */
  private static @Nullable String encodedValue(IpxeLine line, int n, Charset charset) {
    if ((n > 0 && line.label().isPresent()) || line.comment().isPresent()
        || line.commands().size() != 1) {
      return null;
    }
    IpxeCommand c = line.commands().get(0);
    if (!c.name().equals(Optional.of("set")) || !c.optionsParsed() || !c.options().isEmpty()
        || c.endOfOptions() || c.arguments().isEmpty() || c.arguments().size() > 2
        || !c.arguments().get(0).literalValue()
            .equals(Optional.of(IpxeScriptRenderer.VALUE_PREFIX + n + ":hex"))) {
      return null;
    }
    if (c.arguments().size() == 1) {
      return "";
    }
    Optional<String> hex = c.arguments().get(1).literalValue();
    if (hex.isEmpty()) {
      return null;
    }
    try {
      byte[] bytes = HexFormat.ofDelimiter(":").parseHex(hex.get());
      String value = new String(bytes, charset);
      return Arrays.equals(value.getBytes(charset), bytes) && value.indexOf('\0') < 0
          ? value : null;
    } catch (IllegalArgumentException notHex) {
      return null;
    }
  }
}
