package dev.netboot.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** {@link JsonReader}: RFC 8259 examples, strictness, limits and seeded properties. */
class JsonReaderTest {
  /** Base seed; set {@code -Dnetboot.seed=<n>} to replay a reported failure's seed. */
  private static final long BASE_SEED = Long.getLong("netboot.seed", System.nanoTime());
  private static final int CASES = 500;
  /** Characters that matter to the grammar, and two that never may appear raw. */
  private static final String NOISE = "{}[],:\"\\-0e.tfn \u0000\ud800";

  static LongStream seeds() {
    SplittableRandom base = new SplittableRandom(BASE_SEED);
    return LongStream.generate(base::nextLong).limit(CASES);
  }

  @Test
  void readsPixiecoreDocument() throws JsonSyntaxException {
    Object value = JsonReader.parse("{\n  \"kernel\": \"/kernel\",\n"
        + "  \"initrd\": [\"/initrd.0\", \"/initrd.1\"],\n"
        + "  \"cmdline\": {\"a\": true, \"b\": {\"url\": \"x\"}, \"n\": -1.5e3, \"z\": null}\n}\n");

    assertThat(value).isEqualTo(Map.of("kernel", "/kernel",
        "initrd", List.of("/initrd.0", "/initrd.1"),
        "cmdline", Map.of("a", true, "b", Map.of("url", "x"), "n", new BigDecimal("-1.5e3"),
            "z", JsonReader.NULL)));
  }

  @Test
  void readsEscapesAndSurrogatePairs() throws JsonSyntaxException {
    assertThat(JsonReader.parse("\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude00\""))
        .isEqualTo("\"\\/\b\f\n\r\t\u00e9\ud83d\ude00");
  }

  @Test
  void repeatedNameKeepsTheLastValueInItsPlace() throws JsonSyntaxException {
    Object value = JsonReader.parse("{\"a\": 1, \"b\": 2, \"a\": 3}");

    assertThat(List.copyOf(((Map<?, ?>) value).keySet())).isEqualTo(List.of("b", "a"));
    assertThat(((Map<?, ?>) value).get("a")).isEqualTo(new BigDecimal(3));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "{", "}", "[1,]", "{\"a\":1,}", "{\"a\" 1}", "{a:1}", "01",
      "-", "1.", ".5", "1e", "+1", "tru", "nul", "\"abc", "\"a\nb\"", "\"\\x\"", "\"\\u12\"",
      "\"\\ud800\"", "\"\\udc00\"", "\"\\ud800\\u0041\"", "1 2", "{} x", "[1] ]", "// c\n1",
      "'a'", "NaN", "Infinity", "\u00a01", "1e99999999999", "[\"a\" \"b\"]"})
  void rejectsWhatRfc8259Rejects(String text) {
    assertThatThrownBy(() -> JsonReader.parse(text)).isInstanceOf(JsonSyntaxException.class);
  }

  @Test
  void nestingIsLimited() throws JsonSyntaxException {
    int max = JsonReader.MAX_DEPTH;
    assertThat(JsonReader.parse("[".repeat(max) + "]".repeat(max))).isInstanceOf(List.class);
    String tooDeep = "[".repeat(max + 1) + "]".repeat(max + 1);
    assertThatThrownBy(() -> JsonReader.parse(tooDeep))
        .isInstanceOf(JsonSyntaxException.class).hasMessageContaining("nesting");
    // Deep enough to overflow the stack of a reader without the limit.
    assertThatThrownBy(() -> JsonReader.parse("{\"a\":".repeat(100_000)))
        .isInstanceOf(JsonSyntaxException.class);
  }

  @Test
  void errorsCarryTheOffset() {
    assertThatThrownBy(() -> JsonReader.parse("{\"a\": tru}"))
        .isInstanceOfSatisfying(JsonSyntaxException.class, e -> assertThat(e.offset()).isEqualTo(6));
  }

  /** Whatever the spelling (white space, escapes), a written value reads back equal. */
  @ParameterizedTest
  @MethodSource("seeds")
  void writtenValuesReadBack(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    JsonGenerator generator = new JsonGenerator(random);
    Object value = generator.value(4);
    String text = generator.write(value);
    try {
      assertThat(JsonReader.parse(text)).as("seed %d: %s", seed, text).isEqualTo(value);
      assertThat(JsonReader.parse(JsonGenerator.canonical(value))).as("seed %d", seed)
          .isEqualTo(value);
    } catch (JsonSyntaxException e) {
      fail("seed " + seed + ": " + text, e);
    }
  }

  /** Mutated documents parse or raise JsonSyntaxException, and what parses is stable. */
  @ParameterizedTest
  @MethodSource("seeds")
  void mutatedTextFailsOnlyWithTheTypedException(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    JsonGenerator generator = new JsonGenerator(random);
    StringBuilder text = new StringBuilder(generator.write(generator.value(4)));
    int mutations = 1 + random.nextInt(3);
    for (int i = 0; i < mutations; i++) {
      int at = text.length() == 0 ? 0 : random.nextInt(text.length());
      String noise = String.valueOf(NOISE.charAt(random.nextInt(NOISE.length())));
      switch (random.nextInt(3)) {
        case 0:
          text.insert(at, noise);
          break;
        case 1:
          if (text.length() > 0) {
            text.deleteCharAt(at);
          }
          break;
        default:
          if (text.length() > 0) {
            text.replace(at, at + 1, noise);
          }
          break;
      }
    }
    Object value;
    try {
      value = JsonReader.parse(text.toString());
    } catch (JsonSyntaxException expected) {
      return;
    } catch (RuntimeException e) {
      throw new AssertionError("seed " + seed + ": " + text, e);
    }
    try {
      assertThat(JsonReader.parse(JsonGenerator.canonical(value))).as("seed %d", seed)
          .isEqualTo(value);
    } catch (JsonSyntaxException e) {
      fail("seed " + seed + ": " + text, e);
    }
  }
}
