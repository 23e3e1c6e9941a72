package dev.netboot.ipxe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class IpxeScriptParserTest {
  @Test
  void splitsOnWhitespaceWithoutQuoting() {
    IpxeCommand echo = IpxeScriptParser.parse("#!ipxe\necho \"a  b\"\t'c'\n").commands().get(0);
    assertThat(echo.arguments()).extracting(IpxeWord::source)
        .containsExactly("\"a", "b\"", "'c'");
  }

  @Test
  void commentStartsOnlyAtATokenBeginningWithHash() {
    IpxeLine line = IpxeScriptParser.parse("echo a#b #c || d\n").lines().get(0);
    assertThat(line.commands()).hasSize(1);
    assertThat(line.commands().get(0).arguments()).extracting(IpxeWord::source)
        .containsExactly("a#b");
    assertThat(line.comment()).contains("#c || d");
  }

  @Test
  void operatorsAreWholeTokensOnly() {
    IpxeLine line = IpxeScriptParser.parse("a||b || c && d ; e |\n").lines().get(0);
    assertThat(line.operators()).containsExactly(ChainOperator.OR, ChainOperator.AND,
        ChainOperator.ALWAYS);
    assertThat(line.commands().get(0).nameWord().orElseThrow().source()).isEqualTo("a||b");
    assertThat(line.commands().get(3).arguments()).extracting(IpxeWord::source)
        .containsExactly("|");
  }

  @Test
  void emptyCommandsAroundOperatorsAreKept() {
    IpxeLine line = IpxeScriptParser.parse("|| chain x ||\n").lines().get(0);
    assertThat(line.commands()).hasSize(3);
    assertThat(line.commands().get(0).isEmpty()).isTrue();
    assertThat(line.commands().get(2).isEmpty()).isTrue();
  }

  @Test
  void labelIsTheFirstTokenAfterLeadingSpaceAndACommandMayFollow() {
    IpxeLine line = IpxeScriptParser.parse("  :scan pciscan addr || goto done\n").lines().get(0);
    assertThat(line.label()).contains("scan");
    assertThat(line.commands().get(0).name()).contains("pciscan");
    assertThat(IpxeScriptParser.parse(":\n").lines().get(0).label()).contains("");
  }

  @Test
  void backslashJoinsLinesWithoutASpaceAndCrlfIsStripped() {
    String text = "#!ipxe\r\nkernel http://x/vmlinuz \\\r\n  quiet\\\r\nsplash\r\nboot\r\n";
    IpxeScript script = IpxeScriptParser.parse(text);
    assertThat(script.lines()).hasSize(3);
    IpxeCommand kernel = script.lines().get(1).commands().get(0);
    assertThat(kernel.arguments()).extracting(IpxeWord::source)
        .containsExactly("http://x/vmlinuz", "quietsplash");
    assertThat(kernel.arguments().get(1).position()).isEqualTo(new SourcePosition(3, 3));
    assertThat(script.lines().get(2).position().line()).isEqualTo(5);
    assertThat(IpxeScriptRenderer.renderLossless(script)).isEqualTo(text);
    assertThat(script.render()).isEqualTo(
        "#!ipxe\nkernel http://x/vmlinuz quietsplash\nboot\n");
  }

  @Test
  void aContinuationOnTheLastLineIsAnError() {
    IpxeScript script = IpxeScriptParser.parse("#!ipxe\necho a \\\n");
    assertThat(IpxeValidator.validate(script)).anyMatch(d ->
        d.severity() == IpxeDiagnostic.Severity.ERROR && d.message().contains("continuation"));
  }

  @Test
  void referencesNestInnermostFirstAndUnclosedOnesAreText() {
    assertThat(IpxeWord.parse("${net${idx}/mac:hexhyp}").parts()).containsExactly(
        new SettingReference(List.of(new LiteralText("net"), SettingReference.to("idx"),
            new LiteralText("/mac:hexhyp"))));
    assertThat(IpxeWord.parse("a}${b").parts()).containsExactly(new LiteralText("a}${b"));
    assertThat(IpxeWord.parse("${a${b}").parts())
        .containsExactly(new LiteralText("${a"), SettingReference.to("b"));
    assertThat(SettingReference.to("net0/mac:hexhyp").settingName().orElseThrow())
        .isEqualTo(new SettingName(java.util.Optional.of("net0"), "mac",
            java.util.Optional.of(SettingType.HEXHYP)));
  }

  @Test
  void optionsFollowGetopt() {
    IpxeCommand c = IpxeScriptParser.parse("chain -ar --name=x -t 5 http://a -n\n")
        .commands().get(0);
    assertThat(c.options()).containsExactly(IpxeOption.flag("autofree"),
        IpxeOption.flag("replace"), IpxeOption.of("name", IpxeWord.literal("x")),
        IpxeOption.of("timeout", IpxeWord.literal("5")));
    assertThat(c.arguments()).extracting(IpxeWord::source).containsExactly("http://a", "-n");
    IpxeCommand item = IpxeScriptParser.parse("item --gap -- ---- Linux ----\n")
        .commands().get(0);
    assertThat(item.endOfOptions()).isTrue();
    assertThat(item.arguments()).extracting(IpxeWord::source)
        .containsExactly("----", "Linux", "----");
  }

  @Test
  void optionsIpxeWouldRejectKeepTheCommandVerbatim() {
    IpxeCommand c = IpxeScriptParser.parse("chain --bogus http://a\n").commands().get(0);
    assertThat(c.optionsParsed()).isFalse();
    assertThat(c.arguments()).extracting(IpxeWord::source).containsExactly("--bogus", "http://a");
    assertThat(IpxeValidator.validate(IpxeScriptParser.parse("#!ipxe\nchain --bogus x\n")))
        .extracting(d -> d.format("f")).containsExactly(
            "f:2:1: error: 'chain': unrecognised option \"--bogus\"");
    assertThat(IpxeScriptParser.parse("kernel --name\n").commands().get(0).optionsParsed())
        .isFalse();
  }

  @Test
  void invalidUtf8BytesSurviveAsLatin1() {
    byte[] bytes = {'#', '!', 'i', 'p', 'x', 'e', '\n', 'e', 'c', 'h', 'o', ' ', (byte) 0xE9,
        '\n'};
    IpxeScript script = IpxeScriptParser.parse(bytes, null);
    assertThat(script.charset()).isEqualTo(StandardCharsets.ISO_8859_1);
    assertThat(IpxeScriptRenderer.toBytes(script)).isEqualTo(bytes);
  }

  @Test
  void nulAndOversizedInputRaiseTheParseExceptionWithAPlace() {
    assertThatThrownBy(() -> IpxeScriptParser.parse("#!ipxe\necho a\0b\n", "x.ipxe"))
        .isInstanceOf(IpxeParseException.class)
        .hasMessage("x.ipxe:2:7: NUL character in script");
    String deep = "${".repeat(40) + "}".repeat(40);
    assertThatThrownBy(() -> IpxeScriptParser.parse("echo " + deep + "\n"))
        .isInstanceOf(IpxeParseException.class)
        .satisfies(e -> assertThat(((IpxeParseException) e).line()).isEqualTo(1));
    assertThatThrownBy(() -> IpxeScriptParser.parse(
        "echo " + "x".repeat(IpxeScriptParser.MAX_LINE_LENGTH) + "\n"))
        .isInstanceOf(IpxeParseException.class).hasMessageContaining("limit");
  }

  @Test
  void magicNeedsWhitespaceAfterIt() {
    assertThat(IpxeScriptParser.parse("#!ipxe\n").magic()).contains("#!ipxe");
    assertThat(IpxeScriptParser.parse("#!ipxe").magic()).isEmpty();
    assertThat(IpxeScriptParser.parse("#!ipxe-ish\n").magic()).isEmpty();
    assertThat(IpxeScriptParser.parse("#!gpxe debug\n").magic()).contains("#!gpxe");
  }
}
