package dev.netboot.dhcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Packets captured from real firmware and DHCP clients by {@code captures/capture.sh}: each
 * decodes with the typed values the client really sent, and re-encodes its options byte for byte.
 */
class CapturedPacketsTest {
  private static final Path CAPTURES = Paths.get("src/test/resources/dhcp/captures");

  @TestFactory
  Stream<DynamicTest> everyCaptureDecodesAndReencodesItsOptionsByteForByte() throws IOException {
    List<Path> files = captureFiles();
    assertThat(files).hasSizeGreaterThan(20);
    return files.stream().map(file -> DynamicTest.dynamicTest(
        CAPTURES.relativize(file).toString(), () -> {
          byte[] wire = read(file);
          DhcpMessage m = DhcpMessageDecoder.decode(wire);
          byte[] again = DhcpMessageEncoder.toBytes(m);
          assertThat(DhcpMessageDecoder.decode(again)).isEqualTo(m);
          assertThat(Arrays.copyOfRange(again, 0, 236)).as("header")
              .isEqualTo(Arrays.copyOfRange(wire, 0, 236));
          int end = optionsEnd(wire);
          assertThat(Arrays.copyOfRange(again, 0, end)).as("options up to the end option")
              .isEqualTo(Arrays.copyOfRange(wire, 0, end));
          for (DhcpOption option : m.options()) {
            assertThat(DhcpOptionType.describe(option)).doesNotContain("malformed");
          }
        }));
  }

  @Test
  void seabiosIpxeRomDiscover() throws IOException {
    DhcpMessage m = decode("seabios-ipxe-rom/001-client-DISCOVER.hex");
    assertThat(m.messageType()).isEqualTo(DhcpMessageType.DISCOVER);
    VendorClass vendor = m.option(DhcpOptionType.VENDOR_CLASS_IDENTIFIER).orElseThrow();
    assertThat(vendor.text()).isEqualTo("PXEClient:Arch:00000:UNDI:002001");
    assertThat(vendor.isPxeClient()).isTrue();
    assertThat(vendor.architecture()).contains(ClientArchitecture.X86_BIOS);
    assertThat(vendor.undiMajor()).isEqualTo(2);
    assertThat(vendor.undiMinor()).isEqualTo(1);
    assertThat(m.option(DhcpOptionType.CLIENT_SYSTEM_ARCHITECTURE))
        .contains(List.of(ClientArchitecture.X86_BIOS));
    assertThat(m.option(DhcpOptionType.CLIENT_NETWORK_INTERFACE))
        .contains(ClientNetworkInterface.undi(2, 1));
    assertThat(m.option(DhcpOptionType.CLIENT_MACHINE_IDENTIFIER).orElseThrow().uuid())
        .as("the GUID QEMU was given with -uuid")
        .contains(UUID.fromString("4e657462-6f6f-7401-8000-52540077000a"));
    UserClass userClass = m.option(DhcpOptionType.USER_CLASS).orElseThrow();
    assertThat(userClass.isRfc3004()).isFalse();
    assertThat(userClass.contains(UserClass.IPXE)).isTrue();
    IpxeOptions ipxe = m.option(DhcpOptionType.IPXE_ENCAPSULATED).orElseThrow();
    assertThat(ipxe.features()).contains(IpxeOptionCode.FEATURE_HTTP, IpxeOptionCode.FEATURE_PXE,
        IpxeOptionCode.FEATURE_BZIMAGE, IpxeOptionCode.FEATURE_TFTP)
        .doesNotContain(IpxeOptionCode.FEATURE_HTTPS, IpxeOptionCode.FEATURE_EFI);
    assertThat(ipxe.version()).contains("1.0.0");
    assertThat(ipxe.get(IpxeOptionCode.BUS_ID).orElseThrow().value())
        .containsExactly(1, 0x80, 0x86, 0x10, 0x0e); // PCI 8086:100e, QEMU's e1000
    assertThat(m.option(DhcpOptionType.MAXIMUM_MESSAGE_SIZE)).contains(1472);
    assertThat(m.option(DhcpOptionType.PARAMETER_REQUEST_LIST).orElseThrow())
        .contains(DhcpOptionCode.VENDOR_SPECIFIC, DhcpOptionCode.IPXE_ENCAPSULATED);
    assertThat(m.hardwareAddressText()).isEqualTo("52:54:00:77:00:0a");
  }

