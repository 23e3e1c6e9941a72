package dev.netboot.syslinux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigDocumentTest {
  private static SyslinuxConfig model(String text) {
    return ConfigDocument.parse("t.cfg", text).model();
  }

  @Test
  void keywordsAreCaseInsensitiveAndNeedWhiteSpaceAfterThem() {
    SyslinuxConfig m = model("DeFaUlT x\nlabel x\n\tKeRnEl vmlinuz\ndefaultx y\n");
    assertThat(m.defaultCommand()).contains("x");
    assertThat(m.label("x").orElseThrow().kernel()).isEqualTo("vmlinuz");
    assertThat(m.label("x").orElseThrow().body()).last()
        .satisfies(d -> assertThat(d.keyword()).isEqualTo(Keyword.unknown("defaultx")));
  }

  @Test
  void controlCharactersCountAsWhiteSpaceLikeSyslinuxsMyIsspace() {
    SyslinuxConfig m = model("\u0001label\u0002a\n");
    assertThat(m.labels()).extracting(Label::name).containsExactly("a");
  }

  @Test
  void aLineEndsAtItsFirstCarriageReturn() {
    ConfigDocument doc = ConfigDocument.parse("t", "LABEL a\r\nAPPEND x\ry z\r\n");
    assertThat(doc.model().label("a").orElseThrow().append()).contains("x");
    assertThat(doc.lines()).extracting(ConfigLine::terminator).containsExactly("\r\n", "\r\n");
    assertThat(doc.render()).isEqualTo("LABEL a\r\nAPPEND x\ry z\r\n");
  }

  @Test
  void keepsAMissingFinalNewlineAndTrailingWhiteSpace() {
    String text = "# c\n\nTIMEOUT 5  \t\nLABEL a";
    ConfigDocument doc = ConfigDocument.parse("t", text);
    assertThat(doc.render()).isEqualTo(text);
    assertThat(doc.lines()).last().satisfies(l -> assertThat(l.terminator()).isEmpty());
    assertThat(doc.model().timeout()).hasValue(5);
    assertThat(doc.model().last(Keyword.TIMEOUT).orElseThrow().argument()).isEqualTo("5  \t");
  }

  @Test
  void functionKeysFollowIsFkeyIncludingItsOddities() {
    SyslinuxConfig m = model("F1 a.txt\nf10 b.txt\nF0 c.txt\nF d.txt\nF13 e\nfont x\n");
    assertThat(m.directives()).extracting(Directive::keyword).containsExactly(
        Keyword.functionKey(1), Keyword.functionKey(10), Keyword.functionKey(10),
        Keyword.functionKey(10), Keyword.unknown("F13"), Keyword.FONT);
  }

  @Test
  void sayKeepsTheTextFromOneCharacterAfterTheKeyword() {
    assertThat(model("SAY   hello\n").directives().get(0).argument()).isEqualTo("  hello");
  }

  @Test
  void menuSubCommandsAndUnknownOnes() {
    SyslinuxConfig m = model("menu color title * #ffffffff *\nMENU MASTER PASSWD secret\n"
        + "menu master x\nmenu\nMENU VSHIFT 5\n");
    assertThat(m.directives()).extracting(Directive::keyword).containsExactly(
        Keyword.MENU_COLOR, Keyword.MENU_MASTER_PASSWD, Keyword.unknown("MENU master"),
        Keyword.unknown("menu"), Keyword.MENU_VSHIFT);
    assertThat(m.directives().get(1).argument()).isEqualTo("secret");
  }

  @Test
  void textHelpBlocksAccumulateAndKeepLeadingSpace() {
    SyslinuxConfig m = model("LABEL a\nTEXT HELP\n  one\nENDTEXT\ntext help\ntwo\n  endtext\n"
        + "TEXT other\nignored\nENDTEXT\n");
    Label a = m.label("a").orElseThrow();
    assertThat(a.helpText()).isEqualTo("  one\ntwo");
    assertThat(a.body()).extracting(Directive::keyword)
        .containsExactly(Keyword.TEXT_HELP, Keyword.TEXT_HELP, Keyword.TEXT);
  }

  @Test
  void anUnterminatedTextBlockIsAWarningAndRunsToTheEnd() {
    ConfigDocument doc = ConfigDocument.parse("t", "LABEL a\nTEXT HELP\nLABEL b\n");
    assertThat(doc.model().labels()).hasSize(1);
    assertThat(doc.diagnostics()).singleElement()
        .satisfies(d -> assertThat(d.toString()).isEqualTo(
            "t:2:1: warning: TEXT HELP has no ENDTEXT; syslinux reads to the end of the file"
                + " as text"));
  }

  @Test
  void menuBeginAndEndMakeNestedSubMenusAndUnbalancedOnesWarn() {
    ConfigDocument doc = ConfigDocument.parse("t",
        "MENU BEGIN a\nLABEL x\nMENU BEGIN b\nMENU END\nMENU END\nMENU END\nMENU BEGIN c\n");
    SyslinuxConfig m = doc.model();
    assertThat(m.subMenus()).extracting(SubMenu::tag).containsExactly("a", "b", "c");
    assertThat(doc.diagnostics()).extracting(Diagnostic::message).containsExactly(
        "MENU END without MENU BEGIN is ignored",
        "MENU BEGIN c has no MENU END; the sub-menu ends at the end of input");
  }

  @Test
  void kernelTypeFollowsTheExtensionOnlyForKernel() {
    SyslinuxConfig m = model("LABEL a\nKERNEL menu.c32\nLABEL b\nKERNEL pxelinux.0\n"
        + "LABEL c\nKERNEL x.img\nLABEL d\nLINUX x.c32\nLABEL e\nKERNEL MENU.C32\n"
        + "LABEL f\nKERNEL boot.bin\nLABEL g\nKERNEL x.cbt\nLABEL h\n");
    assertThat(m.labels()).extracting(Label::kernelType).containsExactly(
        KernelType.COM32, KernelType.PXE, KernelType.FDIMAGE, KernelType.LINUX,
        KernelType.LINUX, KernelType.BOOT, KernelType.COMBOOT, KernelType.LINUX);
  }

  @Test
  void sysappendIsReadLikeStrtoulBaseZero() {
    assertThat(SysappendFlags.parse("0x3").bits())
        .containsExactly(SysappendBit.IP, SysappendBit.BOOTIF);
    assertThat(SysappendFlags.parse("010").mask()).isEqualTo(8);
    assertThat(SysappendFlags.parse("6 trailing").toString()).isEqualTo("BOOTIF|SYSUUID");
    assertThat(SysappendFlags.of(0x80000).toString()).isEqualTo("0x80000");
  }

  @Test
  void refusesBinaryDataWithItsPosition() {
    assertThatThrownBy(() -> ConfigDocument.parse("bin", "LABEL a\nKER\0NEL x\n"))
        .isInstanceOfSatisfying(SyslinuxParseException.class, e -> {
          assertThat(e.line()).isEqualTo(2);
          assertThat(e.column()).isEqualTo(4);
          assertThat(e.getMessage()).startsWith("bin:2:4: NUL character");
        });
  }

  @Test
  void refusesOverLongLinesAndFiles() {
    String longLine = "APPEND " + "x".repeat(ConfigDocument.MAX_LINE_LENGTH);
    assertThatThrownBy(() -> ConfigDocument.parse("t", "LABEL a\n" + longLine))
        .isInstanceOf(SyslinuxParseException.class).hasMessageContaining("t:2:4095");
    byte[] big = new byte[ConfigDocument.MAX_FILE_SIZE + 1];
    assertThatThrownBy(() -> ConfigDocument.parse("big", big))
        .isInstanceOf(SyslinuxParseException.class).hasMessageContaining("larger than");
  }

  @Test
  void bytesThatAreNotUtf8RoundTripAsLatin1() {
    byte[] bytes = "MENU TITLE caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
    ConfigDocument doc = ConfigDocument.parse("t", bytes);
    assertThat(doc.charset()).isEqualTo(StandardCharsets.ISO_8859_1);
    assertThat(doc.toBytes()).isEqualTo(bytes);
    assertThat(doc.model().menuTitle()).contains("caf\u00e9");
  }

  @Test
  void builderRefusesDirectivesThatWouldReadBackDifferently() {
    assertThatThrownBy(() -> Directive.of(Keyword.APPEND, " leading"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Directive.of(Keyword.APPEND, "a\nb"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Directive.of(Keyword.TEXT, "help"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Directive.of(Keyword.unknown("#x"), ""))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Directive.helpText(List.of("ENDTEXT now")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Label.builder("two words"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aDirectiveAfterALabelJoinsItsSectionAsSyslinuxReadsIt() {
    SyslinuxConfig built = SyslinuxConfig.builder()
        .add(Label.builder("a").linux("vmlinuz").build())
        .timeout(50)
        .build();
    assertThat(built.nodes()).singleElement().isInstanceOf(Label.class);
    assertThat(built.timeout()).hasValue(50);
    assertThat(SyslinuxConfig.parse("t", built.render())).isEqualTo(built);
  }
}
