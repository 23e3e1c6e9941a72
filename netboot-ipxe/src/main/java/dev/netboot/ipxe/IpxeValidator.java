package dev.netboot.ipxe;

import dev.netboot.ipxe.IpxeDiagnostic.Severity;
import dev.netboot.ipxe.internal.OptionParser;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a script for what iPXE would fail on (errors) and what is probably a mistake
 * (warnings).
 *
 * <p>Errors: no {@code #!ipxe} magic; a {@code goto} to a label that does not exist (a
 * warning for a {@linkplain Role#CHAINED chained} script); a {@code choose --default} naming no
 * item of its menu; a menu {@code item} that names no label when the choice is dispatched with an
 * uncaught {@code goto ${var}}; options iPXE would reject; an
 * argument count outside the command's bounds; a script that ends inside a line continuation.
 * Warnings: unknown commands; unreachable lines after an unconditional {@code goto} or
 * {@code exit}; labels defined twice; references with a type iPXE does not know; {@code --help}.
 */
public final class IpxeValidator {
  private IpxeValidator() {}

  /** How the script is run, which decides what a missing label means. */
  public enum Role {
    /** Run on its own: a {@code goto} to a missing label is an error. */
    STANDALONE,
    /**
     * Chained from another script: a {@code goto} to a label defined only in the caller fails,
     * ends this script and returns failure to the caller (a common way to "go back"), so it is
     * reported as a warning.
     */
    CHAINED
  }

  /**
   * Validates a script that runs on its own.
   *
   * @param script the script
   * @return the findings, by position
   */
  public static List<IpxeDiagnostic> validate(IpxeScript script) {
    return validate(script, Role.STANDALONE);
  }

  /**
   * Validates a script.
   *
   * @param script the script
   * @param role how it is run
   * @return the findings, by position
   */
  public static List<IpxeDiagnostic> validate(IpxeScript script, Role role) {
    List<IpxeDiagnostic> out = new ArrayList<>();
    List<IpxeLine> lines = script.lines();
    SourcePosition start = lines.isEmpty() ? new SourcePosition(1, 1) : position(lines.get(0));
    if (script.magic().isEmpty()) {
      out.add(error(start, "missing '#!ipxe' on the first line: iPXE will not run this as a"
          + " script"));
    }
    Map<String, Integer> labels = script.labels();
    Set<String> seen = new HashSet<>();
    for (IpxeLine line : lines) {
      line.label().filter(l -> !seen.add(l)).ifPresent(l ->
          out.add(warning(position(line), "label ':" + l + "' is defined again; goto finds the"
              + " first one")));
    }
    checkMenus(script, labels, out);
    boolean unreachable = false;
    for (IpxeLine line : lines) {
      if (line.label().isPresent()) {
        unreachable = false;
      }
      if (unreachable && !line.hasNoCommand()) {
        out.add(warning(position(line), "unreachable: the line before always leaves with goto"
            + " or exit"));
        unreachable = false;
      }
      for (IpxeCommand c : line.commands()) {
        checkCommand(c, labels, role, out);
      }
      unreachable = unreachable || leavesUnconditionally(line);
    }
    String last = lines.isEmpty() ? "" : lines.get(lines.size() - 1).source().orElse("");
    if (last.endsWith("\\") || last.endsWith("\\\n") || last.endsWith("\\\r\n")
        || last.endsWith("\\\r")) {
      out.add(error(position(lines.get(lines.size() - 1)), "the script ends inside a line"
          + " continuation: iPXE fails with EINVAL before running that line"));
    }
    out.sort(Comparator.comparingInt((IpxeDiagnostic d) -> d.position().line())
        .thenComparingInt(d -> d.position().column()));
    return out;
  }

  /**
   * Checks each {@code choose}: its {@code --default} must name one of its menu's items, and if
   * the script dispatches the choice with a {@code goto ${var}} that nothing catches, every item
   * must name a label.
   */
  private static void checkMenus(IpxeScript script, Map<String, Integer> labels,
      List<IpxeDiagnostic> out) {
    Set<String> dispatched = new HashSet<>();
    for (IpxeLine line : script.lines()) {
      for (int i = 0; i < line.commands().size(); i++) {
        IpxeCommand c = line.commands().get(i);
        boolean caught = i < line.operators().size()
            && line.operators().get(i) == ChainOperator.OR;
        if (c.name().equals(Optional.of("goto")) && !caught && c.arguments().size() == 1) {
          List<WordPart> parts = c.arguments().get(0).parts();
          if (parts.size() == 1 && parts.get(0) instanceof SettingReference ref) {
            ref.settingName().filter(n -> n.type().isEmpty()).ifPresent(n -> dispatched.add(
                n.key()));
          }
        }
      }
    }
    List<IpxeCommand> items = new ArrayList<>();
    for (IpxeCommand c : script.commands()) {
      Optional<String> name = c.name();
      if (!c.optionsParsed() || name.isEmpty()) {
        continue;
      }
      if (name.get().equals("menu")) {
        items.clear();
      } else if (name.get().equals("item") && !c.hasOption("gap") && !c.arguments().isEmpty()) {
        items.add(c);
      } else if (name.get().equals("choose") && c.arguments().size() == 1) {
        Set<String> names = new HashSet<>();
        items.forEach(item -> item.argument(0).flatMap(IpxeWord::literalValue)
            .ifPresent(names::add));
        c.option("default").flatMap(IpxeOption::literalValue)
            .filter(d -> !names.contains(d) && !items.isEmpty())
            .ifPresent(d -> out.add(error(position(c), "choose --default '" + d
                + "': no item of this menu has that name")));
        Optional<String> variable = c.arguments().get(0).literalValue()
            .map(v -> SettingName.parse(v).key());
        if (variable.isPresent() && dispatched.contains(variable.get())) {
          for (IpxeCommand item : items) {
            item.argument(0).flatMap(IpxeWord::literalValue).filter(l -> !labels.containsKey(l))
                .ifPresent(l -> out.add(error(position(item.arguments().get(0), position(item)),
                    "item '" + l + "' points nowhere: 'goto ${" + variable.get()
                        + "}' needs a label ':" + l + "'")));
          }
        }
      }
    }
  }

  /** Returns whether any finding is an error. */
  public static boolean hasErrors(List<IpxeDiagnostic> diagnostics) {
    return diagnostics.stream().anyMatch(d -> d.severity() == Severity.ERROR);
  }

  private static void checkCommand(IpxeCommand c, Map<String, Integer> labels, Role role,
      List<IpxeDiagnostic> out) {
    if (c.isEmpty()) {
      return;
    }
    SourcePosition at = position(c);
    for (IpxeWord w : words(c)) {
      checkReferences(w.parts(), w.position().line() == 0 ? at : w.position(), out);
    }
    Optional<String> name = c.name();
    if (name.isEmpty()) {
      return;
    }
    Optional<IpxeCommandSpec> spec = IpxeCommands.find(name.get());
    if (spec.isEmpty()) {
      out.add(warning(at, "unknown command '" + name.get() + "' (iPXE prints 'command not"
          + " found' and the script fails unless the line handles it)"));
      return;
    }
    if (!spec.get().parsesOptions()) {
      return;
    }
    if (!c.optionsParsed()) {
      out.add(error(at, "'" + name.get() + "': " + optionError(spec.get(), c)));
      return;
    }
    if (c.hasOption("help")) {
      out.add(warning(at, "'" + name.get() + " --help' prints usage and fails"));
    }
    int n = c.arguments().size();
    if (!spec.get().acceptsArgumentCount(n)) {
      out.add(error(at, "'" + name.get() + "' takes " + bounds(spec.get()) + " argument(s), not "
          + n));
      return;
    }
    if (name.get().equals("goto")) {
      IpxeWord target = c.arguments().get(0);
      Optional<String> missing = target.literalValue().filter(t -> !labels.containsKey(t));
      if (missing.isPresent() && role == Role.STANDALONE) {
        out.add(error(position(target, at), "goto ':" + missing.get() + "': no such label"));
      } else if (missing.isPresent()) {
        out.add(warning(position(target, at), "goto ':" + missing.get() + "': no such label in"
            + " this script; the goto fails and returns failure to the calling script"));
      }
    }
  }

  private static String optionError(IpxeCommandSpec spec, IpxeCommand c) {
    List<IpxeWord> words = c.arguments();
    OptionParser.Result r = OptionParser.parse(spec,
        words.stream().map(IpxeWord::source).toList(), words, (i, from) ->
            IpxeWord.parse(words.get(i).source().substring(from)));
    return r.error() != null ? r.error() : "options cannot be read";
  }

  private static void checkReferences(List<WordPart> parts, SourcePosition at,
      List<IpxeDiagnostic> out) {
    for (WordPart part : parts) {
      if (part instanceof SettingReference ref) {
        ref.settingName().flatMap(SettingName::type).filter(t -> !t.isKnown()).ifPresent(t ->
            out.add(warning(at, "setting type '" + t.name() + "' is unknown to iPXE: '"
                + ref.source() + "' expands to nothing")));
        checkReferences(ref.name(), at, out);
      }
    }
  }

  private static List<IpxeWord> words(IpxeCommand c) {
    List<IpxeWord> words = new ArrayList<>(c.arguments());
    c.options().forEach(o -> o.value().ifPresent(words::add));
    return words;
  }

  /**
   * A line leaves for good when a {@code goto} or {@code exit} runs whatever happened before it
   * (it is first, or reached through {@code ;} only) and, for {@code goto}, which can fail, no
   * {@code ||} follows to catch the failure.
   */
  private static boolean leavesUnconditionally(IpxeLine line) {
    for (int i = 0; i < line.commands().size(); i++) {
      Optional<String> name = line.commands().get(i).name();
      boolean caught = i < line.operators().size()
          && line.operators().get(i) == ChainOperator.OR;
      if (name.equals(Optional.of("exit"))
          || (name.equals(Optional.of("goto")) && !caught)) {
        return true;
      }
      if (i < line.operators().size() && line.operators().get(i) != ChainOperator.ALWAYS) {
        return false;
      }
    }
    return false;
  }

  private static String bounds(IpxeCommandSpec spec) {
    if (spec.maxArguments() == IpxeCommandSpec.UNLIMITED) {
      return "at least " + spec.minArguments();
    }
    return spec.minArguments() == spec.maxArguments() ? "exactly " + spec.minArguments()
        : spec.minArguments() + " to " + spec.maxArguments();
  }

  private static SourcePosition position(IpxeLine line) {
    return line.position().line() == 0 ? new SourcePosition(1, 1) : line.position();
  }

  private static SourcePosition position(IpxeCommand c) {
    return c.position().line() == 0 ? new SourcePosition(1, 1) : c.position();
  }

  private static SourcePosition position(IpxeWord w, SourcePosition fallback) {
    return w.position().line() == 0 ? fallback : w.position();
  }

  private static IpxeDiagnostic error(SourcePosition at, String message) {
    return new IpxeDiagnostic(Severity.ERROR, at, message);
  }

  private static IpxeDiagnostic warning(SourcePosition at, String message) {
    return new IpxeDiagnostic(Severity.WARNING, at, message);
  }

}
