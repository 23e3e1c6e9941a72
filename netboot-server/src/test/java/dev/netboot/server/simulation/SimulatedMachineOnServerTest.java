package dev.netboot.server.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netboot.pxe.BootDecision;
import dev.netboot.server.DhcpMode;
import dev.netboot.server.Loader;
import dev.netboot.server.NetbootServer;
import dev.netboot.server.lease.AddressPool;
import dev.netboot.tftp.files.InMemoryFileSource;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Simulated machines against the real {@link NetbootServer} on loopback. */
class SimulatedMachineOnServerTest {
  @TempDir Path dir;

  @Test
  void fullDhcpLeasesAnAddressAtEachStageAndBoots() throws Exception {
    Inet4Address loopback = (Inet4Address) InetAddress.getByName("127.0.0.1");
    AtomicReference<BootDecision> decision = new AtomicReference<>(BootDecision.ignore());
    AddressPool pool = AddressPool.builder((Inet4Address) InetAddress.getByName("127.0.0.100"),
            (Inet4Address) InetAddress.getByName("127.0.0.110"))
        .subnetMask((Inet4Address) InetAddress.getByName("255.255.255.0")).build();
    try (NetbootServer server = loopbackServer(loopback, decision)
        .dhcpMode(DhcpMode.FULL).addressPool(pool).build()) {
      decision.set(BootDecision.linux(server.files().register("vmlinuz", new byte[30_000],
          "application/octet-stream"), List.of(), "console=ttyS0"));
      server.start();
      BootTrace trace = machine(server, loopback, "52:54:00:f0:00:01", Firmware.UEFI_PXE);

      assertThat(trace.failure()).isEmpty();
      assertThat(trace.steps().get(0).detail()).contains("DISCOVER -> OFFER: address 127.0.0.1");
      assertThat(trace.steps().get(1).detail()).containsPattern("REQUEST 127\\.0\\.0\\.1\\d\\d"
          + " -> ACK: address 127\\.0\\.0\\.1\\d\\d");
      assertThat(trace.steps("HTTP kernel")).hasSize(1);
    }
  }

  @Test
  void pxelinuxReadsTheConfigTheServerGenerates() throws Exception {
    Inet4Address loopback = (Inet4Address) InetAddress.getByName("127.0.0.1");
    Files.write(dir.resolve("lpxelinux.0"), new byte[40_000]);
    Files.write(dir.resolve("ldlinux.c32"), new byte[120_000]);
    AtomicReference<BootDecision> decision = new AtomicReference<>(BootDecision.ignore());
    try (NetbootServer server = loopbackServer(loopback, decision)
        .loader(Loader.PXELINUX).pxelinuxDirectory(dir).build()) {
      decision.set(BootDecision.linux(
          server.files().register("vmlinuz", new byte[30_000], "application/octet-stream"),
          List.of(server.files().register("initrd.img", new byte[20_000],
              "application/octet-stream")), "console=ttyS0"));
      server.start();
      BootTrace trace = machine(server, loopback, "52:54:00:f0:00:02", Firmware.BIOS_PXE_ROM);

      assertThat(trace.failure()).isEmpty();
      assertThat(trace.steps("TFTP").get(0).detail()).startsWith("lpxelinux.0");
      assertThat(trace.steps("TFTP").get(1).bytes()).isEqualTo(120_000);
      assertThat(trace.steps("HTTP kernel").get(0).bytes()).isEqualTo(30_000);
      assertThat(trace.steps("HTTP initrd").get(0).bytes()).isEqualTo(20_000);
    }
  }

  private static NetbootServer.Builder loopbackServer(Inet4Address loopback,
      AtomicReference<BootDecision> decision) {
    return NetbootServer.builder().address(loopback).dhcpPort(0).bootServerPort(0).tftpPort(0)
        .httpPort(0).policy(client -> decision.get())
        .tftpFiles(InMemoryFileSource.builder().add("undionly.kpxe", new byte[50_000])
            .add("ipxe.efi", new byte[60_000]).build());
  }

  private static BootTrace machine(NetbootServer server, Inet4Address loopback, String mac,
      Firmware firmware) {
    return SimulatedMachine.builder(mac).firmware(firmware).server(loopback)
        .dhcpPort(server.dhcpPort()).bootServerPort(server.bootServerPort())
        .tftpPort(server.tftpPort()).build().boot();
  }
}
