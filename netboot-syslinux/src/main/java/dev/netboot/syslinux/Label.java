package dev.netboot.syslinux;

import dev.netboot.syslinux.internal.Lexer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A {@code LABEL} and the directives of its section, in file order: everything up to the next
 * {@code LABEL}, {@code MENU BEGIN}, {@code MENU END} or {@code MENU SEPARATOR}.
 *
 * <p>The accessors answer what syslinux does with the label; where a directive repeats, the
 * last one wins, as in syslinux. A setting such as {@code TIMEOUT} written inside a section
 * stays there (and still applies globally, as in syslinux).
 */
public final class Label implements Node {
  private final String name;
  private final List<Directive> body;
  private final @Nullable SourcePosition position;

  private Label(String name, List<Directive> body, @Nullable SourcePosition position) {
    this.name = name;
    this.body = List.copyOf(body);
    this.position = position;
  }

  static Label read(String name, List<Directive> body, SourcePosition position) {
    return new Label(name, body, position);
  }

  /**
   * Returns a builder for a label.
   *
   * @param name one word, as typed at the boot prompt
   * @return the builder
   */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** Returns a builder holding this label's name and directives. */
  public Builder toBuilder() {
    Builder b = new Builder(name);
    b.body.addAll(body);
    return b;
  }

  /** Returns the label's name. */
  public String name() {
    return name;
  }

  /** Returns the directives of the label's section, in order. */
  public List<Directive> body() {
    return body;
  }

  /** Returns where the {@code LABEL} line was read, or null when it was built. */
  public @Nullable SourcePosition position() {
    return position;
  }

  /** Returns the last directive with {@code keyword} in the section. */
  public Optional<Directive> last(Keyword keyword) {
    Directive found = null;
    for (Directive d : body) {
      if (d.keyword().equals(keyword)) {
        found = d;
      }
    }
    return Optional.ofNullable(found);
  }

  private Optional<Directive> lastImage() {
    Directive found = null;
    for (Directive d : body) {
      if (d.keyword().kernelType() != null) {
        found = d;
      }
    }
    return Optional.ofNullable(found);
  }

  /**
   * Returns the image command line: the argument of the last {@code KERNEL}, {@code LINUX},
   * {@code COM32}... directive, or the label's name when there is none (syslinux's default).
   */
  public String kernel() {
    return lastImage().map(Directive::argument).orElse(name);
  }

  /** Returns the directive that named the image, if any. */
  public Optional<Directive> kernelDirective() {
    return lastImage();
  }

  /**
   * Returns the image type: the one its directive forces, or, for {@code KERNEL} and labels
   * without an image directive, the type {@link KernelType#fromFileName} gives the name.
   */
  public KernelType kernelType() {
    KernelType t = lastImage().map(d -> d.keyword().kernelType()).orElse(KernelType.KERNEL);
    return t == KernelType.KERNEL || t == null ? KernelType.fromFileName(kernel()) : t;
  }

  /** Returns the label's {@code APPEND} argument as written, if any ({@code "-"} included). */
  public Optional<String> append() {
    return last(Keyword.APPEND).map(Directive::argument);
  }

  /**
   * Returns the options syslinux appends to the image: the label's {@code APPEND}, else
   * {@code globalAppend}; {@code APPEND -} means none.
   *
   * @param globalAppend the {@code APPEND} before the first label, or empty
   * @return the options, possibly empty
   */
  public String effectiveAppend(Optional<String> globalAppend) {
    String a = append().or(() -> globalAppend).orElse("");
    return a.equals("-") ? "" : a;
  }

  /** Returns the files of the last {@code INITRD}, split at commas. */
  public List<String> initrd() {
    String files = last(Keyword.INITRD).map(Directive::argument).orElse("");
    return files.isEmpty() ? List.of() : List.of(files.split(",", -1));
  }

  /** Returns the text shown in the menu ({@code MENU LABEL}), if set. */
  public Optional<String> menuLabel() {
    return last(Keyword.MENU_LABEL).map(Directive::argument);
  }

  /** Returns whether {@code MENU DEFAULT} selects this label. */
  public boolean isMenuDefault() {
    return last(Keyword.MENU_DEFAULT).isPresent();
  }

  /** Returns whether {@code MENU HIDE} hides this label. */
  public boolean isHidden() {
    return last(Keyword.MENU_HIDE).isPresent();
  }

