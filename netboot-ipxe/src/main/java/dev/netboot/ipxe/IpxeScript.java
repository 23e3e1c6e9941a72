package dev.netboot.ipxe;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An iPXE script: its lines, in order. Immutable; edit with {@link #toBuilder()}.
 *
 * <p>The first line is normally the {@code #!ipxe} magic, which iPXE requires before it will run
 * a file as a script ({@code script_probe} in {@code src/image/script.c}); {@link #builder()}
 * starts with it. The charset is how the text maps to bytes: UTF-8 unless the parsed bytes were
 * not valid UTF-8, in which case ISO 8859-1 keeps every byte. Equality covers the lines only.
 */
public final class IpxeScript {
  /** The magic line iPXE looks for. */
  public static final String IPXE_MAGIC = "#!ipxe";
  /** The older magic iPXE still accepts. */
  public static final String GPXE_MAGIC = "#!gpxe";

  private final List<IpxeLine> lines;
  private final Charset charset;

  IpxeScript(List<IpxeLine> lines, Charset charset) {
    this.lines = List.copyOf(lines);
    this.charset = charset;
  }

  /** Returns a builder whose script starts with {@code #!ipxe}. */
  public static Builder builder() {
    return new Builder().line(IpxeLine.comment(IPXE_MAGIC));
  }

  /** Returns a builder for a script with no lines at all, not even the magic. */
  public static Builder emptyBuilder() {
    return new Builder();
  }

  /** Returns the lines. */
  public List<IpxeLine> lines() {
    return lines;
  }

  /** Returns the charset that maps this script's text to bytes. */
  public Charset charset() {
    return charset;
  }

  /**
   * Returns the magic ({@link #IPXE_MAGIC} or {@link #GPXE_MAGIC}) if the script starts with it
   * the way iPXE requires: the first line is a comment that begins with it, followed by
   * whitespace.
   */
  public Optional<String> magic() {
    if (lines.isEmpty()) {
      return Optional.empty();
    }
    IpxeLine first = lines.get(0);
    if (first.label().isPresent() || !first.hasNoCommand() || first.comment().isEmpty()) {
      return Optional.empty();
    }
    String text = first.source().orElse(first.comment().get() + "\n");
    for (String magic : List.of(IPXE_MAGIC, GPXE_MAGIC)) {
      if (text.startsWith(magic) && text.length() > magic.length()
          && dev.netboot.ipxe.internal.IpxeChars.isSpace(text.charAt(magic.length()))) {
        return Optional.of(magic);
      }
    }
    return Optional.empty();
  }

  /** Returns each label with the index of the first line that defines it, in script order. */
  public Map<String, Integer> labels() {
    Map<String, Integer> labels = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      int index = i;
      lines.get(i).label().ifPresent(l -> labels.putIfAbsent(l, index));
    }
    return labels;
  }

  /** Returns every command of every line, in order. */
  public List<IpxeCommand> commands() {
    List<IpxeCommand> all = new ArrayList<>();
    for (IpxeLine line : lines) {
      for (IpxeCommand c : line.commands()) {
        if (!c.isEmpty()) {
          all.add(c);
        }
      }
    }
    return all;
  }

  /** Returns the canonical text: {@link IpxeScriptRenderer#render}. */
  public String render() {
    return IpxeScriptRenderer.render(this);
  }

  /** Returns a builder holding these lines and this charset. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.lines.addAll(lines);
    b.charset = charset;
    return b;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IpxeScript s && s.lines.equals(lines);
  }

  @Override
  public int hashCode() {
    return lines.hashCode();
  }

  /** Returns the canonical text. */
  @Override
  public String toString() {
    return render();
  }

  /** Builds a script. */
  public static final class Builder {
    private final List<IpxeLine> lines = new ArrayList<>();
    private Charset charset = StandardCharsets.UTF_8;

    private Builder() {}

    /**
     * Appends a line.
     *
     * @param line the line
     * @return this builder
     */
    public Builder line(IpxeLine line) {
      lines.add(line);
      return this;
    }

    /**
     * Appends lines.
     *
     * @param more the lines
     * @return this builder
     */
    public Builder lines(List<IpxeLine> more) {
      lines.addAll(more);
      return this;
    }

    /**
     * Appends a line holding one command.
     *
     * @param command the command
     * @return this builder
     */
    public Builder command(IpxeCommand command) {
      return line(IpxeLine.of(command));
    }

    /**
     * Appends a line that defines a label.
     *
     * @param label without the colon
     * @return this builder
     */
    public Builder label(String label) {
      return line(IpxeLine.label(label));
    }

    /**
     * Replaces the line at {@code index}.
     *
     * @param index 0-based
     * @param line the new line
     * @return this builder
     */
    public Builder set(int index, IpxeLine line) {
      lines.set(index, line);
      return this;
    }

    /**
     * Removes the line at {@code index}.
     *
     * @param index 0-based
     * @return this builder
     */
    public Builder remove(int index) {
      lines.remove(index);
      return this;
    }

    /** Returns the lines so far, for inspection while editing. */
    public List<IpxeLine> lines() {
      return List.copyOf(lines);
    }

    /**
     * Sets the charset used for bytes.
     *
     * @param value UTF-8 or ISO 8859-1, usually
     * @return this builder
     */
    public Builder charset(Charset value) {
      charset = value;
      return this;
    }

    /** Builds the script. */
    public IpxeScript build() {
      return new IpxeScript(lines, charset);
    }
  }
}
