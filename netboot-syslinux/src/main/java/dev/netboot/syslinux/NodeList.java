package dev.netboot.syslinux;

import java.util.ArrayList;
import java.util.List;

/**
 * The nodes of a menu under construction, kept in the shape syslinux would read back: a
 * directive added after a label joins that label's section, because nothing but a
 * section-ending directive can close a section in the file.
 */
final class NodeList {
  private final List<Node> nodes = new ArrayList<>();
  private final boolean root;

  NodeList(boolean root) {
    this.root = root;
  }

  void addAll(List<Node> more) {
    for (Node n : more) {
      add(n);
    }
  }

  void add(Node node) {
    if (node instanceof Directive d) {
      addDirective(d);
    } else {
      nodes.add(node);
    }
  }

  private void addDirective(Directive d) {
    Keyword k = d.keyword();
    if (k.equals(Keyword.LABEL) || k.equals(Keyword.MENU_BEGIN)) {
      throw new IllegalArgumentException(
          k + " as a plain directive (expected: a Label or a SubMenu node)");
    }
    if (k.equals(Keyword.MENU_END) && !root) {
      throw new IllegalArgumentException(
          "MENU END inside a sub-menu (expected: only SubMenu closes a sub-menu)");
    }
    int last = nodes.size() - 1;
    if (last >= 0 && nodes.get(last) instanceof Label l && !Label.endsSection(d)) {
      nodes.set(last, l.toBuilder().add(d).build());
    } else {
      nodes.add(d);
    }
  }

  List<Node> nodes() {
    return List.copyOf(nodes);
  }
}
