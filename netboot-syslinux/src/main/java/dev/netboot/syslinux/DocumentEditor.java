package dev.netboot.syslinux;

import dev.netboot.syslinux.internal.Lexer;
import java.util.ArrayList;
import java.util.List;

/** The line-level edits of {@link ConfigDocument}: each touches as few lines as it can. */
final class DocumentEditor {
  private DocumentEditor() {}

  /**
   * The lines of one label's section: the LABEL line, its last line that is not a comment or
   * blank (text of a TEXT block included), and the last line after which a new directive is
   * outside any TEXT block.
   */
  private record Section(int labelLine, int lastDirectiveLine, int insertAfter) {}

  static ConfigDocument setInLabel(ConfigDocument doc, String label, Directive directive) {
    List<ConfigLine> lines = new ArrayList<>(doc.lines());
    Section s = section(doc, label);
    for (int i = s.lastDirectiveLine(); i > s.labelLine(); i--) {
      ConfigLine l = lines.get(i);
      if (l.kind() == ConfigLine.Kind.DIRECTIVE && directive.keyword().equals(l.keyword())) {
        lines.set(i, replaceArgument(l, directive.argument()));
        return doc.withLines(lines);
      }
    }
    ConfigLine labelLine = lines.get(s.labelLine());
    String indent = "";
    for (int i = s.labelLine() + 1; i <= s.insertAfter(); i++) {
      if (lines.get(i).kind() == ConfigLine.Kind.DIRECTIVE) {
        indent = lines.get(i).content().substring(0, lines.get(i).keywordStart());
        break;
      }
    }
    String text = indent + spelled(directive, ConfigDocument.isLowerCase(labelLine.keywordText()));
    insertAfter(doc, lines, s.insertAfter(), text);
    return doc.withLines(lines);
  }

  static ConfigDocument setSetting(ConfigDocument doc, Directive directive) {
    List<ConfigLine> lines = new ArrayList<>(doc.lines());
    boolean inSection = false;
    int found = -1;
    int firstDirective = -1;
    for (int i = 0; i < lines.size(); i++) {
      ConfigLine l = lines.get(i);
      if (l.kind() != ConfigLine.Kind.DIRECTIVE || l.keyword() == null) {
        continue;
      }
      Directive d = Directive.read(l.keyword(), l.argument(), List.of(), null);
      if (firstDirective < 0) {
        firstDirective = i;
      }
      if (l.keyword().equals(Keyword.LABEL)) {
        inSection = true;
      } else if (Label.endsSection(d)) {
        inSection = false;
      } else if (!inSection && l.keyword().equals(directive.keyword())) {
        found = i;
      }
    }
    if (found >= 0) {
      lines.set(found, replaceArgument(lines.get(found), directive.argument()));
      return doc.withLines(lines);
    }
    boolean lower = firstDirective >= 0
        && ConfigDocument.isLowerCase(lines.get(firstDirective).keywordText());
    String text = spelled(directive, lower);
    if (firstDirective < 0) {
      insertAfter(doc, lines, lines.size() - 1, text);
    } else {
      lines.add(firstDirective, ConfigLine.read(text, terminatorFor(doc, lines, firstDirective)));
    }
    return doc.withLines(lines);
  }

  static ConfigDocument removeLabel(ConfigDocument doc, String label) {
    List<ConfigLine> lines = new ArrayList<>(doc.lines());
    Section s = section(doc, label);
    String lastTerminator = lines.get(s.lastDirectiveLine()).terminator();
    lines.subList(s.labelLine(), s.lastDirectiveLine() + 1).clear();
    // The removed label was the end of a file without a final newline: keep it that way.
    if (lastTerminator.isEmpty() && s.labelLine() > 0 && s.labelLine() == lines.size()) {
      int last = lines.size() - 1;
      lines.set(last, lines.get(last).withTerminator(""));
    }
    return doc.withLines(lines);
  }

