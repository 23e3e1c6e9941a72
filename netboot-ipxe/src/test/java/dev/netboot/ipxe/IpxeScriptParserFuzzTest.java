package dev.netboot.ipxe;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of the parser with Jazzer. {@code mvn test} replays the inputs under
 * {@code src/test/resources/dev/netboot/ipxe/IpxeScriptParserFuzzTestInputs/}; with
 * {@code JAZZER_FUZZ=1} Jazzer fuzzes and saves crashing inputs there.
 */
class IpxeScriptParserFuzzTest {
  /**
   * Any bytes parse or raise {@link IpxeParseException}; what parses renders back byte for byte,
   * validates without throwing, and, when its canonical form renders, reads back as the same
   * model.
   */
  @FuzzTest(maxDuration = "30s")
  void parse(byte[] input) {
    IpxeScript script;
    try {
      script = IpxeScriptParser.parse(input, "fuzz");
    } catch (IpxeParseException expected) {
      return;
    }
    assertThat(IpxeScriptRenderer.toBytes(script)).isEqualTo(input);
    IpxeValidator.validate(script);
    String canonical = script.render();
    assertThat(IpxeScriptParser.parse(canonical)).isEqualTo(script);
  }
}
