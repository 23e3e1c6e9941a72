package dev.netboot.cli.dhcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netboot.dhcp.DhcpMessage;
import dev.netboot.dhcp.DhcpMessageDecoder;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DhcpSampleTest {
  static Stream<DhcpSample> samples() {
    return DhcpSample.ALL.stream();
  }

  @ParameterizedTest
  @MethodSource("samples")
  void everySampleIsAWellFormedMessageWithATypeAndFitsTheHelp(DhcpSample sample) {
    DhcpMessage message = DhcpMessageDecoder.decode(sample.bytes());

    assertThat(message.messageType()).isNotNull();
    assertThat(DhcpMessageDump.format(message)).doesNotContain("malformed");
    // Two spaces, the name padded to 18 and one space leave this much of an 80-column line.
    assertThat(sample.description()).hasSizeLessThanOrEqualTo(59);
  }

  @Test
  void namesAreUnique() {
    assertThat(DhcpSample.ALL).extracting(DhcpSample::name).doesNotHaveDuplicates();
    assertThat(new DhcpSample.Names()).containsExactly(
        "pxe-bios-discover", "proxydhcp-offer", "pxe-boot-ack", "pxe-uefi-discover");
  }

  @Test
  void findsASampleByName() {
    assertThat(DhcpSample.named("pxe-uefi-discover")).isPresent();
    assertThat(DhcpSample.named("PXE-UEFI-DISCOVER")).isEmpty();
  }
}
