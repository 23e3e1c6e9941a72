package dev.netboot.cli.dhcp;

import dev.netboot.cli.HexBytes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * A DHCP packet embedded in the command for {@code netboot dhcp decode --sample NAME}: a real
 * capture, copied from netboot-dhcp's test captures (see {@code samples/README.md} beside the
 * files for where each one comes from).
 *
 * @param name what {@code --sample} takes, also the resource's base name
 * @param description one line for {@code --help}
 */
public record DhcpSample(String name, String description) {
  /** The embedded samples, in the order a PXE boot sends them. */
  public static final List<DhcpSample> ALL =
      List.of(
          new DhcpSample(
              "pxe-bios-discover",
              "DISCOVER from QEMU's SeaBIOS PXE ROM (iPXE), e1000 NIC"),
          new DhcpSample(
              "proxydhcp-offer",
              "dnsmasq ProxyDHCP OFFER to that ROM, PXE menu in option 43"),
          new DhcpSample(
              "pxe-boot-ack",
              "dnsmasq boot server ACK (port 4011) naming undionly.kpxe"),
          new DhcpSample(
              "pxe-uefi-discover",
              "DISCOVER from OVMF's own (edk2) UEFI x64 PXE client"));

  /** Returns the sample with this name. */
  public static Optional<DhcpSample> named(String name) {
    return ALL.stream().filter(s -> s.name.equals(name)).findFirst();
  }

  /** The sample names, as picocli's completion candidates for {@code --sample}. */
  public static final class Names implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return ALL.stream().map(DhcpSample::name).iterator();
    }
  }

  /** Returns the packet's bytes. */
  public byte[] bytes() {
    String resource = "/dev/netboot/cli/samples/" + name + ".hex";
    try (InputStream in = DhcpSample.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("sample " + resource + " is missing from the build");
      }
      return HexBytes.parse(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
