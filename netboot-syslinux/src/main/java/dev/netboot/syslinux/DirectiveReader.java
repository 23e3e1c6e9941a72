package dev.netboot.syslinux;

import dev.netboot.syslinux.internal.Lexer;
import java.util.ArrayList;
import java.util.List;

/** Turns a document's lines into directives with positions, gathering TEXT blocks. */
final class DirectiveReader {
  private DirectiveReader() {}

  static List<Directive> read(String fileName, List<ConfigLine> lines, List<Diagnostic> found) {
    List<Directive> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      ConfigLine line = lines.get(i);
      Keyword k = line.keyword();
      if (line.kind() != ConfigLine.Kind.DIRECTIVE || k == null) {
        continue;
      }
      SourcePosition at = new SourcePosition(fileName, i + 1, line.keywordStart() + 1);
      List<String> text = new ArrayList<>();
      if (k.role() == Keyword.Role.TEXT) {
        int j = i + 1;
        while (j < lines.size() && lines.get(j).kind() == ConfigLine.Kind.TEXT_BODY) {
          text.add(Lexer.semantic(lines.get(j).content()));
          j++;
        }
        if (j == lines.size()) {
          found.add(Diagnostic.warning(at, k.name()
              + " has no ENDTEXT; syslinux reads to the end of the file as text"));
        }
        i = j;
      }
      out.add(Directive.read(k, line.argument(), text, at));
    }
    return out;
  }
}
