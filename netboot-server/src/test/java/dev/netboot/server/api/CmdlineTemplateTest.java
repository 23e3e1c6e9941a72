package dev.netboot.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link CmdlineTemplate}, {@link ActionParser} and {@link GoQuote} against Go's behaviour. */
class CmdlineTemplateTest {
  private static String expand(String template) throws ApiResponseException {
    return CmdlineTemplate.expand(template, url -> "<" + url + ">");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
      "selinux=1 coreos.autologin | selinux=1 coreos.autologin",
      "'' | ''",
      "a={{ URL \"http://x/c\" }} b | a=<http://x/c> b",
      "a={{URL \"x\"}}{{URL `y\\n`}} | a=<x><y\\n>",
      "a={{ URL \"\\x41\\u00e9\\U0001F600\\t\\\"\\\\\\101\" }} | a=<A\u00e9\ud83d\ude00\t\"\\A>",
      "a=  {{- URL \"x\" -}}  b | a=<x>b",
      "a {{- /* c */ -}} b | ab",
      "a {{/* c */}} b | a  b",
      "a }} b { c | a }} b { c",
      "{{\tURL\t\"x\"\t}} | <x>"})
  void expandsTheSupportedSubsetLikeGo(String template, String expected)
      throws ApiResponseException {
    assertThat(expand(template)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"{{ .Env }}", "{{ URL }}", "{{ URL \"x\" \"y\" }}", "{{ url \"x\" }}",
      "{{ URL \"x\"", "{{ URL \"x }}", "{{ \"x\" }}", "{{ URL (\"x\") }}", "{{/* c }}",
      "{{ URL \"\\xff\" }}", "{{ URL \"\\ud800\" }}", "{{ URL \"\\q\" }}", "{{ URL x }}",
      "{{-URL \"x\"}}", "{{ URL \"x\"-}}", "{{ ID \"x\" }}", "{{ URL \"a\nb\" }}"})
  void rejectsTheRestOfGoTemplates(String template) {
    assertThatThrownBy(() -> expand(template)).isInstanceOf(ApiResponseException.class);
  }

  @Test
  void actionsAreLimited() throws ApiResponseException {
    String many = "{{ URL \"x\" }}".repeat(CmdlineTemplate.MAX_ACTIONS);
    assertThat(expand(many)).hasSize(3 * CmdlineTemplate.MAX_ACTIONS);
    assertThatThrownBy(() -> expand(many + "{{ URL \"x\" }}"))
        .isInstanceOf(ApiResponseException.class);
  }

  @Test
  void urlFunctionFailureFails() {
    assertThatThrownBy(() -> CmdlineTemplate.expand("{{ URL \"x\" }}", url -> {
      throw new ApiResponseException("cannot serve");
    })).hasMessage("cannot serve");
  }

  @Test
  void objectFormIsPixiecoresConstructCmdline() throws ApiResponseException {
    Map<String, Object> cmdline = new LinkedHashMap<>();
    cmdline.put("z", "1");
    cmdline.put("quiet", true);
    cmdline.put("off", false);
    cmdline.put("cfg", Map.of("url", "https://x.test/c?a=\"b\""));
    cmdline.put("A", "tab\there");

    String template = CmdlineTemplate.fromObject(cmdline);

    assertThat(template).isEqualTo(
        "A=\"tab\\there\" cfg={{ URL \"https://x.test/c?a=\\\"b\\\"\" }} off quiet z=\"1\"");
    assertThat(expand(template))
        .isEqualTo("A=\"tab\\there\" cfg=<https://x.test/c?a=\"b\"> off quiet z=\"1\"");
  }

  @Test
  void objectFormRejectsOtherValues() {
    assertThatThrownBy(() -> CmdlineTemplate.fromObject(Map.of("a", java.math.BigDecimal.ONE)))
        .isInstanceOf(ApiResponseException.class);
    assertThatThrownBy(() -> CmdlineTemplate.fromObject(Map.of("a", Map.of("href", "x"))))
        .isInstanceOf(ApiResponseException.class);
    assertThatThrownBy(() -> CmdlineTemplate.fromObject(Map.of("a", JsonReader.NULL)))
        .isInstanceOf(ApiResponseException.class);
  }

  @Test
  void quotesLikeGoStrconvQuote() {
    Map<String, String> cases = new LinkedHashMap<>();
    cases.put("abc", "\"abc\"");
    cases.put("a\"b\\c", "\"a\\\"b\\\\c\"");
    cases.put("\u0007\b\f\n\r\t\u000b", "\"\\a\\b\\f\\n\\r\\t\\v\"");
    cases.put("\u0001\u007f", "\"\\x01\\x7f\"");
    cases.put("\u00e9\u4e2d\ud83d\ude00 x", "\"\u00e9\u4e2d\ud83d\ude00 x\"");
    cases.put("\u00a0\u200b\u2028\ue000", "\"\\u00a0\\u200b\\u2028\\ue000\"");
    cases.put("\udb40\udc01", "\"\\U000e0001\"");
    cases.forEach((input, expected) -> assertThat(GoQuote.quote(input)).isEqualTo(expected));
  }

  /** What GoQuote writes, ActionParser reads back: the object form's URL round trip. */
  @Test
  void quotedStringsReadBack() throws ApiResponseException {
    java.util.SplittableRandom random = new java.util.SplittableRandom(42);
    JsonGenerator generator = new JsonGenerator(random);
    for (int i = 0; i < 2000; i++) {
      String s = generator.string();
      String expanded = CmdlineTemplate.expand("{{ URL " + GoQuote.quote(s) + " }}", url -> url);
      assertThat(expanded).as("%s", s).isEqualTo(s);
    }
  }
}
