package dev.netboot.ipxe;

import dev.netboot.ipxe.internal.IpxeChars;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One logical line of a script (physical lines joined by trailing backslashes): an optional
 * {@code :label}, commands joined by {@link ChainOperator}s, and an optional comment.
 *
 * <p>A blank line has one empty command. Equality covers the content, not the source text: a
 * parsed line also remembers its exact text (terminators and continuations included), which
 * {@link IpxeScriptRenderer#renderLossless} writes back unchanged.
 */
public final class IpxeLine {
  private final Optional<String> label;
  private final List<IpxeCommand> commands;
  private final List<ChainOperator> operators;
  private final Optional<String> comment;
  private final Optional<String> source;
  private final SourcePosition position;

  private IpxeLine(Optional<String> label, List<IpxeCommand> commands,
      List<ChainOperator> operators, Optional<String> comment, Optional<String> source,
      SourcePosition position) {
    label.ifPresent(IpxeLine::checkLabel);
    comment.ifPresent(IpxeLine::checkComment);
    if (commands.isEmpty() || operators.size() != commands.size() - 1) {
      throw new IllegalArgumentException("a line needs n commands and n-1 operators (got "
          + commands.size() + " and " + operators.size() + ")");
    }
    this.label = label;
    this.commands = List.copyOf(commands);
    this.operators = List.copyOf(operators);
    this.comment = comment.map(IpxeLine::stripTrailingSpace);
    this.source = source;
    this.position = position;
  }

  static IpxeLine parsed(Optional<String> label, List<IpxeCommand> commands,
      List<ChainOperator> operators, Optional<String> comment, String source,
      SourcePosition position) {
    return new IpxeLine(label, commands, operators, comment, Optional.of(source), position);
  }

  /** Returns a builder for a new line. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a line holding one command.
   *
   * @param command the command
   * @return the line
   */
  public static IpxeLine of(IpxeCommand command) {
    return builder().command(command).build();
  }

  /**
   * Returns a line that only defines a label.
   *
   * @param label without the colon
   * @return the line
   */
  public static IpxeLine label(String label) {
    return builder().label(label).build();
  }

  /**
   * Returns a line holding only a comment.
   *
   * @param comment starting with {@code #}
   * @return the line
   */
  public static IpxeLine comment(String comment) {
    return builder().comment(comment).build();
  }

  /** Returns an empty line. */
  public static IpxeLine blank() {
    return builder().build();
  }

  /** Returns the label defined on this line, without the colon. */
  public Optional<String> label() {
    return label;
  }

  /** Returns the commands, at least one (possibly empty). */
  public List<IpxeCommand> commands() {
    return commands;
  }

  /** Returns the operators between consecutive commands. */
  public List<ChainOperator> operators() {
    return operators;
  }

  /** Returns the comment, from its {@code #} on, trailing whitespace removed. */
  public Optional<String> comment() {
    return comment;
  }

  /** Returns the exact text this line was parsed from, if it was parsed and not rebuilt. */
  public Optional<String> source() {
    return source;
  }

  /** Returns where the line starts in the parsed script, or {@link SourcePosition#NONE}. */
  public SourcePosition position() {
    return position;
  }

  /** Returns whether the line holds no command. */
  public boolean hasNoCommand() {
    return commands.stream().allMatch(IpxeCommand::isEmpty);
  }

  /** Returns a builder with this line's content; what it builds has no source text. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.label = label;
    b.commands.addAll(commands);
    b.operators.addAll(operators);
    b.comment = comment;
    return b;
  }

  private static void checkLabel(String label) {
    if (IpxeChars.hasSpace(label) || label.indexOf('\0') >= 0) {
      throw new IllegalArgumentException(
          "label '" + label + "' holds whitespace or NUL (expected: one iPXE token)");
    }
  }

  private static void checkComment(String comment) {
    if (!comment.startsWith("#") || comment.indexOf('\n') >= 0 || comment.indexOf('\0') >= 0) {
      throw new IllegalArgumentException(
          "comment must start with '#' and hold no newline or NUL (got '" + comment + "')");
    }
  }

  private static String stripTrailingSpace(String s) {
    int end = s.length();
    while (end > 0 && IpxeChars.isSpace(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(0, end);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IpxeLine l && l.label.equals(label) && l.commands.equals(commands)
        && l.operators.equals(operators) && l.comment.equals(comment);
  }

  @Override
  public int hashCode() {
    return Objects.hash(label, commands, operators, comment);
  }

  @Override
  public String toString() {
    return IpxeScriptRenderer.renderLine(this);
  }

  /** Builds a line. */
  public static final class Builder {
    private Optional<String> label = Optional.empty();
    private final List<IpxeCommand> commands = new ArrayList<>();
    private final List<ChainOperator> operators = new ArrayList<>();
    private Optional<String> comment = Optional.empty();

    private Builder() {}

    /**
     * Sets the label.
     *
     * @param value without the colon
     * @return this builder
     */
    public Builder label(String value) {
      label = Optional.of(value);
      return this;
    }

    /**
     * Sets the first command, or adds one after {@link ChainOperator#ALWAYS} if there is one.
     *
     * @param command the command
     * @return this builder
     */
    public Builder command(IpxeCommand command) {
      if (!commands.isEmpty()) {
        operators.add(ChainOperator.ALWAYS);
      }
      commands.add(command);
      return this;
    }

    /**
     * Adds {@code operator} and then {@code command}.
     *
     * @param operator how the command depends on the previous one
     * @param command the command
     * @return this builder
     */
    public Builder then(ChainOperator operator, IpxeCommand command) {
      if (commands.isEmpty()) {
        commands.add(IpxeCommand.empty());
      }
      operators.add(operator);
      commands.add(command);
      return this;
    }

    /**
     * Sets the comment.
     *
     * @param value starting with {@code #}
     * @return this builder
     */
    public Builder comment(String value) {
      comment = Optional.of(value);
      return this;
    }

    /** Builds the line. */
    public IpxeLine build() {
      List<IpxeCommand> cs = commands.isEmpty() ? List.of(IpxeCommand.empty()) : commands;
      return new IpxeLine(label, cs, operators, comment, Optional.empty(), SourcePosition.NONE);
    }
  }
}
