package dev.netboot.syslinux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DocumentEditTest {
  @Test
  void setAppendReplacesOnlyTheArgumentOfTheLastAppend() {
    String text = "# vendor\r\nlabel a\r\n\tkernel vmlinuz\r\n\tappend  quiet\r\n\r\nlabel b\r\n";
    ConfigDocument edited = ConfigDocument.parse("t", text).setAppend("a", "console=ttyS0");
    assertThat(edited.render()).isEqualTo(
        "# vendor\r\nlabel a\r\n\tkernel vmlinuz\r\n\tappend  console=ttyS0\r\n\r\nlabel b\r\n");
    assertThat(edited.model().label("a").orElseThrow().append()).contains("console=ttyS0");
  }

  @Test
  void setAppendAddsALineInTheSectionsStyleWhenThereIsNone() {
    String text = "label a\n  kernel vmlinuz\n  initrd i.img\n# about b\nlabel b\n";
    String edited = ConfigDocument.parse("t", text).setAppend("a", "quiet").render();
    assertThat(edited).isEqualTo(
        "label a\n  kernel vmlinuz\n  initrd i.img\n  append quiet\n# about b\nlabel b\n");
  }

  @Test
  void addingToTheLastLineOfAFileWithoutFinalNewlineKeepsItWithout() {
    String edited = ConfigDocument.parse("t", "LABEL a\nLINUX vmlinuz")
        .setInitrd("a", "a.img,b.img").render();
    assertThat(edited).isEqualTo("LABEL a\nLINUX vmlinuz\nINITRD a.img,b.img");
  }

  @Test
  void setSettingReplacesTheGlobalNotALabelsDirective() {
    ConfigDocument doc = ConfigDocument.parse("t",
        "# header\nDEFAULT a\nAPPEND global\nLABEL a\nAPPEND mine\n");
    assertThat(doc.setSetting(Keyword.APPEND, "new").render())
        .isEqualTo("# header\nDEFAULT a\nAPPEND new\nLABEL a\nAPPEND mine\n");
    assertThat(doc.setSetting(Keyword.TIMEOUT, "50").render())
        .isEqualTo("# header\nTIMEOUT 50\nDEFAULT a\nAPPEND global\nLABEL a\nAPPEND mine\n");
  }

  @Test
  void removeLabelKeepsTheCommentsThatIntroduceTheNextOne() {
    String text = "label a\n kernel x\n text help\n hi\n endtext\n\n# b\nlabel b\n kernel y\n";
    assertThat(ConfigDocument.parse("t", text).removeLabel("a").render())
        .isEqualTo("\n# b\nlabel b\n kernel y\n");
  }

  @Test
  void addLabelAppendsCanonicalTextWithTheFilesLineEnds() {
    ConfigDocument doc = ConfigDocument.parse("t", "DEFAULT a\r\nLABEL a\r\n  LINUX x");
    String out = doc.addLabel(Label.builder("b").linux("y").append("quiet").build()).render();
    assertThat(out).isEqualTo(
        "DEFAULT a\r\nLABEL a\r\n  LINUX x\r\n\r\nLABEL b\r\n  LINUX y\r\n  APPEND quiet\r\n");
  }

  @Test
  void editsOfUnknownLabelsAndBadArgumentsAreRefused() {
    ConfigDocument doc = ConfigDocument.parse("t", "LABEL a\n");
    assertThatThrownBy(() -> doc.setAppend("zz", "x"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[a]");
    assertThatThrownBy(() -> doc.setAppend("a", "x\ny"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
