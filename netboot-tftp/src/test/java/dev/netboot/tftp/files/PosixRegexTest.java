package dev.netboot.tftp.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** POSIX extended regexes as Java patterns: same matches where the two syntaxes differ. */
class PosixRegexTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "[]a]+|x]a]y|]a]",
      "[^]a]+|]]bc|bc",
      "[a\\]+|x\\a\\|\\a\\",
      "[[:alpha:][:digit:]]+|--ab12--|ab12",
      "[[:xdigit:]]+|xyzBEEFg|BEEF",
      "[a[b]+|x[ab[|[ab[",
      "[a&&b]+|x&a&|&a&",
      "\\<boot|reboot boot|boot",
      "t\\>|test t|t",
      "c$|cc|c",
  })
  void findsWhatPosixFinds(String ere, String input, String match) {
    Matcher m = Pattern.compile(PosixRegex.toJava(ere), Pattern.DOTALL)
        .matcher(input);
    assertThat(m.find()).isTrue();
    assertThat(m.group()).isEqualTo(match);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"\\<boot|reboot", "t\\>|tests"})
  void doesNotFindWhatPosixDoesNotFind(String ere, String input) {
    assertThat(Pattern.compile(PosixRegex.toJava(ere)).matcher(input).find()).isFalse();
  }

  @Test
  void dollarDoesNotMatchBeforeATrailingNewline() {
    assertThat(Pattern.compile(PosixRegex.toJava("c$")).matcher("c\n").find()).isFalse();
    assertThat(Pattern.compile("c$").matcher("c\n").find()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"[abc", "[[:alpha:]", "[[:bogus:]]", "[[=a=]]", "[[.a.]]"})
  void refusesWhatItCannotTranslate(String ere) {
    assertThatExceptionOfType(PatternSyntaxException.class)
        .isThrownBy(() -> Pattern.compile(PosixRegex.toJava(ere)));
  }
}
