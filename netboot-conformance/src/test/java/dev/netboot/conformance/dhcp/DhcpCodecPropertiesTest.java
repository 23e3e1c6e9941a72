package dev.netboot.conformance.dhcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.netboot.conformance.Generator;
import dev.netboot.conformance.PropertyCheck;
import dev.netboot.dhcp.DhcpMessage;
import dev.netboot.dhcp.DhcpMessageDecoder;
import dev.netboot.dhcp.DhcpMessageEncoder;
import dev.netboot.dhcp.DhcpOption;
import dev.netboot.dhcp.DhcpOptionType;
import dev.netboot.dhcp.DhcpParseException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Properties of the DHCP codec over generated messages and mutated real packets. */
class DhcpCodecPropertiesTest {
  private static final int CASES = 5_000;

  @Test
  void decodeOfEncodeIsIdentity() {
    PropertyCheck.forAll("decode(encode(m)) == m", CASES, DhcpGenerators.messages(), m -> {
      byte[] wire = DhcpMessageEncoder.toBytes(m);
      assertThat(wire.length).isGreaterThanOrEqualTo(DhcpMessageEncoder.MIN_MESSAGE_LENGTH);
      assertThat(DhcpMessageDecoder.decode(wire)).isEqualTo(m);
    });
  }

  @Test
  void pxeRequestsRoundTripAndKeepTheirTypedValues() {
    PropertyCheck.forAll("PXE requests round trip", CASES, DhcpGenerators.pxeRequests(), m -> {
      DhcpMessage decoded = DhcpMessageDecoder.decode(DhcpMessageEncoder.toBytes(m));
      assertThat(decoded).isEqualTo(m);
      assertThat(decoded.option(DhcpOptionType.VENDOR_CLASS_IDENTIFIER))
          .isEqualTo(m.option(DhcpOptionType.VENDOR_CLASS_IDENTIFIER));
      assertThat(decoded.option(DhcpOptionType.CLIENT_MACHINE_IDENTIFIER).orElseThrow().uuid())
          .isEqualTo(m.option(DhcpOptionType.CLIENT_MACHINE_IDENTIFIER).orElseThrow().uuid());
    });
  }

  /**
   * With a client's maximum message size, the encoder either fits the message (overloading
   * {@code file} and {@code sname} when it must) or refuses; it never writes more.
   */
  @Test
  void encodingWithinAMaximumSizeNeverExceedsItAndStillRoundTrips() {
    Generator<Object[]> cases = random -> new Object[] {
      DhcpGenerators.messages().next(random), 576 + random.nextInt(3) * random.nextInt(700)};
    int[] outcomes = new int[3]; // plain, overloaded, refused
    PropertyCheck.forAll("encode within option 57", CASES, cases, c -> {
      DhcpMessage m = (DhcpMessage) c[0];
      int max = (Integer) c[1];
      int needed = 0;
      for (DhcpOption o : m.options()) {
        needed += 2 * Math.max(1, (o.length() + 254) / 255) + o.length();
      }
      boolean fitsPlain = needed <= max - 28 - 240 - 1;
      byte[] wire;
      try {
        wire = DhcpMessageEncoder.toBytes(m, max);
      } catch (IllegalArgumentException tooLarge) {
        assertThat(fitsPlain).as("refused although the options fit without overload").isFalse();
        outcomes[2]++;
        return;
      }
      assertThat(wire.length).isLessThanOrEqualTo(max - 28);
      assertThat(DhcpMessageDecoder.decode(wire)).isEqualTo(m);
      boolean overloaded = overloadOption(wire);
      assertThat(overloaded).as("overloaded although the options fit").isNotEqualTo(fitsPlain);
      outcomes[overloaded ? 1 : 0]++;
    });
    // The generator must reach every branch, or this property proves less than it claims.
    assertThat(outcomes).as("plain, overloaded, refused").doesNotContain(0);
  }

