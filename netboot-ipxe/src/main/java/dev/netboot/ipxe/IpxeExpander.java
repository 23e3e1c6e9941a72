package dev.netboot.ipxe;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Expands {@code ${...}} references the way iPXE's {@code expand_settings}
 * ({@code src/core/settings.c}) does, so that a server can pre-render a script per machine and a
 * test can see what a script would fetch.
 *
 * <p>iPXE's loop: find the first <code>}</code> that follows a <code>${</code>, take the last <code>${</code>
 * before it, replace that reference by the setting's formatted value (nothing if it does not
 * exist or its name or type is invalid), and start again from the beginning of the string, until
 * no reference is left. A value that itself holds a complete reference is therefore expanded
 * again; a setting whose value refers to itself would loop forever, which iPXE does and this
 * class stops with an {@link IpxeException} after {@link #MAX_EXPANSIONS} steps.
 */
public final class IpxeExpander {
  /** Most substitutions in one word before giving up. */
  public static final int MAX_EXPANSIONS = 10_000;
  /** Longest intermediate result, in characters, before giving up. */
  public static final int MAX_EXPANDED_LENGTH = 1 << 20;

  private IpxeExpander() {}

  /**
   * Expands a token as written in a script.
   *
   * @param token the token
   * @param settings the values
   * @return what the command receives
   * @throws IpxeException when expansion runs away
   */
  public static String expand(String token, IpxeSettings settings) {
    String s = token;
    for (int step = 0; ; step++) {
      int start = -1;
      int end = -1;
      for (int i = 0; i < s.length(); i++) {
        if (s.charAt(i) == '$' && i + 1 < s.length() && s.charAt(i + 1) == '{') {
          start = i;
        }
        if (start >= 0 && s.charAt(i) == '}') {
          end = i;
          break;
        }
      }
      if (end < 0) {
        return s;
      }
      if (step >= MAX_EXPANSIONS) {
        throw new IpxeException("expansion of '" + token + "' did not finish after "
            + MAX_EXPANSIONS + " substitutions", null, 0, 0);
      }
      String name = s.substring(start + 2, end);
      String value = settings.format(SettingName.parse(name)).orElse("");
      s = s.substring(0, start) + value + s.substring(end + 1);
      if (s.length() > MAX_EXPANDED_LENGTH) {
        throw new IpxeException("expansion of '" + token + "' grew beyond "
            + MAX_EXPANDED_LENGTH + " characters", null, 0, 0);
      }
    }
  }

  /**
   * Expands a word: a literal word is its value (the renderer guarantees iPXE receives exactly
   * that); any other word is expanded as its text.
   *
   * @param word the word
   * @param settings the values
   * @return what the command receives
   */
  public static String expand(IpxeWord word, IpxeSettings settings) {
    Optional<String> literal = word.literalValue();
    return literal.isPresent() ? literal.get() : expand(word.source(), settings);
  }

  /**
   * Returns the argument list a command receives: name, options (as {@code --name} or
   * {@code --name=value}), {@code --} if present, arguments, each expanded.
   *
   * @param command the command
   * @param settings the values
   * @return the expanded words
   */
  public static List<String> argv(IpxeCommand command, IpxeSettings settings) {
    List<String> argv = new ArrayList<>();
    command.nameWord().ifPresent(n -> argv.add(expand(n, settings)));
    for (IpxeOption o : command.options()) {
      argv.add("--" + o.name() + o.value().map(v -> "=" + expand(v, settings)).orElse(""));
    }
    if (command.endOfOptions()) {
      argv.add("--");
    }
    command.arguments().forEach(a -> argv.add(expand(a, settings)));
    return argv;
  }

  /**
   * One command as a straight-line run saw it.
   *
   * @param line index of its line
   * @param command the command
   * @param argv what it received
   */
  public record Invocation(int line, IpxeCommand command, List<String> argv) {}

  /**
   * The outcome of a straight-line run.
   *
   * @param invocations every command, in order
   * @param settings the values after the last {@code set}/{@code clear}
   */
  public record Run(List<Invocation> invocations, IpxeSettings settings) {}

  /**
   * Runs every command of the script once, top to bottom, ignoring control flow, and applies
   * {@code set} and {@code clear} to the settings as it goes: enough to see what a linear
   * script (such as a rendered per-machine script) passes to each command.
   *
   * @param script the script
   * @param settings the initial values
   * @return each command's expanded words and the final values
   */
  public static Run run(IpxeScript script, IpxeSettings settings) {
    List<Invocation> invocations = new ArrayList<>();
    IpxeSettings current = settings;
    for (int i = 0; i < script.lines().size(); i++) {
      for (IpxeCommand c : script.lines().get(i).commands()) {
        if (c.isEmpty()) {
          continue;
        }
        List<String> argv = argv(c, current);
        invocations.add(new Invocation(i, c, argv));
        current = apply(c, argv, current);
      }
    }
    return new Run(List.copyOf(invocations), current);
  }

  private static IpxeSettings apply(IpxeCommand c, List<String> argv, IpxeSettings settings) {
    if (!c.optionsParsed() || c.arguments().isEmpty()) {
      return settings;
    }
    int first = argv.size() - c.arguments().size();
    String name = argv.get(first);
    if (c.name().equals(Optional.of("set"))) {
      String value = String.join(" ", argv.subList(first + 1, argv.size()));
      return settings.set(name, value).orElse(settings);
    }
    if (c.name().equals(Optional.of("clear"))) {
      return settings.set(name, "").orElse(settings);
    }
    return settings;
  }

  /**
   * Returns the URIs (or image names) the script's fetching commands receive in a straight-line
   * run: the leading arguments of {@code chain}, {@code kernel}, {@code initrd},
   * {@code imgverify}, {@code sanboot} and the other commands that acquire images.
   *
   * @param script the script
   * @param settings the values
   * @return the expanded URIs, in order
   */
  public static List<String> fetchedUris(IpxeScript script, IpxeSettings settings) {
    List<String> uris = new ArrayList<>();
    for (Invocation inv : run(script, settings).invocations()) {
      IpxeCommand c = inv.command();
      int count = c.spec().filter(s -> c.optionsParsed()).map(IpxeCommandSpec::uriArguments)
          .orElse(0);
      int first = inv.argv().size() - c.arguments().size();
      for (int k = 0; k < Math.min(count, c.arguments().size()); k++) {
        uris.add(inv.argv().get(first + k));
      }
    }
    return uris;
  }

  /**
   * Replaces every reference whose (plain) name has a value in {@code settings} by that value as
   * literal text, leaving the others for iPXE. Rendering the result passes the values safely,
   * whatever they hold, or refuses.
   *
   * @param script the script
   * @param settings what the server knows about the machine
   * @return the pre-rendered script
   */
  public static IpxeScript substitute(IpxeScript script, IpxeSettings settings) {
    IpxeScript.Builder b = script.toBuilder();
    for (int i = 0; i < script.lines().size(); i++) {
      IpxeLine line = script.lines().get(i);
      IpxeLine.Builder lb = IpxeLine.builder();
      line.label().ifPresent(lb::label);
      line.comment().ifPresent(lb::comment);
      boolean changed = false;
      List<IpxeCommand> commands = new ArrayList<>();
      for (IpxeCommand c : line.commands()) {
        IpxeCommand s = substitute(c, settings);
        changed |= !s.equals(c);
        commands.add(s);
      }
      if (!changed) {
        continue;
      }
      lb.command(commands.get(0));
      for (int k = 1; k < commands.size(); k++) {
        lb.then(line.operators().get(k - 1), commands.get(k));
      }
      b.set(i, lb.build());
    }
    return b.build();
  }

  private static IpxeCommand substitute(IpxeCommand c, IpxeSettings settings) {
    if (c.isEmpty()) {
      return c;
    }
    List<IpxeWord> words = new ArrayList<>();
    words.add(substitute(c.nameWord().orElseThrow(), settings));
    c.arguments().forEach(a -> words.add(substitute(a, settings)));
    if (!c.optionsParsed()) {
      return IpxeCommand.verbatim(words);
    }
    List<IpxeOption> options = new ArrayList<>();
    for (IpxeOption o : c.options()) {
      options.add(new IpxeOption(o.name(), o.value().map(v -> substitute(v, settings))));
    }
    return IpxeCommand.parsed(words.get(0), options, c.endOfOptions(),
        words.subList(1, words.size()));
  }

  private static IpxeWord substitute(IpxeWord word, IpxeSettings settings) {
    List<WordPart> parts = new ArrayList<>();
    for (WordPart part : word.parts()) {
      Optional<String> value = part instanceof SettingReference ref
          ? ref.settingName().flatMap(settings::format) : Optional.empty();
      if (value.isEmpty()) {
        parts.add(part);
      } else if (!value.get().isEmpty()) {
        parts.add(new LiteralText(value.get()));
      }
    }
    return IpxeWord.of(parts).at(word.position());
  }
}
