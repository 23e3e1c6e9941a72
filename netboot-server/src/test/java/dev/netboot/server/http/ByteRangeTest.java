package dev.netboot.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ByteRangeTest {
  private static final long SIZE = 1000;

  @ParameterizedTest
  @CsvSource({
      "bytes=0-0, 0, 0", "bytes=0-999, 0, 999", "bytes=10-19, 10, 19", "bytes=990-, 990, 999",
      "bytes=990-5000, 990, 999", "bytes=-10, 990, 999", "bytes=-5000, 0, 999",
      "Bytes= 5 - 6 , 5, 6"})
  void singleRanges(String header, long first, long last) {
    assertThat(ByteRange.parse(header, SIZE))
        .isEqualTo(new ByteRange.Part(new ByteRange(first, last)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"bytes=1000-", "bytes=1000-2000", "bytes=-0", "bytes=5000-6000"})
  void unsatisfiable(String header) {
    assertThat(ByteRange.parse(header, SIZE)).isInstanceOf(ByteRange.Unsatisfiable.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"bytes=0-1,5-6", "items=0-5", "bytes=", "bytes=5", "bytes=6-5",
      "bytes=a-b", "bytes=1-x", "bytes=-", "bytes=99999999999999999999-", "bytes=\u0661-2"})
  void wholeRepresentation(String header) {
    assertThat(ByteRange.parse(header, SIZE)).isInstanceOf(ByteRange.Whole.class);
  }

  @Test
  void noHeaderIsWhole() {
    assertThat(ByteRange.parse(null, SIZE)).isInstanceOf(ByteRange.Whole.class);
  }

  @Test
  void emptyRepresentationHasNoSatisfiableRange() {
    assertThat(ByteRange.parse("bytes=0-", 0)).isInstanceOf(ByteRange.Unsatisfiable.class);
    assertThat(ByteRange.parse("bytes=-1", 0)).isInstanceOf(ByteRange.Unsatisfiable.class);
  }

  @Test
  void contentRange() {
    assertThat(new ByteRange(10, 19).contentRange(SIZE)).isEqualTo("bytes 10-19/1000");
    assertThat(new ByteRange(10, 19).length()).isEqualTo(10);
  }
}
