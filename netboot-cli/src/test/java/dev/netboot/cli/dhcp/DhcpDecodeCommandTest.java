package dev.netboot.cli.dhcp;

import static dev.netboot.cli.CommandRun.run;
import static dev.netboot.cli.CommandRun.runWithStdin;
import static org.assertj.core.api.Assertions.assertThat;

import dev.netboot.cli.CommandRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DhcpDecodeCommandTest {
  private static final byte[] DISCOVER =
      DhcpSample.named("pxe-bios-discover").orElseThrow().bytes();
  private static final String DISCOVER_HEX = HexFormat.of().formatHex(DISCOVER);

  @Test
  void decodesTheBiosPxeDiscoverSample() {
    CommandRun r = run("dhcp", "decode", "--sample", "pxe-bios-discover");

    assertThat(r.exitCode()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out())
        .startsWith(
            "op: BOOTREQUEST (1)\n"
                + "htype: ETHERNET (1)   hlen: 6   hops: 0\n"
                + "xid: 0xb3c3464c   secs: 4   flags: 0x0000 (unicast)\n"
                + "ciaddr: 0.0.0.0   yiaddr: 0.0.0.0   siaddr: 0.0.0.0   giaddr: 0.0.0.0\n"
                + "chaddr: 52:54:00:77:00:0a\n"
                + "sname: \"\"   file: \"\"\n"
                + "options (10):\n"
                + "   53 MESSAGE_TYPE (1): DISCOVER(1)\n")
        .contains(
            "   60 VENDOR_CLASS_IDENTIFIER (32): \"PXEClient:Arch:00000:UNDI:002001\""
                + " (arch X86_BIOS(0), UNDI 2.1)\n",
            "   93 CLIENT_SYSTEM_ARCHITECTURE (2): [X86_BIOS(0)]\n",
            "   94 CLIENT_NETWORK_INTERFACE (3): UNDI 2.1\n",
            "   55 PARAMETER_REQUEST_LIST (23):\n          1 SUBNET_MASK\n          3 ROUTERS\n",
            "  175 IPXE_ENCAPSULATED (48): iPXE 1.0.0, 12 features\n",
            "        235 VERSION (3): 1.0.0\n",
            "         16 FEATURE_PXE_EXT (1): 2\n",
            "   61 CLIENT_IDENTIFIER (7): ETHERNET 52:54:00:77:00:0a\n")
        .endsWith(
            "   97 CLIENT_MACHINE_IDENTIFIER (17): GUID 4e657462-6f6f-7401-8000-52540077000a\n");
  }

  @Test
  void decodesTheBootServerAckWithItsAddressesAndFile() {
    CommandRun r = run("dhcp", "decode", "--sample", "pxe-boot-ack");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out())
        .contains(
            "op: BOOTREPLY (2)\n",
            "   53 MESSAGE_TYPE (1): ACK(5)\n",
            "siaddr: 10.77.0.2",
            "file: \"undionly.kpxe\"\n",
            "   54 SERVER_IDENTIFIER (4): 10.77.0.2\n");
  }

  @Test
  void truncatedPacketExitsOneWithTheReasonAndOffset() {
    CommandRun r = run("dhcp", "decode", DISCOVER_HEX.substring(0, 200));

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .isEqualTo(
            "netboot: malformed DHCP packet: truncated header: 100 bytes, at least 236 required"
                + " (at offset 100)\n");
  }

  @Test
  void optionCutOffInTheMiddleExitsOneWithItsOffset() {
    // The vendor class (option 60, 32 bytes) starts at offset 254; cut its value after 10 bytes.
    byte[] cut = Arrays.copyOf(DISCOVER, 266);

    CommandRun r = run("dhcp", "decode", HexFormat.of().formatHex(cut));

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err())
        .startsWith("netboot: malformed DHCP packet: ")
        .containsPattern("\\(at offset \\d+\\)\n$")
        .doesNotContain("Exception", "\tat ");
  }

  @Test
  void badHexIsAUsageError() {
    CommandRun r = run("dhcp", "decode", "0101 06zz");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .isEqualTo(
            "netboot: bad hex in HEX argument: not a hex digit: 'z' at position 8\n"
                + "Try 'netboot dhcp decode --help' for more information.\n");
  }

  @Test
  void acceptsUpperCaseColonsAndAPrefix() {
    String pasted = "0x" + HexFormat.ofDelimiter(":").withUpperCase().formatHex(DISCOVER);

    CommandRun r = run("dhcp", "decode", pasted);

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).isEqualTo(sampleOutput());
  }

  @Test
  void readsARawPacketFile(@TempDir Path dir) throws IOException {
    Path file = Files.write(dir.resolve("discover.bin"), DISCOVER);

    CommandRun r = run("dhcp", "decode", "--file", file.toString());

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).isEqualTo(sampleOutput());
  }

  @Test
  void missingFileExitsOneInOneLine(@TempDir Path dir) {
    Path file = dir.resolve("absent.bin");

    CommandRun r = run("dhcp", "decode", "--file", file.toString());

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("netboot: " + file + ": no such file\n");
  }

  @Test
  void readsHexFromStandardInput() {
    // As xxd -p writes it: 60 digits a line.
    String xxd = DISCOVER_HEX.replaceAll("(.{60})", "$1\n") + "\n";

    CommandRun r = runWithStdin(xxd, "dhcp", "decode", "-");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).isEqualTo(sampleOutput());
  }

  @Test
  void badHexOnStandardInputIsAUsageError() {
    CommandRun r = runWithStdin("01 02 xx", "dhcp", "decode", "-");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .startsWith("netboot: bad hex in standard input: not a hex digit: 'x' at position 7\n");
  }

  @Test
  void unknownSampleIsAUsageErrorThatListsTheSamples() {
    CommandRun r = run("dhcp", "decode", "--sample", "nope");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .startsWith("netboot: unknown sample 'nope' (expected one of: pxe-bios-discover, ");
  }

  @Test
  void takesExactlyOnePacket() {
    assertThat(run("dhcp", "decode").exitCode()).isEqualTo(2);
    CommandRun both = run("dhcp", "decode", DISCOVER_HEX, "--sample", "pxe-bios-discover");
    assertThat(both.exitCode()).isEqualTo(2);
    assertThat(both.err()).contains("mutually exclusive");
  }

  @Test
  void helpListsTheSamplesAndTheExitCodes() {
    CommandRun r = run("dhcp", "decode", "--help");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out())
        .startsWith("Usage: netboot dhcp decode [-hV] (HEX | --file=PATH | --sample=NAME)\n")
        .containsPattern("(?m)^  pxe-bios-discover +DISCOVER from QEMU's SeaBIOS PXE ROM")
        .containsPattern("(?m)^  pxe-uefi-discover +DISCOVER from OVMF")
        .containsPattern("(?m)^ +1 +malformed packet");
  }

  private static String sampleOutput() {
    return run("dhcp", "decode", "--sample", "pxe-bios-discover").out();
  }
}
