package dev.netboot.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link ApiBootSpec}: the answer document read the way Go's encoding/json reads it. */
class ApiBootSpecTest {
  private static ApiBootSpec parse(String json) throws ApiResponseException {
    return ApiBootSpec.parse(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsEveryField() throws ApiResponseException {
    ApiBootSpec spec = parse("{\"kernel\": \"/k\", \"initrd\": [\"/a\", \"/b\"],"
        + " \"cmdline\": \"x=1\", \"message\": \"hi\", \"extra\": {\"ignored\": [1]}}");

    assertThat(spec).isEqualTo(new ApiBootSpec("/k", List.of("/a", "/b"), "x=1", "hi", ""));
  }

  @Test
  void namesMatchCaseInsensitivelyAndTheLastWins() throws ApiResponseException {
    ApiBootSpec spec = parse("{\"Kernel\": \"/first\", \"KERNEL\": \"/second\","
        + " \"InitRD\": [\"/i\"], \"kernel\": null}");

    assertThat(spec.kernel()).isEqualTo("/second");
    assertThat(spec.initrds()).containsExactly("/i");
  }

  @Test
  void nullsLeaveFieldsUnset() throws ApiResponseException {
    ApiBootSpec spec = parse("{\"kernel\": \"/k\", \"initrd\": null, \"cmdline\": null,"
        + " \"message\": null}");

    assertThat(spec).isEqualTo(new ApiBootSpec("/k", List.of(), "", "", ""));
  }

  @Test
  void objectCmdlineBecomesTemplateText() throws ApiResponseException {
    assertThat(parse("{\"kernel\": \"/k\", \"cmdline\": {\"b\": \"2\", \"a\": true}}").cmdline())
        .isEqualTo("a b=\"2\"");
  }

  @Test
  void ipxeScriptNeedsNoKernel() throws ApiResponseException {
    assertThat(parse("{\"ipxe-script\": \"#!ipxe\\nexit\\n\"}").ipxeScript())
        .isEqualTo("#!ipxe\nexit\n");
  }

  @Test
  void rejectsWrongShapes() {
    for (String bad : List.of("null", "[]", "\"k\"", "{}", "{\"kernel\": \"\"}",
        "{\"kernel\": [\"/k\"]}", "{\"kernel\": \"/k\", \"initrd\": [null]}",
        "{\"kernel\": \"/k\", \"initrd\": [1]}", "{\"kernel\": \"/k\", \"message\": 1}",
        "{\"kernel\": \"/k\", \"cmdline\": [\"a\"]}", "{\"ipxe-script\": true}")) {
      assertThatThrownBy(() -> parse(bad)).as(bad).isInstanceOf(ApiResponseException.class);
    }
  }

  @Test
  void rejectsBodiesThatAreNotUtf8() {
    byte[] latin1 = "{\"kernel\": \"/k\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);

    assertThatThrownBy(() -> ApiBootSpec.parse(latin1))
        .isInstanceOf(ApiResponseException.class).hasMessageContaining("UTF-8");
  }
}
