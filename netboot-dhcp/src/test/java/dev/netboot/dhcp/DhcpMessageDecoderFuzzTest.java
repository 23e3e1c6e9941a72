package dev.netboot.dhcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of the decoder with Jazzer. {@code mvn test} replays the inputs under
 * {@code src/test/resources/dev/netboot/dhcp/DhcpMessageDecoderFuzzTestInputs/}; with
 * {@code JAZZER_FUZZ=1} Jazzer fuzzes for the given duration and saves crashing inputs there.
 */
class DhcpMessageDecoderFuzzTest {
  /**
   * Any bytes either decode or raise {@link DhcpParseException}; what decodes re-encodes to the
   * same message, and every option's typed view reads or raises the parse exception.
   */
  @FuzzTest(maxDuration = "60s")
  void decode(byte[] input) {
    DhcpMessage m;
    try {
      m = DhcpMessageDecoder.decode(input);
    } catch (DhcpParseException expected) {
      return;
    }
    assertThat(DhcpMessageDecoder.decode(DhcpMessageEncoder.toBytes(m))).isEqualTo(m);
    for (DhcpOption option : m.options()) {
      DhcpOptionType<?> type = DhcpOptionType.forCode(option.code());
      if (type != null) {
        try {
          type.decode(option.value());
        } catch (DhcpParseException expected) {
          // a malformed option is the client's problem, reported by type
        }
      }
    }
  }

  /** The encoder, given any message the decoder accepts and any option 57, fits it or refuses. */
  @FuzzTest(maxDuration = "30s")
  void encodeWithinMaximum(byte[] input) {
    if (input.length < 2) {
      return;
    }
    int max = 576 + ((input[0] & 0xFF) << 3);
    byte[] packet = java.util.Arrays.copyOfRange(input, 1, input.length);
    DhcpMessage m;
    try {
      m = DhcpMessageDecoder.decode(packet);
    } catch (DhcpParseException expected) {
      return;
    }
    byte[] wire;
    try {
      wire = DhcpMessageEncoder.toBytes(m, max);
    } catch (IllegalArgumentException tooLarge) {
      return;
    }
    assertThat(wire.length).isLessThanOrEqualTo(max - 28);
    assertThat(DhcpMessageDecoder.decode(wire)).isEqualTo(m);
  }
}
