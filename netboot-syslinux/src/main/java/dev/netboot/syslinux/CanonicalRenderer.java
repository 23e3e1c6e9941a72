package dev.netboot.syslinux;

import java.util.List;

/**
 * Writes a model in canonical form: upper-case keywords, two spaces of indentation per level
 * (label sections and sub-menus), a blank line around labels and sub-menus, LF line ends.
 */
final class CanonicalRenderer {
  private static final String INDENT = "  ";

  private final StringBuilder out = new StringBuilder();

  static String render(List<Node> nodes) {
    CanonicalRenderer r = new CanonicalRenderer();
    r.nodes(nodes, 0);
    return r.out.toString();
  }

  private void nodes(List<Node> nodes, int depth) {
    Node previous = null;
    for (Node n : nodes) {
      boolean block = !(n instanceof Directive);
      boolean afterBlock = previous != null && !(previous instanceof Directive);
      if (out.length() > 0 && (block || afterBlock)) {
        out.append('\n');
      }
      if (n instanceof Directive d) {
        directive(d, depth);
      } else if (n instanceof Label l) {
        line(depth, l.name().isEmpty() ? "LABEL" : "LABEL " + l.name());
        for (Directive d : l.body()) {
          directive(d, depth + 1);
        }
      } else if (n instanceof SubMenu m) {
        line(depth, m.tag().isEmpty() ? "MENU BEGIN" : "MENU BEGIN " + m.tag());
        nodes(m.nodes(), depth + 1);
        line(depth, "MENU END");
      }
      previous = n;
    }
  }

  private void directive(Directive d, int depth) {
    line(depth, d.renderLine());
    if (d.keyword().role() == Keyword.Role.TEXT) {
      for (String t : d.text()) {
        out.append(t).append('\n');
      }
      line(depth, "ENDTEXT");
    }
  }

  private void line(int depth, String text) {
    out.append(INDENT.repeat(depth)).append(text).append('\n');
  }
}
