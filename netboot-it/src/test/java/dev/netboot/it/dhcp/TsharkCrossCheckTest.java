package dev.netboot.it.dhcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.netboot.dhcp.ClientMachineId;
import dev.netboot.it.Peers;
import dev.netboot.it.dhcp.InteropMessages.Sample;
import dev.netboot.it.wire.PcapFile;
import dev.netboot.it.wire.PdmlNode;
import dev.netboot.it.wire.Tshark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cross-checks netboot's DHCP codec against Wireshark's DHCP dissector: every message of
 * {@link InteropMessages} is written to one pcap file and dissected by one run of {@code tshark};
 * then, frame by frame, what Wireshark reads must be what netboot meant (the encoder's frames) or
 * what netboot read (the captured frames, checking the decoder). See {@link FrameComparison} for
 * the fields compared.
 *
 * <p>Wireshark is an independent implementation of RFC 2131/2132, RFC 3396, RFC 4578 and the PXE
 * specification, so agreement catches encoder bugs that a round trip through our own decoder
 * cannot: both halves of a round trip can share a misreading of an RFC.
 *
 * <p>Needs {@code tshark} (Debian: {@code apt-get install -y tshark}); without it the test is
 * skipped, or fails when {@code -Dnetboot.peers.required=true}.
 */
class TsharkCrossCheckTest {
  private static final byte[] SERVER_MAC = InteropMessages.mac("02:00:00:00:00:01");

  /**
   * Preferences passed with {@code -o}. Wireshark does not verify IPv4 header checksums by
   * default; turning that on makes a bad checksum from {@link PcapFile} an expert error.
   *
   * <p>Option 97's GUID: Wireshark reads the 16 bytes by its {@code dhcp.uuid.endian}
   * preference, "Little Endian" by default, meaning the first three fields (4, 2 and 2 bytes) are
   * little-endian and the last 8 bytes are as sent: the EFI_GUID / SMBIOS 2.6 layout. The bytes
   * {@code 5e 3f 6a 8a 2b 1c 3e 4d 9f 10 01 23 45 67 89 ab} show as
   * {@code 8a6a3f5e-1c2b-4d3e-9f10-0123456789ab}, the same UUID that
   * {@link ClientMachineId#uuid()} reads. The captures agree: QEMU started with
   * {@code -uuid 4e657462-6f6f-7401-8000-52540077000a} makes iPXE and edk2 send
   * {@code 62 74 65 4e 6f 6f 01 74 80 00 ...}, which Wireshark shows as that very UUID. The
   * preference is set here explicitly so that a changed default cannot silently turn this into a
   * comparison with {@link ClientMachineId#uuidBigEndian()}.
   */
  private static final List<String> PREFERENCES =
      List.of("ip.check_checksum:TRUE", "dhcp.uuid.endian:Little Endian");

  @TempDir static Path work;

  private static List<Sample> samples = List.of();
  private static List<PdmlNode> packets = List.of();

  @BeforeAll
  static void dissectAllSamplesInOneTsharkRun() throws IOException, InterruptedException {
    Path tshark = Peers.require("tshark");
    samples = InteropMessages.all();
    Path capture = work.resolve("netboot-dhcp.pcap");
    writeCapture(capture, samples);
    packets = new Tshark(tshark, work).dissect(capture, PREFERENCES);
  }

  /** Requests go from the client's port 68 to the server's 67, replies back (RFC 2131 4.1). */
  private static void writeCapture(Path capture, List<Sample> samples) throws IOException {
    try (PcapFile pcap = new PcapFile(Files.newOutputStream(capture))) {
      for (Sample s : samples) {
        if (s.fromClient()) {
          pcap.writeUdp(InteropMessages.CLIENT_MAC, InteropMessages.CLIENT, 68,
              SERVER_MAC, InteropMessages.SERVER, 67, s.payload());
        } else {
          pcap.writeUdp(SERVER_MAC, InteropMessages.SERVER, 67,
              InteropMessages.CLIENT_MAC, InteropMessages.CLIENT, 68, s.payload());
        }
      }
    }
  }

  @Test
  void tsharkReadsOneFramePerMessage() {
    assertThat(packets).as("frames tshark dissected").hasSize(samples.size());
  }

  @TestFactory
  Stream<DynamicTest> tsharkReadsWhatNetbootMeant() {
    assertThat(packets).as("frames tshark dissected").hasSize(samples.size());
    return IntStream.range(0, samples.size()).mapToObj(i -> {
      Sample sample = samples.get(i);
      String frame = "frame " + (i + 1) + " (" + sample.name() + ")";
      return dynamicTest(frame, () -> {
        DhcpDissection dissection = new DhcpDissection(packets.get(i));
        assertThat(dissection.dhcp())
            .as("%s: dissected as DHCP/BOOTP; tshark saw protocols %s", frame,
                dissection.protocols())
            .isPresent();
        SoftAssertions soft = new SoftAssertions();
        new FrameComparison(soft, frame, sample.message(), dissection).run(sample.overload());
        if (sample.maxMessageSize() > 0) {
          soft.assertThat(dissection.ipTotalLength())
              .as("%s: IP datagram length within option 57 = %d", frame, sample.maxMessageSize())
              .hasValueSatisfying(length ->
                  assertThat(length).isLessThanOrEqualTo(sample.maxMessageSize()));
        }
        soft.assertAll();
      });
    });
  }
}
