package dev.netboot.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HexBytesTest {
  private static final byte[] BYTES = {0x01, 0x01, 0x06, (byte) 0xAB};

  @ParameterizedTest
  @ValueSource(
      strings = {
        "010106ab",
        "010106AB",
        "01 01 06 ab",
        "01:01:06:ab",
        "0x010106ab",
        "0X010106AB",
        "0x01 0x01 0x06 0xab",
        "  0101\n06ab\n",
        "0101\r\n\t06ab"
      })
  void readsTheWaysPeoplePasteHex(String text) {
    assertThat(HexBytes.parse(text)).containsExactly(BYTES);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  \n", ":"})
  void rejectsTextWithoutBytes(String text) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> HexBytes.parse(text))
        .withMessage("no hex bytes in the input");
  }

  @Test
  void namesTheFirstCharacterThatIsNotHex() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> HexBytes.parse("01 0g"))
        .withMessage("not a hex digit: 'g' at position 5");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> HexBytes.parse("01,02"))
        .withMessage("not a hex digit: ',' at position 3");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> HexBytes.parse("01\u000002"))
        .withMessage("not a hex digit: '\\u0000' at position 3");
  }

  @Test
  void rejectsAByteSplitOrCutOff() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> HexBytes.parse("01 0 1"))
        .withMessage(
            "odd number of hex digits in '0' at position 4"
                + " (expected: whole bytes, two digits each)");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> HexBytes.parse("010"))
        .withMessageStartingWith("odd number of hex digits in '010' at position 1");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> HexBytes.parse("01 0x"))
        .withMessage("no hex digits after '0x' at position 4");
  }
}
