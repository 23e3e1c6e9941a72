package dev.netboot.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestTargetTest {
  @Test
  void decodesPathAndQuery() {
    RequestTarget t = RequestTarget.parse("/boot%20files/boot.ipxe?mac=aa-bb-cc&arch=7&arch=9")
        .orElseThrow();
    assertThat(t.path()).isEqualTo("/boot files/boot.ipxe");
    assertThat(t.query()).containsEntry("mac", List.of("aa-bb-cc"))
        .containsEntry("arch", List.of("7", "9"));
  }

  @Test
  void absoluteFormKeepsOnlyThePath() {
    assertThat(RequestTarget.parse("http://10.0.0.1:8080/f/x/y?a=1").orElseThrow().path())
        .isEqualTo("/f/x/y");
    assertThat(RequestTarget.parse("HTTP://host").orElseThrow().path()).isEqualTo("/");
    assertThat(RequestTarget.parse("http://host?a=b").orElseThrow().query())
        .containsEntry("a", List.of("b"));
  }

  @Test
  void collapsesRunsOfSlashes() {
    assertThat(RequestTarget.parse("//etc//passwd").orElseThrow().path()).isEqualTo("/etc/passwd");
  }

  @Test
  void decodesUtf8() {
    assertThat(RequestTarget.parse("/%C3%A9t%C3%A9").orElseThrow().path()).isEqualTo("/été");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "/../etc/passwd", "/f/../../etc/passwd", "/a/..", "/./a", "/a/.", "/%2e%2e/etc/passwd",
      "/%2E%2E/etc/passwd", "/.%2e/x", "/%2e/x", "/..%2fetc%2fpasswd", "/a%2Fb", "/..%5cwin.ini",
      "/a\\b", "/..\\..\\x", "/a%00b", "/a%00", "/a%0ab", "/a%7f", "/%", "/%2", "/%zz",
      "/%C3", "/%FF%FE", "/\u00e9", "http://evil/../etc/passwd", "http://evil/%2e%2e/x",
      "https://h/a/%2f", "*", "etc/passwd", "", "host:80", "/a\u0001b"})
  void refusesHostileSpellings(String target) {
    assertThat(RequestTarget.parse(target)).as(target).isEmpty();
  }

  @Test
  void doubleEncodingIsDecodedOnlyOnce() {
    assertThat(RequestTarget.parse("/%252e%252e/x").orElseThrow().path()).isEqualTo("/%2e%2e/x");
  }
}
