package dev.netboot.syslinux;

import dev.netboot.syslinux.internal.Lexer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Groups a stream of directives into labels and sub-menus the way syslinux's {@code record()},
 * {@code begin_submenu()} and {@code end_submenu()} do.
 */
final class TreeBuilder {
  private final Deque<Frame> stack = new ArrayDeque<>();
  private final List<Diagnostic> diagnostics = new ArrayList<>();
  private @Nullable String labelName;
  private @Nullable SourcePosition labelPosition;
  private final List<Directive> labelBody = new ArrayList<>();

  private record Frame(String tag, @Nullable SourcePosition position, List<Node> nodes) {}

  TreeBuilder() {
    stack.push(new Frame("", null, new ArrayList<>()));
  }

  void accept(Directive d) {
    Keyword k = d.keyword();
    SourcePosition at = position(d);
    if (k.equals(Keyword.LABEL)) {
      closeLabel();
      labelName = d.firstWord();
      labelPosition = at;
      if (Lexer.skipSpace(d.argument(), labelName.length()) < d.argument().length()) {
        diagnostics.add(Diagnostic.warning(at,
            "syslinux ignores what follows the label name '" + labelName + "'"));
      }
    } else if (k.equals(Keyword.MENU_BEGIN)) {
      closeLabel();
      stack.push(new Frame(d.argument(), at, new ArrayList<>()));
    } else if (k.equals(Keyword.MENU_END)) {
      closeLabel();
      if (stack.size() > 1) {
        Frame f = stack.pop();
        stack.peek().nodes().add(SubMenu.read(f.tag(), f.nodes(), position(f)));
      } else {
        diagnostics.add(Diagnostic.warning(at, "MENU END without MENU BEGIN is ignored"));
        stack.peek().nodes().add(d);
      }
    } else if (Label.endsSection(d)) {
      closeLabel();
      stack.peek().nodes().add(d);
    } else if (labelName != null) {
      labelBody.add(d);
    } else {
      stack.peek().nodes().add(d);
    }
  }

  List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  SyslinuxConfig finish() {
    closeLabel();
    while (stack.size() > 1) {
      Frame f = stack.pop();
      diagnostics.add(Diagnostic.warning(position(f),
          "MENU BEGIN " + f.tag() + " has no MENU END; the sub-menu ends at the end of input"));
      stack.peek().nodes().add(SubMenu.read(f.tag(), f.nodes(), position(f)));
    }
    return SyslinuxConfig.read(stack.peek().nodes());
  }

  private void closeLabel() {
    if (labelName != null) {
      stack.peek().nodes().add(Label.read(labelName, labelBody, position(labelPosition)));
      labelName = null;
      labelBody.clear();
    }
  }

  private static SourcePosition position(Directive d) {
    return position(d.position());
  }

  private static SourcePosition position(Frame f) {
    return position(f.position());
  }

  private static SourcePosition position(@Nullable SourcePosition p) {
    return p != null ? p : new SourcePosition("<built>", 0, 0);
  }
}