  @Test
  void ovmfEdk2PxeDiscover() throws IOException {
    DhcpMessage m = decode("ovmf-edk2-pxe/001-client-DISCOVER.hex");
    VendorClass vendor = m.option(DhcpOptionType.VENDOR_CLASS_IDENTIFIER).orElseThrow();
    assertThat(vendor.text()).isEqualTo("PXEClient:Arch:00007:UNDI:003000");
    assertThat(vendor.architecture()).contains(ClientArchitecture.X64_UEFI);
    assertThat(m.option(DhcpOptionType.CLIENT_SYSTEM_ARCHITECTURE))
        .contains(List.of(ClientArchitecture.X64_UEFI));
    assertThat(m.option(DhcpOptionType.CLIENT_NETWORK_INTERFACE))
        .contains(ClientNetworkInterface.undi(3, 0));
    assertThat(m.option(DhcpOptionType.CLIENT_MACHINE_IDENTIFIER).orElseThrow().uuid())
        .contains(UUID.fromString("4e657462-6f6f-7402-8000-52540077000b"));
    assertThat(m.options().contains(DhcpOptionCode.USER_CLASS)).isFalse();
    assertThat(m.options().contains(DhcpOptionCode.IPXE_ENCAPSULATED)).isFalse();
  }

  @Test
  void chainloadedIpxeSendsABarePxeClientAndNamesItsArchitectureIn93() throws IOException {
    DhcpMessage m = decode("undionly-ipxe/001-client-DISCOVER.hex");
    VendorClass vendor = m.option(DhcpOptionType.VENDOR_CLASS_IDENTIFIER).orElseThrow();
    assertThat(vendor.text()).isEqualTo("PXEClient");
    assertThat(vendor.architecture()).isEmpty();
    assertThat(m.option(DhcpOptionType.CLIENT_SYSTEM_ARCHITECTURE))
        .contains(List.of(ClientArchitecture.X86_BIOS));
    assertThat(m.option(DhcpOptionType.USER_CLASS).orElseThrow().contains("iPXE")).isTrue();
    assertThat(m.options().contains(DhcpOptionCode.IPXE_ENCAPSULATED)).isTrue();
  }

  @Test
  void bootServerAckFromDnsmasqCarriesTheBootItemAndNextServer() throws IOException {
    DhcpMessage m = decode("seabios-ipxe-rom/007-server-ACK.hex");
    assertThat(m.op()).isEqualTo(DhcpOp.BOOTREPLY);
    assertThat(m.messageType()).isEqualTo(DhcpMessageType.ACK);
    assertThat(m.bootFileName()).isEqualTo("undionly.kpxe");
    assertThat(m.serverAddress().getHostAddress()).isEqualTo("10.77.0.2");
    assertThat(m.option(DhcpOptionType.VENDOR_SPECIFIC).orElseThrow())
        .containsExactly(0x47, 0x04, 0x80, 0x00, 0x00, 0x00, 0xff);
  }

  @Test
  void plainClientsAreNotPxeClients() throws IOException {
    DhcpMessage udhcpc = decode("udhcpc/001-client-DISCOVER.hex");
    assertThat(udhcpc.option(DhcpOptionType.VENDOR_CLASS_IDENTIFIER).orElseThrow().isPxeClient())
        .isFalse();
    assertThat(udhcpc.option(DhcpOptionType.MAXIMUM_MESSAGE_SIZE)).contains(576);
    assertThat(udhcpc.options().contains(DhcpOptionCode.CLIENT_SYSTEM_ARCHITECTURE)).isFalse();
    DhcpMessage dhclient = decode("dhclient/001-client-DISCOVER.hex");
    assertThat(dhclient.options().contains(DhcpOptionCode.VENDOR_CLASS_IDENTIFIER)).isFalse();
    assertThat(dhclient.option(DhcpOptionType.PARAMETER_REQUEST_LIST).orElseThrow()).hasSize(13);
  }

  private static DhcpMessage decode(String name) throws IOException {
    return DhcpMessageDecoder.decode(read(CAPTURES.resolve(name)));
  }

  private static byte[] read(Path file) {
    try {
      return HexFormat.of().parseHex(Files.readString(file).strip());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns the offset just past the end option of the options field (or the packet's end). */
  private static int optionsEnd(byte[] wire) {
    int i = DhcpMessageDecoder.OPTIONS_OFFSET;
    while (i < wire.length) {
      int code = wire[i] & 0xFF;
      if (code == 255) {
        return i + 1;
      }
      i += code == 0 ? 1 : 2 + (wire[i + 1] & 0xFF);
    }
    return wire.length;
  }

  private static List<Path> captureFiles() throws IOException {
    try (Stream<Path> files = Files.walk(CAPTURES)) {
      return files.filter(p -> p.toString().endsWith(".hex")).sorted().collect(Collectors.toList());
    }
  }
}
