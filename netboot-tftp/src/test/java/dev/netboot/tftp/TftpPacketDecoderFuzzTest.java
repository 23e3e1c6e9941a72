package dev.netboot.tftp;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of the decoder with Jazzer. {@code mvn test} replays the inputs under
 * {@code src/test/resources/dev/netboot/tftp/TftpPacketDecoderFuzzTestInputs/}; with
 * {@code JAZZER_FUZZ=1} Jazzer fuzzes for the given duration and saves crashing inputs there.
 */
class TftpPacketDecoderFuzzTest {
  /**
   * Any bytes either decode or raise {@link TftpParseException} at an offset inside the input;
   * what decodes re-encodes to bytes that decode to an equal packet, and re-encoding that gives
   * the same bytes again.
   */
  @FuzzTest(maxDuration = "60s")
  void decode(byte[] input) {
    TftpPacket packet;
    try {
      packet = TftpPacketDecoder.decode(input);
    } catch (TftpParseException expected) {
      assertThat(expected.offset()).isBetween(0, input.length);
      return;
    }
    byte[] wire = TftpPacketEncoder.toBytes(packet);
    TftpPacket again = TftpPacketDecoder.decode(wire);
    assertThat(again).isEqualTo(packet);
    assertThat(TftpPacketEncoder.toBytes(again)).isEqualTo(wire);
  }
}