  /** Returns the label's {@code MENU PASSWD}, if any. */
  public Optional<String> password() {
    return last(Keyword.MENU_PASSWD).map(Directive::argument);
  }

  /** Returns the label's SYSAPPEND bits ({@code IPAPPEND} or {@code SYSAPPEND}), if set. */
  public Optional<SysappendFlags> sysappend() {
    Directive found = null;
    for (Directive d : body) {
      if (d.keyword().equals(Keyword.IPAPPEND) || d.keyword().equals(Keyword.SYSAPPEND)) {
        found = d;
      }
    }
    return Optional.ofNullable(found).map(d -> SysappendFlags.parse(d.argument()));
  }

  /** Returns the help text: the lines of every {@code TEXT HELP} block, joined with newlines. */
  public String helpText() {
    List<String> lines = new ArrayList<>();
    for (Directive d : body) {
      if (d.keyword().equals(Keyword.TEXT_HELP)) {
        lines.addAll(d.text());
      }
    }
    return String.join("\n", lines);
  }

  /** Returns the tag of the sub-menu {@code MENU GOTO} opens, if any. */
  public Optional<String> gotoMenu() {
    return last(Keyword.MENU_GOTO).map(Directive::argument);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Label l && l.name.equals(name) && l.body.equals(body);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, body);
  }

  @Override
  public String toString() {
    return "LABEL " + name + " " + body;
  }

  /** Builds a {@link Label}. */
  public static final class Builder {
    private final String name;
    private final List<Directive> body = new ArrayList<>();

    private Builder(String name) {
      for (int i = 0; i < name.length(); i++) {
        if (Lexer.isSpace(name.charAt(i))) {
          throw new IllegalArgumentException(
              "label name '" + name + "' (expected: one word, no white space)");
        }
      }
      this.name = name;
    }

    /**
     * Adds a directive to the section.
     *
     * @param directive any directive except those that end a section (LABEL, MENU BEGIN/END,
     *     MENU SEPARATOR, MENU INCLUDE with a title)
     * @return this builder
     */
    public Builder add(Directive directive) {
      if (endsSection(directive)) {
        throw new IllegalArgumentException(directive.keyword()
            + " ends a label's section (expected: a directive that belongs in it)");
      }
      body.add(directive);
      return this;
    }

    /** Adds {@code keyword argument}. */
    public Builder add(Keyword keyword, String argument) {
      return add(Directive.of(keyword, argument));
    }

    /** Adds {@code KERNEL image}. */
    public Builder kernel(String image) {
      return add(Keyword.KERNEL, image);
    }

    /** Adds {@code LINUX image}. */
    public Builder linux(String image) {
      return add(Keyword.LINUX, image);
    }

    /** Adds {@code COM32 module}. */
    public Builder com32(String module) {
      return add(Keyword.COM32, module);
    }

    /** Adds {@code INITRD files}, joined with commas. */
    public Builder initrd(String... files) {
      return add(Keyword.INITRD, String.join(",", files));
    }

    /** Adds {@code APPEND options}. */
    public Builder append(String options) {
      return add(Keyword.APPEND, options);
    }

    /** Adds {@code MENU LABEL text}. */
    public Builder menuLabel(String text) {
      return add(Keyword.MENU_LABEL, text);
    }

    /** Adds {@code MENU DEFAULT}. */
    public Builder menuDefault() {
      return add(Keyword.MENU_DEFAULT, "");
    }

    /** Adds {@code SYSAPPEND bits}. */
    public Builder sysappend(SysappendFlags flags) {
      return add(Keyword.SYSAPPEND, flags.toArgument());
    }

    /** Adds a {@code TEXT HELP} block. */
    public Builder help(String... lines) {
      return add(Directive.helpText(List.of(lines)));
    }

    /** Returns the label. */
    public Label build() {
      return new Label(name, body, null);
    }
  }

  static boolean endsSection(Directive d) {
    Keyword k = d.keyword();
    return k.role() == Keyword.Role.STRUCTURE
        || (k.equals(Keyword.MENU_INCLUDE) && hasTitle(d.argument()));
  }

  static boolean hasTitle(String includeArgument) {
    int end = Lexer.wordEnd(includeArgument, 0);
    return Lexer.skipSpace(includeArgument, end) < includeArgument.length();
  }
}