  /** Returns whether option 52 is among the top-level options of an encoded message. */
  private static boolean overloadOption(byte[] wire) {
    for (int i = 240; i < wire.length && (wire[i] & 0xFF) != 255; ) {
      int code = wire[i] & 0xFF;
      if (code == 52) {
        return true;
      }
      i += code == 0 ? 1 : 2 + (wire[i + 1] & 0xFF);
    }
    return false;
  }

  @Test
  void arbitraryBytesRaiseOnlyTheParseException() {
    PropertyCheck.forAll("arbitrary bytes", CASES, Generator.bytes(0, 700), DhcpCodecPropertiesTest::decodeOrParseError);
  }

  /** Arbitrary option areas behind a valid header reach the option parser, not just the header checks. */
  @Test
  void arbitraryOptionAreasRaiseOnlyTheParseException() {
    byte[] header = DhcpMessageEncoder.toBytes(DhcpMessage.builder().build());
    Generator<byte[]> packets = random -> {
      byte[] tail = Generator.bytes(0, 600).next(random);
      byte[] p = new byte[240 + tail.length];
      System.arraycopy(header, 0, p, 0, 240);
      System.arraycopy(tail, 0, p, 240, tail.length);
      if (random.nextBoolean()) {
        p[2] = (byte) random.nextInt(20);
      }
      return p;
    };
    PropertyCheck.forAll("arbitrary option areas", CASES, packets, DhcpCodecPropertiesTest::decodeOrParseError);
  }

  @Test
  void mutatedGeneratedPacketsRaiseOnlyTheParseException() {
    Generator<byte[]> mutated = random -> DhcpGenerators.mutations(
        DhcpMessageEncoder.toBytes(DhcpGenerators.pxeRequests().next(random), 576)).next(random);
    PropertyCheck.forAll("mutated PXE requests", CASES, mutated, DhcpCodecPropertiesTest::decodeOrParseError);
  }

  @Test
  void mutatedRealPacketsRaiseOnlyTheParseException() throws IOException {
    List<byte[]> captures = captures();
    assertThat(captures).as("captured packets under netboot-dhcp test resources").isNotEmpty();
    Generator<byte[]> mutated = random ->
        DhcpGenerators.mutations(captures.get(random.nextInt(captures.size()))).next(random);
    PropertyCheck.forAll("mutated real packets", CASES * 2, mutated, DhcpCodecPropertiesTest::decodeOrParseError);
  }

  @Test
  void theRunnerReportsTheSeedOfAFailingCase() {
    assertThatThrownBy(() -> PropertyCheck.forAll("always fails", 3, Generator.bytes(1, 1), b -> {
          throw new IllegalStateException("boom");
        }))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("seed ")
        .hasMessageContaining("-Dnetboot.caseSeed=")
        .hasMessageContaining("boom");
  }

  /**
   * Decodes; a failure must be the parse exception. A success must re-encode, decode to the same
   * message, and give every typed option view a value or the parse exception.
   */
  static void decodeOrParseError(byte[] packet) {
    DhcpMessage m;
    try {
      m = DhcpMessageDecoder.decode(packet);
    } catch (DhcpParseException expected) {
      assertThat(expected.offset()).isBetween(0, packet.length);
      return;
    }
    assertThat(DhcpMessageDecoder.decode(DhcpMessageEncoder.toBytes(m))).isEqualTo(m);
    for (DhcpOption option : m.options()) {
      assertThat(DhcpOptionType.describe(option)).isNotNull();
    }
  }

  /** Real packets captured from firmware and DHCP clients (netboot-dhcp's test resources). */
  static List<byte[]> captures() throws IOException {
    Path dir = Paths.get("..", "netboot-dhcp", "src", "test", "resources", "dhcp", "captures");
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(p -> p.toString().endsWith(".hex")).sorted().map(p -> {
        try {
          return HexFormat.of().parseHex(Files.readString(p).strip());
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).collect(Collectors.toList());
    }
  }
}
