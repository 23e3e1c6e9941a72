package dev.netboot.conformance.ipxe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netboot.conformance.Generator;
import dev.netboot.conformance.PropertyCheck;
import dev.netboot.ipxe.IpxeCommand;
import dev.netboot.ipxe.IpxeExpander;
import dev.netboot.ipxe.IpxeLine;
import dev.netboot.ipxe.IpxeParseException;
import dev.netboot.ipxe.IpxeScript;
import dev.netboot.ipxe.IpxeScriptParser;
import dev.netboot.ipxe.IpxeScriptRenderer;
import dev.netboot.ipxe.IpxeSettings;
import dev.netboot.ipxe.IpxeValidator;
import dev.netboot.ipxe.IpxeWord;
import dev.netboot.ipxe.LiteralText;
import dev.netboot.ipxe.WordPart;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Properties of the iPXE parser and renderer over generated scripts and arbitrary text. */
class IpxeScriptPropertiesTest {
  private static final int CASES = 3_000;

  @Test
  void parseOfRenderIsTheModelOrTheRendererRefusesForAReason() {
    int[] outcomes = new int[2]; // rendered, refused
    PropertyCheck.forAll("parse(render(s)) == s", CASES, IpxeGenerators.scripts(), s -> {
      String text;
      try {
        text = s.render();
      } catch (IllegalArgumentException refused) {
        assertThat(hasUnpassableValue(s)).as("refused: " + refused.getMessage()).isTrue();
        outcomes[1]++;
        return;
      }
      outcomes[0]++;
      IpxeScript back = IpxeScriptParser.parse(text);
      assertThat(back).isEqualTo(s);
      assertThat(back.render()).isEqualTo(text);
      assertThat(IpxeScriptRenderer.toBytes(IpxeScriptParser.parse(
          text.getBytes(StandardCharsets.UTF_8), null)))
          .isEqualTo(text.getBytes(StandardCharsets.UTF_8));
    });
    assertThat(outcomes[0]).as("rendered").isGreaterThan(CASES / 2);
    assertThat(outcomes[1]).as("refused").isPositive();
  }

  /**
   * What iPXE itself would read from the rendered text, run line by line with the settings,
   * gives every command exactly the model's intended words.
   */
  @Test
  void expandingTheRenderedScriptYieldsExactlyTheIntendedArguments() {
    Generator<Object[]> cases = random -> new Object[] {
        IpxeGenerators.scripts().next(random), IpxeGenerators.settings().next(random)};
    PropertyCheck.forAll("runtime words == intended words", CASES, cases, c -> {
      IpxeScript model = (IpxeScript) c[0];
      IpxeSettings env = (IpxeSettings) c[1];
      String text;
      try {
        text = model.render();
      } catch (IllegalArgumentException refused) {
        return;
      }
      List<List<String>> intended = new ArrayList<>();
      for (IpxeCommand command : model.commands()) {
        intended.add(IpxeExpander.argv(command, env));
      }
      List<List<String>> actual = new ArrayList<>();
      for (IpxeExpander.Invocation inv :
          IpxeExpander.run(IpxeScriptParser.parseVerbatim(text), env).invocations()) {
        if (!isEncoding(inv.command())) {
          actual.add(IpxeExpander.argv(inv.command(), runningSettings(text, inv, env)));
        }
      }
      assertThat(actual).isEqualTo(intended);
    });
  }

  @Test
  void arbitraryTextRaisesOnlyTheParseExceptionAndRoundTrips() {
    PropertyCheck.forAll("arbitrary text", CASES * 2, IpxeGenerators.texts(), text -> {
      IpxeScript s;
      try {
        s = IpxeScriptParser.parse(text);
      } catch (IpxeParseException expected) {
        assertThat(text).contains("\0");
        return;
      }
      assertThat(IpxeScriptRenderer.renderLossless(s)).isEqualTo(text);
      IpxeValidator.validate(s);
      assertThat(IpxeScriptParser.parse(s.render())).isEqualTo(s);
    });
  }

  /** The settings in force when {@code inv} ran: replay the encoding sets before its line. */
  private static IpxeSettings runningSettings(String text, IpxeExpander.Invocation inv,
      IpxeSettings env) {
    IpxeScript verbatim = IpxeScriptParser.parseVerbatim(text);
    IpxeSettings current = env;
    for (IpxeExpander.Invocation before : IpxeExpander.run(verbatim, env).invocations()) {
      if (before.line() >= inv.line()) {
        break;
      }
      if (isEncoding(before.command())) {
        List<String> argv = before.argv();
        current = current.set(argv.get(1), argv.size() > 2 ? argv.get(2) : "").orElseThrow();
      }
    }
    return current;
  }

  private static boolean isEncoding(IpxeCommand c) {
    return c.name().equals(Optional.of("set")) && c.argument(0).flatMap(IpxeWord::literalValue)
        .map(n -> n.startsWith(IpxeScriptRenderer.VALUE_PREFIX)).orElse(false);
  }

  /** Returns whether some word holds a value that no iPXE script can pass. */
  private static boolean hasUnpassableValue(IpxeScript s) {
    for (IpxeLine line : s.lines()) {
      for (IpxeCommand c : line.commands()) {
        List<IpxeWord> words = new ArrayList<>(c.arguments());
        c.nameWord().ifPresent(words::add);
        c.options().forEach(o -> o.value().ifPresent(words::add));
        for (IpxeWord w : words) {
          Optional<String> v = w.literalValue();
          if (v.isPresent() && v.get().contains("${")
              && v.get().indexOf('}', v.get().indexOf("${")) >= 0) {
            return true;
          }
        }
      }
    }
    return false;
  }

  @Test
  void mixedWordsNeverHoldBracesInTheirText() {
    PropertyCheck.forAll("generator contract", CASES, IpxeGenerators.words(), w -> {
      if (!w.isLiteral()) {
        for (WordPart p : w.parts()) {
          if (p instanceof LiteralText t) {
            assertThat(t.text()).doesNotContain("$", "{", "}");
          }
        }
      }
    });
  }
}
