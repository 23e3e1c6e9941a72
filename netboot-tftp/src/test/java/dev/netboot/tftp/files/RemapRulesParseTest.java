package dev.netboot.tftp.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.netboot.tftp.files.RemapRules.Operation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Parsing tftp-hpa remap files: fields, escapes, comments and the errors with their lines. */
class RemapRulesParseTest {

  @Test
  void skipsBlankLinesAndComments() throws Exception {
    RemapRules rules = RemapRules.parse(String.join("\n",
        "# a remap file",
        "",
        "   \t ",
        "r ^/ \\0  # strip nothing, a trailing comment",
        "rg \\\\ /   # backslashes to slashes",
        "#r .* never"));
    assertThat(rules.size()).isEqualTo(2);
    assertThat(rules.rewrite("a\\b\\c", Operation.GET, null)).isEqualTo("a/b/c");
  }

  @Test
  void toleratesCarriageReturnsAndNuls() throws Exception {
    RemapRules rules = RemapRules.parse("r ^x\0 y\r\nr y$ z\r\n");
    assertThat(rules.rewrite("x", Operation.GET, null)).isEqualTo("z");
  }

  @Test
  void backslashProtectsWhiteSpaceAndHashInFields() throws Exception {
    RemapRules rules = RemapRules.parse("r a\\ b\\#c x\\ y\\#z");
    assertThat(rules.rewrite("1a b#c2", Operation.GET, null)).isEqualTo("1x y#z2");
  }

  @Test
  void aRuleWithoutReplacementDeletesTheMatch() throws Exception {
    RemapRules rules = RemapRules.parse("r ^/tftpboot/");
    assertThat(rules.rewrite("/tftpboot/pxelinux.0", Operation.GET, null))
        .isEqualTo("pxelinux.0");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "r ^a b\\nx|2|invalid operation flag",
      "r ^a b\\nr|2|regex missing",
      "r ^a b\\nr (unclosed x|2|bad regex",
      "r [abc x|1|bad regex",
      "r [[:nothing:]] x|1|bad regex",
      "ra ^a msg|1|flags r and a cannot be combined",
      "r~ ^a b|1|flags r and ~ cannot be combined",
      "ae ^a|1|flags e and a cannot be combined",
      "es ^a|1|flags e and s cannot be combined",
      "as ^a|1|flags a and s cannot be combined",
      "rj ^a x|1|flags r and j cannot be combined",
      "rE ^a b|1|flag E is not supported",
      "j ^a|1|no label in j rule",
      "\\n\\nj ^a nowhere|3|label not found: nowhere",
      ":|1|empty label",
      "r ^a b c|1|unexpected",
  })
  void reportsTheLineOfABadRule(String text, int line, String message) {
    assertThatExceptionOfType(RemapSyntaxException.class)
        .isThrownBy(() -> RemapRules.parse(text.replace("\\n", "\n")))
        .satisfies(e -> assertThat(e.lineNumber()).isEqualTo(line))
        .withMessageStartingWith("line " + line + ": ")
        .withMessageContaining(message);
  }

  @Test
  void translatesPosixBracketExpressions() throws Exception {
    RemapRules rules = RemapRules.parse(String.join("\n",
        "rg [[:digit:]] \\#",
        "rg [\\] /",
        "rg [[:upper:]&] _"));
    assertThat(rules.rewrite("Ab1\\c2&&", Operation.GET, null)).isEqualTo("_b#/c#__");
  }

  @Test
  void dollarAnchorsOnlyAtTheVeryEnd() throws Exception {
    RemapRules rules = RemapRules.parse("r \\.cfg$ .conf");
    assertThat(rules.rewrite("a.cfg", Operation.GET, null)).isEqualTo("a.conf");
    assertThat(rules.rewrite("a.cfg\n", Operation.GET, null)).isEqualTo("a.cfg\n");
  }

  @Test
  void dotMatchesEveryCharacter() throws Exception {
    RemapRules rules = RemapRules.parse("r ^a.b x");
    assertThat(rules.rewrite("a\nb", Operation.GET, null)).isEqualTo("x");
  }
}
