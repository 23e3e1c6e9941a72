package dev.netboot.conformance.syslinux;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netboot.conformance.Generator;
import dev.netboot.conformance.PropertyCheck;
import dev.netboot.syslinux.ConfigDocument;
import dev.netboot.syslinux.ConfigValidator;
import dev.netboot.syslinux.Label;
import dev.netboot.syslinux.SyslinuxConfig;
import dev.netboot.syslinux.SyslinuxParseException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Round-trip and robustness properties of the syslinux parser, renderer and editor. */
class SyslinuxPropertiesTest {
  private static final int CASES = 3_000;

  @Test
  void canonicalRenderingReadsBackAsTheSameModel() {
    int[] seen = new int[2];
    PropertyCheck.forAll("parse(render(m)) == m", CASES, SyslinuxGenerators.configs(), m -> {
      seen[0] += m.labels().size();
      seen[1] += m.subMenus().size();
      String text = m.render();
      SyslinuxConfig again = SyslinuxConfig.parse("m", text);
      assertThat(again).isEqualTo(m);
      assertThat(again.render()).isEqualTo(text);
    });
    // The generator must reach the structures the property is about.
    assertThat(seen[0]).isGreaterThan(CASES);
    assertThat(seen[1]).isGreaterThan(CASES / 10);
  }

  @Test
  void arbitraryTextParsesLosslesslyOrRaisesOnlyTheParseException() {
    int[] refused = new int[1];
    PropertyCheck.forAll("lossless or SyslinuxParseException", CASES,
        SyslinuxGenerators.configText(), text -> {
          ConfigDocument doc;
          try {
            doc = ConfigDocument.parse("gen", text);
          } catch (SyslinuxParseException e) {
            refused[0]++;
            assertThat(text).contains("\0");
            return;
          }
          assertThat(doc.render()).isEqualTo(text);
          String canonical = doc.model().render();
          assertThat(SyslinuxConfig.parse("c", canonical).render()).isEqualTo(canonical);
          ConfigValidator.structural().validate(doc);
        });
    assertThat(refused[0]).isLessThan(CASES);
  }

  @Test
  void arbitraryBytesRoundTripByteForByte() {
    Generator<byte[]> bytes = Generator.oneOf(Generator.bytes(0, 300),
        SyslinuxGenerators.configText().map(s -> s.getBytes(StandardCharsets.UTF_8)));
    PropertyCheck.forAll("toBytes(parse(b)) == b", CASES, bytes, b -> {
      try {
        assertThat(ConfigDocument.parse("bytes", b).toBytes()).isEqualTo(b);
      } catch (SyslinuxParseException e) {
        assertThat(e.line()).isPositive();
      }
    });
  }

  @Test
  void settingALabelsAppendChangesThatLabelAndAtMostOneLine() {
    Generator<String> texts = random -> SyslinuxGenerators.configs().next(random).render()
        + SyslinuxGenerators.configText().next(random).replace("\0", "");
    PropertyCheck.forAll("setAppend touches one line", 1_000, texts, text -> {
      ConfigDocument doc = ConfigDocument.parse("t", text);
      List<Label> labels = doc.model().labels();
      if (labels.isEmpty()) {
        return;
      }
      String name = labels.get(0).name();
      ConfigDocument edited = doc.setAppend(name, "console=ttyS0,115200");
      assertThat(edited.model().label(name).orElseThrow().append())
          .contains("console=ttyS0,115200");
      int delta = edited.lines().size() - doc.lines().size();
      assertThat(delta).isBetween(0, 1);
      long changed = 0;
      for (int i = 0, j = 0; i < doc.lines().size(); i++, j++) {
        if (!doc.lines().get(i).text().equals(edited.lines().get(j).text())) {
          changed++;
          if (delta == 1) {
            j++;
          }
        }
      }
      assertThat(changed).isLessThanOrEqualTo(1 + delta);
    });
  }
}