  static ConfigDocument addLabel(ConfigDocument doc, Label label) {
    List<ConfigLine> lines = new ArrayList<>(doc.lines());
    String eol = doc.dominantTerminator();
    if (!lines.isEmpty()) {
      int last = lines.size() - 1;
      if (lines.get(last).terminator().isEmpty()) {
        lines.set(last, lines.get(last).withTerminator(eol));
      }
      if (endsInsideText(lines)) {
        // The file's last TEXT block runs to the end; close it so the label is not text.
        lines.add(ConfigLine.readText("ENDTEXT", eol));
      }
      if (lines.get(lines.size() - 1).kind() != ConfigLine.Kind.BLANK) {
        lines.add(ConfigLine.read("", eol));
      }
    }
    String block = CanonicalRenderer.render(List.of(label));
    for (String text : block.split("\n", -1)) {
      if (!text.isEmpty() || lines.isEmpty()) {
        lines.add(ConfigLine.read(text, eol));
      }
    }
    return doc.withLines(lines);
  }

  private static boolean endsInsideText(List<ConfigLine> lines) {
    for (int i = lines.size() - 1; i >= 0; i--) {
      ConfigLine l = lines.get(i);
      if (l.kind() == ConfigLine.Kind.TEXT_END) {
        return false;
      }
      if (l.kind() == ConfigLine.Kind.DIRECTIVE) {
        return l.keyword() != null && l.keyword().role() == Keyword.Role.TEXT;
      }
    }
    return false;
  }

  private static Section section(ConfigDocument doc, String label) {
    List<ConfigLine> lines = doc.lines();
    int start = -1;
    int last = -1;
    int safe = -1;
    for (int i = 0; i < lines.size(); i++) {
      ConfigLine l = lines.get(i);
      boolean directive = l.kind() == ConfigLine.Kind.DIRECTIVE && l.keyword() != null;
      if (start < 0) {
        if (directive && l.keyword().equals(Keyword.LABEL)
            && l.argument().substring(0, Lexer.wordEnd(l.argument(), 0)).equals(label)) {
          start = i;
          last = i;
          safe = i;
        }
        continue;
      }
      if (directive && Label.endsSection(Directive.read(l.keyword(), l.argument(), List.of(),
          null))) {
        return new Section(start, last, safe);
      }
      if (directive || l.kind() == ConfigLine.Kind.TEXT_END
          || l.kind() == ConfigLine.Kind.TEXT_BODY) {
        last = i;
      }
      // After a TEXT line comes text: only after its ENDTEXT is a new directive a directive.
      if ((directive && l.keyword().role() != Keyword.Role.TEXT)
          || l.kind() == ConfigLine.Kind.TEXT_END) {
        safe = i;
      }
    }
    if (start < 0) {
      throw new IllegalArgumentException("no label '" + label + "' in " + doc.fileName()
          + " (expected: one of " + doc.model().labels().stream().map(Label::name).toList() + ")");
    }
    return new Section(start, last, safe);
  }

  private static ConfigLine replaceArgument(ConfigLine line, String argument) {
    String prefix = line.content().substring(0, line.argumentStart());
    if (!argument.isEmpty() && (prefix.isEmpty()
        || !Lexer.isSpace(prefix.charAt(prefix.length() - 1)))) {
      prefix += " ";
    }
    return ConfigLine.read(prefix + argument, line.terminator());
  }

  private static String spelled(Directive d, boolean lowerCase) {
    String line = d.renderLine();
    if (!lowerCase || !d.keyword().isKnown()) {
      return line;
    }
    int n = d.keyword().name().length();
    return Lexer.lower(line.substring(0, n)) + line.substring(n);
  }

  private static void insertAfter(ConfigDocument doc, List<ConfigLine> lines, int index,
      String text) {
    if (index < 0) {
      lines.add(0, ConfigLine.read(text, doc.dominantTerminator()));
      return;
    }
    ConfigLine anchor = lines.get(index);
    String terminator = anchor.terminator();
    if (terminator.isEmpty()) {
      lines.set(index, anchor.withTerminator(doc.dominantTerminator()));
    }
    lines.add(index + 1, ConfigLine.read(text, terminator));
  }

  private static String terminatorFor(ConfigDocument doc, List<ConfigLine> lines, int index) {
    String t = lines.get(index).terminator();
    return t.isEmpty() ? doc.dominantTerminator() : t;
  }
}
