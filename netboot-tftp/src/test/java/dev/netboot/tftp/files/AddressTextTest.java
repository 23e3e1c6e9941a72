package dev.netboot.tftp.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The {@code \i} and {@code \x} forms of a client address, as tftp-hpa writes them. */
class AddressTextTest {

  @ParameterizedTest
  @CsvSource({
      "192.0.2.169, 192.0.2.169, C00002A9",
      "::, ::, 00000000000000000000000000000000",
      "::1, ::1, 00000000000000000000000000000001",
      "1::, 1::, 00010000000000000000000000000000",
      "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1, 20010DB8000000000001000000000001",
      "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1, 20010DB8000000010001000100010001",
      "fe80:0:0:0:0:0:0:abcd%1, fe80::abcd, FE80000000000000000000000000ABCD",
  })
  void writesTheAddressLikeInetNtop(String literal, String text, String hex) throws Exception {
    InetAddress address = InetAddress.getByName(literal);
    assertThat(AddressText.text(address)).isEqualTo(text);
    assertThat(AddressText.hex(address)).isEqualTo(hex);
  }
}
