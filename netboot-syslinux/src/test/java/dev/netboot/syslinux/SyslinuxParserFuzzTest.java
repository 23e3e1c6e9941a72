package dev.netboot.syslinux;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;

/**
 * Coverage-guided fuzzing of the parser: any bytes either parse or raise
 * {@link SyslinuxParseException}; what parses renders back byte for byte, its model renders
 * stably, and the validator and an edit never throw anything else. Regression inputs live in
 * {@code SyslinuxParserFuzzTestInputs/parse/}.
 */
class SyslinuxParserFuzzTest {
  @FuzzTest(maxDuration = "30s")
  void parse(byte[] input) {
    ConfigDocument doc;
    try {
      doc = ConfigDocument.parse("fuzz", input);
    } catch (SyslinuxParseException e) {
      assertThat(e.line()).isPositive();
      return;
    }
    assertThat(doc.toBytes()).isEqualTo(input);
    String canonical = doc.model().render();
    SyslinuxConfig again = SyslinuxConfig.parse("canonical", canonical);
    assertThat(again).isEqualTo(doc.model());
    assertThat(again.render()).isEqualTo(canonical);
    ConfigValidator.structural().validate(doc);
    List<Label> labels = doc.model().labels();
    if (!labels.isEmpty()) {
      String name = labels.get(0).name();
      ConfigDocument edited = doc.setAppend(name, "edited");
      assertThat(edited.model().label(name).orElseThrow().append()).contains("edited");
    }
    ConfigDocument added = doc.addLabel(Label.builder("fuzz-added").linux("k").build());
    assertThat(added.model().labels()).hasSize(labels.size() + 1);
    assertThat(added.render()).startsWith(doc.render().isEmpty()
        ? "" : doc.render().substring(0, doc.render().length() - 1));
  }
}
