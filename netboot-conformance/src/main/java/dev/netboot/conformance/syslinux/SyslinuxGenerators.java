package dev.netboot.conformance.syslinux;

import dev.netboot.conformance.Generator;
import dev.netboot.syslinux.Directive;
import dev.netboot.syslinux.Keyword;
import dev.netboot.syslinux.Label;
import dev.netboot.syslinux.Node;
import dev.netboot.syslinux.SubMenu;
import dev.netboot.syslinux.SyslinuxConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded generators of syslinux values: models that every builder accepts (for
 * {@code parse(render(m)) == m}) and text that looks like real configuration files, with odd
 * case, white space, line ends and stray bytes (for the parser's robustness and lossless round
 * trip).
 *
 * <pre>{@code
 * PropertyCheck.forAll("canonical round trip", 2_000, SyslinuxGenerators.configs(), m ->
 *     assertEquals(m, SyslinuxConfig.parse("m", m.render())));
 * }</pre>
 */
public final class SyslinuxGenerators {
  private static final String WORD_CHARS =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._/-:=,^%${}'\u00e9";
  private static final int MAX_DEPTH = 2;

  private SyslinuxGenerators() {}

  /** Returns words of 1 to 12 characters without white space, as names and file names are. */
  public static Generator<String> words() {
    return random -> {
      int n = 1 + random.nextInt(12);
      StringBuilder b = new StringBuilder(n);
      for (int i = 0; i < n; i++) {
        b.append(WORD_CHARS.charAt(random.nextInt(WORD_CHARS.length())));
      }
      return b.toString();
    };
  }

  /** Returns arguments: 0 to 5 words separated by runs of spaces or tabs, maybe trailing ones. */
  public static Generator<String> arguments() {
    Generator<String> word = words();
    return random -> {
      int n = random.nextInt(6);
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < n; i++) {
        if (i > 0) {
          b.append(random.nextInt(4) == 0 ? "\t " : " ");
        }
        b.append(word.next(random));
      }
      if (n > 0 && random.nextInt(5) == 0) {
        b.append("  ");
      }
      return b.toString();
    };
  }

  /** Returns directives of any known or unknown keyword that may stand outside a label. */
  public static Generator<Directive> settings() {
    return random -> directive(random, k -> k.role() == Keyword.Role.SETTING
        || k.role() == Keyword.Role.TEXT);
  }

  /** Returns directives that belong in a label's section (and, sometimes, settings). */
  public static Generator<Directive> labelDirectives() {
    return random -> directive(random, k -> k.role() == Keyword.Role.LABEL
        || k.role() == Keyword.Role.TEXT || (k.role() == Keyword.Role.SETTING
            && random.nextInt(6) == 0));
  }

  private interface KeywordFilter {
    boolean accept(Keyword k);
  }

  private static Directive directive(SplittableRandom random, KeywordFilter filter) {
    List<Keyword> known = Keyword.known();
    while (true) {
      Keyword k;
      if (random.nextInt(12) == 0) {
        k = Keyword.unknown(words().next(random));
      } else {
        k = known.get(random.nextInt(known.size()));
        if (!filter.accept(k)) {
          continue;
        }
      }
      List<String> text = new ArrayList<>();
      if (k.role() == Keyword.Role.TEXT) {
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) {
          text.add((random.nextBoolean() ? "  " : "") + arguments().next(random));
        }
      }
      try {
        return Directive.of(k, arguments().next(random), text);
      } catch (IllegalArgumentException e) {
        // The argument changed how the line reads (a '#', a "help" after TEXT...): draw again.
      }
    }
  }

  /** Returns labels with 0 to 6 directives. */
  public static Generator<Label> labels() {
    return random -> {
      String name = random.nextInt(10) == 0 ? "" : words().next(random);
      Label.Builder b = Label.builder(name);
      int n = random.nextInt(7);
      for (int i = 0; i < n; i++) {
        Directive d = labelDirectives().next(random);
        try {
          b.add(d);
        } catch (IllegalArgumentException e) {
          // MENU INCLUDE with a title ends a section; leave it out of this one.
        }
      }
      return b.build();
    };
  }

  /** Returns whole configurations: settings, labels and sub-menus nested up to two levels. */
  public static Generator<SyslinuxConfig> configs() {
    return random -> {
      SyslinuxConfig.Builder b = SyslinuxConfig.builder();
      nodes(random, 0).forEach(b::add);
      return b.build();
    };
  }

  private static List<Node> nodes(SplittableRandom random, int depth) {
    List<Node> out = new ArrayList<>();
    int n = random.nextInt(8);
    for (int i = 0; i < n; i++) {
      int pick = random.nextInt(10);
      if (pick < 4) {
        out.add(settings().next(random));
      } else if (pick < 8 || depth >= MAX_DEPTH) {
        out.add(labels().next(random));
      } else {
        String tag = random.nextInt(4) == 0 ? "" : arguments().next(random).strip();
        SubMenu.Builder m = SubMenu.builder(tag);
        nodes(random, depth + 1).forEach(m::add);
        out.add(m.build());
      }
    }
    return out;
  }

  /**
   * Returns text shaped like configuration files: keywords in random case, indentation with
   * spaces, tabs and control characters, TEXT blocks (terminated or not), comments, LF, CRLF and
   * lone CR line ends, stray bytes, rarely a NUL, and sometimes no final newline.
   */
  public static Generator<String> configText() {
    List<String> vocabulary = new ArrayList<>();
    for (Keyword k : Keyword.known()) {
      vocabulary.add(k.name());
    }
    vocabulary.addAll(List.of("ENDTEXT", "#", "# comment", "F", "F0", "MENU", "menu master",
        "say", "label", "text", "endtext"));
    String[] indents = {"", "", "  ", "\t", "\t\t", " \u0001", "\u000b"};
    String[] ends = {"\n", "\n", "\n", "\r\n", "\r\n", "\r", "\r\r\n"};
    return random -> {
      StringBuilder b = new StringBuilder();
      int lines = random.nextInt(30);
      for (int i = 0; i < lines; i++) {
        b.append(indents[random.nextInt(indents.length)]);
        String kw = vocabulary.get(random.nextInt(vocabulary.size()));
        b.append(randomCase(random, kw));
        if (random.nextBoolean()) {
          b.append(random.nextBoolean() ? " " : "\t").append(arguments().next(random));
        }
        if (random.nextInt(25) == 0) {
          b.append((char) random.nextInt(0x20));
        }
        if (random.nextInt(40) == 0) {
          b.append((char) (0x80 + random.nextInt(0x780)));
        }
        if (i < lines - 1 || random.nextBoolean()) {
          b.append(ends[random.nextInt(ends.length)]);
        }
      }
      return b.toString();
    };
  }

  private static String randomCase(SplittableRandom random, String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      b.append(random.nextBoolean() ? Character.toLowerCase(c) : Character.toUpperCase(c));
    }
    return b.toString();
  }
}
