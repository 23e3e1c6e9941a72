package dev.netboot.conformance.ipxe;

import dev.netboot.conformance.Generator;
import dev.netboot.ipxe.ChainOperator;
import dev.netboot.ipxe.IpxeCommand;
import dev.netboot.ipxe.IpxeCommandSpec;
import dev.netboot.ipxe.IpxeCommands;
import dev.netboot.ipxe.IpxeLine;
import dev.netboot.ipxe.IpxeOptionSpec;
import dev.netboot.ipxe.IpxeScript;
import dev.netboot.ipxe.IpxeSettings;
import dev.netboot.ipxe.IpxeWord;
import dev.netboot.ipxe.LiteralText;
import dev.netboot.ipxe.SettingReference;
import dev.netboot.ipxe.WordPart;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded generators of iPXE script models and of the settings to expand them against.
 *
 * <p>Literal values are drawn from an alphabet that holds every character iPXE treats specially
 * (whitespace, {@code $ { } # | & ; : - \}) plus accented, CJK and astral text, so that
 * rendering has to encode them. Text that shares a word with references never holds
 * <code>$ { }</code>: the renderer refuses those by design. References name {@link #VARIABLES}, whose
 * values in {@link #settings()} are plain.
 */
public final class IpxeGenerators {
  /** The settings that generated references name. */
  public static final List<String> VARIABLES = List.of("v0", "v1", "net0/mac", "scope.x/v3");

  /** Commands whose arguments the generated scripts use; none of them changes settings. */
  private static final List<String> COMMANDS = List.of("echo", "chain", "kernel", "initrd",
      "imgargs", "imgfetch", "item", "menu", "iseq", "isset", "sleep", "param", "imgverify",
      "sanboot", "console", "ping", "prompt");

  private static final String SPECIAL = " \t\n\r\u000B\f$${}{}##||&&;;::--\\\\=?/*'\"";
  private static final String[] UNICODE = {"é", "ü", "日本", "ß", "😀", "Ωμ", "\u00a0", "\u2028"};
  private static final String PLAIN = "abcxyzABZ0189._,@%+=/";

  private IpxeGenerators() {}

  /** Returns values of any content but NUL, often full of characters iPXE treats specially. */
  public static Generator<String> values() {
    return random -> text(random, SPECIAL, 0, 12);
  }

  /** Returns text without <code>$ { }</code>, for the literal pieces of words with references. */
  public static Generator<String> mixedTexts() {
    String special = SPECIAL.replace("$", "").replace("{", "").replace("}", "");
    return random -> text(random, special, 1, 10);
  }

  private static String text(SplittableRandom random, String special, int min, int max) {
    int n = min + random.nextInt(max - min + 1);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      int kind = random.nextInt(10);
      if (kind < 4 && !special.isEmpty()) {
        sb.append(special.charAt(random.nextInt(special.length())));
      } else if (kind < 6) {
        sb.append(UNICODE[random.nextInt(UNICODE.length)]);
      } else {
        sb.append(PLAIN.charAt(random.nextInt(PLAIN.length())));
      }
    }
    return sb.toString();
  }

  /** Returns words: literal values, plain references, or text and references mixed. */
  public static Generator<IpxeWord> words() {
    return random -> {
      switch (random.nextInt(4)) {
        case 0, 1 -> {
          return IpxeWord.literal(values().next(random));
        }
        case 2 -> {
          return IpxeWord.reference(VARIABLES.get(random.nextInt(VARIABLES.size())));
        }
        default -> {
          List<WordPart> parts = new ArrayList<>();
          int n = 1 + random.nextInt(4);
          for (int i = 0; i < n; i++) {
            parts.add(random.nextBoolean()
                ? new LiteralText(mixedTexts().next(random))
                : SettingReference.to(VARIABLES.get(random.nextInt(VARIABLES.size()))));
          }
          return IpxeWord.of(parts);
        }
      }
    };
  }

  /** Returns commands iPXE knows, with options from its table, or unknown ones kept verbatim. */
  public static Generator<IpxeCommand> commands() {
    return random -> {
      if (random.nextInt(8) == 0) {
        List<IpxeWord> words = new ArrayList<>();
        words.add(IpxeWord.literal("x-" + text(random, "", 1, 6).replaceAll("[^a-z0-9]", "q")));
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) {
          words.add(words().next(random));
        }
        return IpxeCommand.verbatim(words);
      }
      IpxeCommandSpec spec =
          IpxeCommands.find(COMMANDS.get(random.nextInt(COMMANDS.size()))).orElseThrow();
      IpxeCommand.Builder b = IpxeCommand.builder(spec.name());
      for (IpxeOptionSpec option : spec.options()) {
        if (random.nextInt(3) == 0) {
          if (option.takesValue()) {
            b.option(option.longName(), words().next(random));
          } else {
            b.option(option.longName());
          }
        }
      }
      int max = Math.min(spec.maxArguments(), spec.minArguments() + 3);
      int n = spec.minArguments() + random.nextInt(max - spec.minArguments() + 1);
      for (int i = 0; i < n; i++) {
        b.argument(words().next(random));
      }
      return b.endOfOptions(random.nextInt(6) == 0).build();
    };
  }

  /** Returns lines: an optional label, commands joined by operators, an optional comment. */
  public static Generator<IpxeLine> lines() {
    return random -> {
      IpxeLine.Builder b = IpxeLine.builder();
      if (random.nextInt(4) == 0) {
        b.label("l" + random.nextInt(100));
      }
      int n = random.nextInt(4);
      ChainOperator[] ops = ChainOperator.values();
      for (int i = 0; i < n; i++) {
        IpxeCommand c = random.nextInt(6) == 0 ? IpxeCommand.empty() : commands().next(random);
        if (i == 0) {
          b.command(c);
        } else {
          b.then(ops[random.nextInt(ops.length)], c);
        }
      }
      if (random.nextInt(5) == 0) {
        b.comment("#" + text(random, " #|$}{", 0, 8).replace("\n", " ").replace("\r", " "));
      }
      return b.build();
    };
  }

  /** Returns scripts: the {@code #!ipxe} magic and up to 12 lines. */
  public static Generator<IpxeScript> scripts() {
    return random -> {
      IpxeScript.Builder b = IpxeScript.builder();
      int n = random.nextInt(13);
      for (int i = 0; i < n; i++) {
        b.line(lines().next(random));
      }
      return b.build();
    };
  }

  /** Returns settings giving each of {@link #VARIABLES} a plain value (or leaving it unset). */
  public static Generator<IpxeSettings> settings() {
    return random -> {
      IpxeSettings s = IpxeSettings.empty();
      for (String name : VARIABLES) {
        if (random.nextInt(5) > 0) {
          s = s.withString(name, text(random, "", 1, 8).replace("\u2028", "x")
              .replace("\u00a0", "y"));
        }
      }
      return s;
    };
  }

  /** Returns arbitrary text: script-like fragments, special characters, sometimes NUL. */
  public static Generator<String> texts() {
    String fragments = " \t\r\n\\#!ipxe:${}||&&;--=né\0";
    return random -> {
      StringBuilder sb = new StringBuilder();
      int n = random.nextInt(200);
      String[] words = {"#!ipxe\n", "chain ", "-ar ", "--name=", "${", "}", " || ", "goto ",
          ":l ", "\\\n", "\r\n", "item --gap ", "set x:hex ", "netboot/arg0", "-- "};
      for (int i = 0; i < n; i++) {
        if (random.nextInt(3) == 0) {
          sb.append(words[random.nextInt(words.length)]);
        } else {
          sb.append(fragments.charAt(random.nextInt(fragments.length())));
        }
      }
      return sb.toString();
    };
  }
}
