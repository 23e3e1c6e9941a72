package dev.netboot.syslinux;

import dev.netboot.syslinux.internal.Lexer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The semantic model of a syslinux configuration: the root menu's nodes (settings, labels,
 * sub-menus) in file order, without comments or layout. Build one with {@link #builder()},
 * read one with {@link ConfigDocument#model()}, write one with {@link #render()}.
 *
 * <p>Settings keep syslinux's rules: they apply wherever they appear (a {@code TIMEOUT} inside a
 * label's section is still global) and the last one wins.
 */
public final class SyslinuxConfig {
  private final List<Node> nodes;

  private SyslinuxConfig(List<Node> nodes) {
    this.nodes = List.copyOf(nodes);
  }

  static SyslinuxConfig read(List<Node> nodes) {
    return new SyslinuxConfig(nodes);
  }

  /** Returns an empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding this configuration's nodes. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.nodes.addAll(nodes);
    return b;
  }

  /**
   * Parses text into the model; comments and layout are dropped, warnings are not reported
   * (use {@link ConfigDocument#parse(String, String)} to get them).
   *
   * @param fileName the name used in error positions
   * @param text the file's text
   * @return the model
   * @throws SyslinuxParseException for input syslinux cannot read
   */
  public static SyslinuxConfig parse(String fileName, String text) {
    return ConfigDocument.parse(fileName, text).model();
  }

  /** Returns the root menu's nodes in file order. */
  public List<Node> nodes() {
    return nodes;
  }

  /** Returns the canonical text of this configuration (see the class comment of the renderer). */
  public String render() {
    return CanonicalRenderer.render(nodes);
  }

  /** Returns every directive in file order, including those in label sections and sub-menus. */
  public List<Directive> directives() {
    List<Directive> all = new ArrayList<>();
    walk(nodes, n -> {
      if (n instanceof Directive d) {
        all.add(d);
      } else if (n instanceof Label l) {
        all.addAll(l.body());
      }
    });
    return all;
  }

  /** Returns every label, depth first, in file order. */
  public List<Label> labels() {
    List<Label> all = new ArrayList<>();
    walk(nodes, n -> {
      if (n instanceof Label l) {
        all.add(l);
      }
    });
    return all;
  }

  /** Returns every sub-menu, depth first, in file order. */
  public List<SubMenu> subMenus() {
    List<SubMenu> all = new ArrayList<>();
    walk(nodes, n -> {
      if (n instanceof SubMenu m) {
        all.add(m);
      }
    });
    return all;
  }

  /** Returns the first label named {@code name}, the one syslinux's {@code find_label()} finds. */
  public Optional<Label> label(String name) {
    return labels().stream().filter(l -> l.name().equals(name)).findFirst();
  }

  /** Returns the last directive with {@code keyword} anywhere in the file. */
  public Optional<Directive> last(Keyword keyword) {
    Directive found = null;
    for (Directive d : directives()) {
      if (d.keyword().equals(keyword)) {
        found = d;
      }
    }
    return Optional.ofNullable(found);
  }

  /** Returns the {@code DEFAULT} command line, if any. */
  public Optional<String> defaultCommand() {
    return last(Keyword.DEFAULT).map(Directive::argument);
  }

  /** Returns the {@code UI} module command line, if any. */
  public Optional<String> ui() {
    return last(Keyword.UI).map(Directive::argument);
  }

  /** Returns {@code TIMEOUT} in tenths of a second, as syslinux's {@code atoi()} reads it. */
  public OptionalLong timeout() {
    return last(Keyword.TIMEOUT).map(d -> OptionalLong.of(Lexer.atoi(d.argument())))
        .orElse(OptionalLong.empty());
  }

  /** Returns the {@code ONTIMEOUT} command line, if any. */
  public Optional<String> onTimeout() {
    return last(Keyword.ONTIMEOUT).map(Directive::argument);
  }

  /** Returns the root menu's {@code MENU TITLE}, if any. */
  public Optional<String> menuTitle() {
    String found = null;
    for (Node n : nodes) {
      if (n instanceof Directive d && d.keyword().equals(Keyword.MENU_TITLE)) {
        found = d.argument();
      } else if (n instanceof Label l) {
        found = l.last(Keyword.MENU_TITLE).map(Directive::argument).orElse(found);
      }
    }
    return Optional.ofNullable(found);
  }

  /** Returns the global {@code APPEND}: the last one outside any label's section. */
  public Optional<String> globalAppend() {
    String found = null;
    List<Node> pending = new ArrayList<>(nodes);
    for (int i = 0; i < pending.size(); i++) {
      Node n = pending.get(i);
      if (n instanceof Directive d && d.keyword().equals(Keyword.APPEND)) {
        found = d.argument();
      } else if (n instanceof SubMenu m) {
        pending.addAll(i + 1, m.nodes());
      }
    }
    return Optional.ofNullable(found);
  }

  /**
   * Returns the label booted by default: the label {@code DEFAULT}'s first word names, else the
   * first label marked {@code MENU DEFAULT}.
   */
  public Optional<Label> defaultLabel() {
    Optional<Label> byDefault = defaultCommand()
        .flatMap(c -> label(c.substring(0, Lexer.wordEnd(c, 0))));
    return byDefault.isPresent()
        ? byDefault
        : labels().stream().filter(Label::isMenuDefault).findFirst();
  }

  static void walk(List<Node> nodes, Consumer<Node> visitor) {
    for (Node n : nodes) {
      visitor.accept(n);
      if (n instanceof SubMenu m) {
        walk(m.nodes(), visitor);
      }
    }
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof SyslinuxConfig c && c.nodes.equals(nodes);
  }

  @Override
  public int hashCode() {
    return nodes.hashCode();
  }

  @Override
  public String toString() {
    return render();
  }

  /** Builds a {@link SyslinuxConfig}. */
  public static final class Builder {
    private final NodeList nodes = new NodeList(true);

    private Builder() {}

    /**
     * Adds a node. A directive added right after a label joins that label's section, as
     * syslinux would read it back.
     *
     * @param node the node
     * @return this builder
     */
    public Builder add(Node node) {
      nodes.add(node);
      return this;
    }

    /** Adds {@code keyword argument}. */
    public Builder add(Keyword keyword, String argument) {
      return add(Directive.of(keyword, argument));
    }

    /** Adds {@code DEFAULT command}. */
    public Builder defaultCommand(String command) {
      return add(Keyword.DEFAULT, command);
    }

    /** Adds {@code UI module}. */
    public Builder ui(String module) {
      return add(Keyword.UI, module);
    }

    /** Adds {@code PROMPT flag}. */
    public Builder prompt(int flag) {
      return add(Keyword.PROMPT, Integer.toString(flag));
    }

    /** Adds {@code TIMEOUT tenths}. */
    public Builder timeout(int tenths) {
      return add(Keyword.TIMEOUT, Integer.toString(tenths));
    }

    /** Adds {@code MENU TITLE title}. */
    public Builder menuTitle(String title) {
      return add(Keyword.MENU_TITLE, title);
    }

    /** Returns the configuration. */
    public SyslinuxConfig build() {
      return new SyslinuxConfig(nodes.nodes());
    }
  }
}
