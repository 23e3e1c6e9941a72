package dev.netboot.syslinux;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A sub-menu: {@code MENU BEGIN tag} ... {@code MENU END}, with its own settings, labels and
 * nested sub-menus. {@code MENU GOTO tag} opens it.
 */
public final class SubMenu implements Node {
  private final String tag;
  private final List<Node> nodes;
  private final @Nullable SourcePosition position;

  private SubMenu(String tag, List<Node> nodes, @Nullable SourcePosition position) {
    this.tag = tag;
    this.nodes = List.copyOf(nodes);
    this.position = position;
  }

  static SubMenu read(String tag, List<Node> nodes, SourcePosition position) {
    return new SubMenu(tag, nodes, position);
  }

  /**
   * Returns a builder for a sub-menu.
   *
   * @param tag the {@code MENU BEGIN} argument, which {@code MENU GOTO} names; may be empty
   * @return the builder
   */
  public static Builder builder(String tag) {
    Directive.of(Keyword.MENU_BEGIN, tag);
    return new Builder(tag);
  }

  /** Returns a builder holding this sub-menu's tag and nodes. */
  public Builder toBuilder() {
    Builder b = new Builder(tag);
    b.nodes.addAll(nodes);
    return b;
  }

  /** Returns the tag. */
  public String tag() {
    return tag;
  }

  /** Returns the sub-menu's nodes in order. */
  public List<Node> nodes() {
    return nodes;
  }

  /** Returns where {@code MENU BEGIN} was read, or null when it was built. */
  public @Nullable SourcePosition position() {
    return position;
  }

  /** Returns the sub-menu's {@code MENU TITLE}, if set directly in it. */
  public Optional<String> title() {
    return lastOwn(Keyword.MENU_TITLE);
  }

  /** Returns the sub-menu's own {@code MENU LABEL} (its entry in the parent), if set. */
  public Optional<String> menuLabel() {
    return lastOwn(Keyword.MENU_LABEL);
  }

  private Optional<String> lastOwn(Keyword keyword) {
    String found = null;
    for (Node n : nodes) {
      if (n instanceof Directive d && d.keyword().equals(keyword)) {
        found = d.argument();
      }
    }
    return Optional.ofNullable(found);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof SubMenu m && m.tag.equals(tag) && m.nodes.equals(nodes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(tag, nodes);
  }

  @Override
  public String toString() {
    return "MENU BEGIN " + tag + " " + nodes;
  }

  /** Builds a {@link SubMenu}. */
  public static final class Builder {
    private final String tag;
    private final NodeList nodes = new NodeList(false);

    private Builder(String tag) {
      this.tag = tag;
    }

    /**
     * Adds a node. A directive added right after a label joins that label's section, as
     * syslinux would read it.
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

    /** Adds {@code MENU TITLE title}. */
    public Builder title(String title) {
      return add(Keyword.MENU_TITLE, title);
    }

    /** Returns the sub-menu. */
    public SubMenu build() {
      return new SubMenu(tag, nodes.nodes(), null);
    }
  }
}
