package dev.netboot.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Coverage-guided fuzzing of the API answer reader with Jazzer. {@code mvn test} replays the
 * inputs under {@code src/test/resources/dev/netboot/server/api/JsonReaderFuzzTestInputs/}; with
 * {@code JAZZER_FUZZ=1} Jazzer fuzzes and saves crashing inputs there.
 */
class JsonReaderFuzzTest {
  /**
   * Any text parses or raises {@link JsonSyntaxException}; what parses reads back the same from
   * its canonical form.
   */
  @FuzzTest(maxDuration = "30s")
  void parse(byte[] input) throws JsonSyntaxException {
    Object value;
    try {
      value = JsonReader.parse(new String(input, StandardCharsets.UTF_8));
    } catch (JsonSyntaxException expected) {
      return;
    }
    assertThat(JsonReader.parse(JsonGenerator.canonical(value))).isEqualTo(value);
  }

  /**
   * Any body becomes a boot spec whose command line expands, or raises
   * {@link ApiResponseException}; nothing else.
   */
  @FuzzTest(maxDuration = "30s")
  void bootSpec(byte[] input) {
    try {
      ApiBootSpec spec = ApiBootSpec.parse(input);
      assertThat(spec.kernel().isEmpty() && spec.ipxeScript().isEmpty()).isFalse();
      CmdlineTemplate.expand(spec.cmdline(), url -> url);
    } catch (ApiResponseException expected) {
      // Pixiecore ignores the machine; so do we.
    }
  }
}
