package dev.netboot.ipxe;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One command of a line: its name, its options (for commands iPXE knows, parsed as iPXE's
 * {@code getopt} would), and its arguments. Immutable; edit with {@link #toBuilder()}.
 *
 * <p>A command whose name iPXE does not know, or whose options iPXE would reject, keeps all its
 * words verbatim as arguments ({@link #optionsParsed()} is false) so that it renders exactly as
 * written. An empty command (between {@code ||} and the end of a line, say) has no name.
 */
public final class IpxeCommand {
  private static final IpxeCommand EMPTY =
      new IpxeCommand(null, List.of(), false, List.of(), false, SourcePosition.NONE);

  private final @Nullable IpxeWord name;
  private final List<IpxeOption> options;
  private final boolean endOfOptions;
  private final List<IpxeWord> arguments;
  private final boolean optionsParsed;
  private final SourcePosition position;

  private IpxeCommand(@Nullable IpxeWord name, List<IpxeOption> options, boolean endOfOptions,
      List<IpxeWord> arguments, boolean optionsParsed, SourcePosition position) {
    this.name = name;
    this.options = List.copyOf(options);
    this.endOfOptions = endOfOptions;
    this.arguments = List.copyOf(arguments);
    this.optionsParsed = optionsParsed;
    this.position = position;
  }

  /** Returns the empty command: iPXE runs it as a success. */
  public static IpxeCommand empty() {
    return EMPTY;
  }

  /**
   * Starts a command named {@code name}; options are checked against iPXE's table on build.
   *
   * @param name the command name
   * @return the builder
   */
  public static Builder builder(String name) {
    return new Builder(IpxeWord.literal(name));
  }

  /**
   * Returns a command with literal arguments, for example {@code of("goto", "failed")}.
   *
   * @param name the command name
   * @param arguments literal values
   * @return the command
   */
  public static IpxeCommand of(String name, String... arguments) {
    Builder b = builder(name);
    for (String argument : arguments) {
      b.argument(argument);
    }
    return b.build();
  }

  /**
   * Returns a command whose words are kept exactly as given, options unparsed.
   *
   * @param words the name followed by every other word
   * @return the command
   */
  public static IpxeCommand verbatim(List<IpxeWord> words) {
    if (words.isEmpty()) {
      return EMPTY;
    }
    return new IpxeCommand(words.get(0), List.of(), false, words.subList(1, words.size()), false,
        words.get(0).position());
  }

  static IpxeCommand parsed(IpxeWord name, List<IpxeOption> options, boolean endOfOptions,
      List<IpxeWord> arguments) {
    boolean end = endOfOptions || (!arguments.isEmpty() && arguments.get(0).startsWithLiteral("-"));
    return new IpxeCommand(name, options, end, arguments, true, name.position());
  }

  /** Returns whether this is the empty command. */
  public boolean isEmpty() {
    return name == null;
  }

  /** Returns the name word, absent for the empty command. */
  public Optional<IpxeWord> nameWord() {
    return Optional.ofNullable(name);
  }

  /** Returns the name when it is literal text (it nearly always is). */
  public Optional<String> name() {
    return name == null ? Optional.empty() : name.literalValue();
  }

  /** Returns iPXE's entry for this command's name, if iPXE knows it. */
  public Optional<IpxeCommandSpec> spec() {
    return name().flatMap(IpxeCommands::find);
  }

  /** Returns the options, in order; empty unless {@link #optionsParsed()}. */
  public List<IpxeOption> options() {
    return options;
  }

  /**
   * Returns the first option with this long name.
   *
   * @param longName without dashes
   * @return the option
   */
  public Optional<IpxeOption> option(String longName) {
    return options.stream().filter(o -> o.name().equals(longName)).findFirst();
  }

  /**
   * Returns whether a flag or option with this long name is present.
   *
   * @param longName without dashes
   * @return whether present
   */
  public boolean hasOption(String longName) {
    return option(longName).isPresent();
  }

  /** Returns whether a {@code --} ends the options (always, when the first argument starts with
   * {@code -}, so that iPXE cannot read it as an option). */
  public boolean endOfOptions() {
    return endOfOptions;
  }

  /** Returns the non-option arguments (all words after the name when options are unparsed). */
  public List<IpxeWord> arguments() {
    return arguments;
  }

  /**
   * Returns an argument.
   *
   * @param index 0-based, among non-option arguments
   * @return the argument, if there are that many
   */
  public Optional<IpxeWord> argument(int index) {
    return index < arguments.size() ? Optional.of(arguments.get(index)) : Optional.empty();
  }

  /** Returns whether the options were parsed against iPXE's table. */
  public boolean optionsParsed() {
    return optionsParsed;
  }

  /** Returns where the command started in the parsed script, or {@link SourcePosition#NONE}. */
  public SourcePosition position() {
    return position;
  }

  /** Returns a builder holding this command's content. */
  public Builder toBuilder() {
    Builder b = new Builder(name == null ? IpxeWord.literal("") : name);
    b.options.addAll(options);
    b.arguments.addAll(arguments);
    b.endOfOptions = endOfOptions;
    b.verbatim = !optionsParsed;
    return b;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IpxeCommand c && Objects.equals(c.name, name) && c.options.equals(options)
        && c.endOfOptions == endOfOptions && c.arguments.equals(arguments)
        && c.optionsParsed == optionsParsed;
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, options, endOfOptions, arguments, optionsParsed);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(name == null ? "<empty>" : name.source());
    for (IpxeOption o : options) {
      sb.append(" --").append(o.name()).append(o.value().map(v -> "=" + v.source()).orElse(""));
    }
    if (endOfOptions) {
      sb.append(" --");
    }
    arguments.forEach(a -> sb.append(' ').append(a.source()));
    return sb.toString();
  }

  /** Builds a command. */
  public static final class Builder {
    private final IpxeWord name;
    private final List<IpxeOption> options = new ArrayList<>();
    private final List<IpxeWord> arguments = new ArrayList<>();
    private boolean endOfOptions;
    private boolean verbatim;

    private Builder(IpxeWord name) {
      this.name = name;
    }

    /**
     * Adds a flag.
     *
     * @param longName for example {@code autofree}
     * @return this builder
     */
    public Builder option(String longName) {
      options.add(IpxeOption.flag(longName));
      return this;
    }

    /**
     * Adds an option with a literal value.
     *
     * @param longName for example {@code name}
     * @param value the value iPXE must receive
     * @return this builder
     */
    public Builder option(String longName, String value) {
      return option(longName, IpxeWord.literal(value));
    }

    /**
     * Adds an option with a value.
     *
     * @param longName for example {@code timeout}
     * @param value the value
     * @return this builder
     */
    public Builder option(String longName, IpxeWord value) {
      options.add(IpxeOption.of(longName, value));
      return this;
    }

    /**
     * Adds a literal argument: iPXE receives exactly {@code value}.
     *
     * @param value any text without NUL
     * @return this builder
     */
    public Builder argument(String value) {
      return argument(IpxeWord.literal(value));
    }

    /**
     * Adds an argument.
     *
     * @param value the word
     * @return this builder
     */
    public Builder argument(IpxeWord value) {
      arguments.add(value);
      return this;
    }

    /**
     * Asks for a {@code --} before the arguments.
     *
     * @param value whether to end options explicitly
     * @return this builder
     */
    public Builder endOfOptions(boolean value) {
      endOfOptions = value;
      return this;
    }

    /**
     * Keeps every word verbatim, options unparsed (for a command iPXE does not know).
     *
     * @return this builder
     */
    public Builder verbatim() {
      verbatim = true;
      return this;
    }

    /**
     * Builds the command.
     *
     * @return the command
     * @throws IllegalArgumentException for an option the command does not have, a value missing
     *     or given where none is taken, or options on a command iPXE does not know
     */
    public IpxeCommand build() {
      Optional<IpxeCommandSpec> spec = name.literalValue().flatMap(IpxeCommands::find)
          .filter(IpxeCommandSpec::parsesOptions);
      if (verbatim || spec.isEmpty()) {
        if (!options.isEmpty() || endOfOptions) {
          throw new IllegalArgumentException("'" + name + "' is not a command whose options iPXE"
              + " parses (expected: pass option words as arguments)");
        }
        return new IpxeCommand(name, List.of(), false, arguments, false, name.position());
      }
      for (IpxeOption option : options) {
        IpxeOptionSpec os = spec.get().option(option.name()).orElseThrow(() ->
            new IllegalArgumentException("'" + name + "' has no option --" + option.name()
                + " (expected one of: " + spec.get().optionsWithHelp().stream()
                    .map(IpxeOptionSpec::longName).toList() + ")"));
        if (os.takesValue() != option.value().isPresent()) {
          throw new IllegalArgumentException("--" + option.name() + " of '" + name + "' "
              + (os.takesValue() ? "needs a value" : "takes no value"));
        }
      }
      // A first argument that starts with '-' would be read as an option: end options first.
      boolean end = endOfOptions || (!arguments.isEmpty() && arguments.get(0).startsWithLiteral("-"));
      return new IpxeCommand(name, options, end, arguments, true, name.position());
    }
  }
}
