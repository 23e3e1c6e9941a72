package dev.netboot.server.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulatedMachineTest {
  @Test
  void aBiosRomFollowsTheMenuToTheBootServerThenChainsIpxeToTheKernel() throws Exception {
    List<BootStep> live = new ArrayList<>();
    try (LoopbackPxeServer server = new LoopbackPxeServer(false, true)) {
      BootTrace trace = server.machine("52:54:00:12:34:56", Firmware.BIOS_PXE_ROM)
          .listener(live::add).build().boot();

      assertThat(trace.failure()).isEmpty();
      assertThat(names(trace)).containsExactly("DHCP", "PXE boot server", "TFTP", "DHCP",
          "ProxyDHCP", "HTTP script", "HTTP kernel", "HTTP initrd");
      assertThat(trace.steps().get(0).detail()).contains("BIOS PXE ROM", "PXE menu of 1 item");
      assertThat(trace.steps().get(1).detail()).contains("file undionly.kpxe");
      assertThat(trace.steps("TFTP").get(0).bytes()).isEqualTo(LoopbackPxeServer.UNDIONLY.length);
      assertThat(trace.steps("TFTP").get(0).detail()).contains("blksize 1432");
      assertThat(trace.steps().get(3).detail()).contains("iPXE (undionly.kpxe)",
          "file http://127.0.0.1:", "boot.ipxe?mac=52-54-00-12-34-56&arch=0");
      assertThat(trace.steps("HTTP kernel").get(0).bytes())
          .isEqualTo(LoopbackPxeServer.KERNEL.length);
      assertThat(trace.steps("HTTP initrd").get(0).bytes())
          .isEqualTo(LoopbackPxeServer.INITRD.length);
      assertThat(live).isEqualTo(trace.steps());
      assertThat(trace.mac()).isEqualTo("52:54:00:12:34:56");
    }
  }

  @Test
  void uefiFollowsTheBinlOfferProbesTheSizeAndAsksForWindows() throws Exception {
    try (LoopbackPxeServer server = new LoopbackPxeServer(false, true)) {
      BootTrace trace = server.machine("52:54:00:00:00:07", Firmware.UEFI_PXE).build().boot();

      assertThat(trace.failure()).isEmpty();
      assertThat(names(trace)).containsExactly("DHCP", "BINL", "TFTP", "TFTP", "DHCP",
          "ProxyDHCP", "HTTP script", "HTTP kernel", "HTTP initrd");
      assertThat(trace.steps().get(1).detail()).contains("file ipxe.efi");
      assertThat(trace.steps("TFTP").get(0).detail())
          .contains("tsize of ipxe.efi = " + LoopbackPxeServer.IPXE_EFI.length);
      assertThat(trace.steps("TFTP").get(1).detail()).contains("blksize 1468, windowsize 4");
      assertThat(trace.steps("TFTP").get(1).bytes()).isEqualTo(LoopbackPxeServer.IPXE_EFI.length);
      assertThat(trace.steps().get(4).detail()).contains("iPXE (ipxe.efi)", "arch=7");
    }
  }

  @Test
  void anIpxeRomGoesStraightToTheScript() throws Exception {
    try (LoopbackPxeServer server = new LoopbackPxeServer(false, true)) {
      BootTrace trace = server.machine("52:54:00:00:00:01", Firmware.IPXE_ROM).build().boot();

      assertThat(trace.failure()).isEmpty();
      assertThat(names(trace)).containsExactly("DHCP", "ProxyDHCP", "HTTP script", "HTTP kernel",
          "HTTP initrd");
    }
  }

  @Test
  void anIpxeRomIsReplacedOnceWhenTheServerSaysSo() throws Exception {
    try (LoopbackPxeServer server = new LoopbackPxeServer(true, true, false, false)) {
      BootTrace trace = server.machine("52:54:00:00:00:02", Firmware.IPXE_ROM)
          .timeout(Duration.ofMillis(200)).attempts(2).build().boot();

      assertThat(trace.failure()).isEmpty();
      assertThat(names(trace)).containsExactly("DHCP", "TFTP", "DHCP", "HTTP script",
          "HTTP kernel", "HTTP initrd");
      assertThat(trace.steps().get(1).detail()).startsWith("undionly.kpxe");
    }
  }

  @Test
  void anIpxeRomGetsTheSameBinaryFromTheOfferAndTheBootServer() throws Exception {
    // As iPXE does, the ROM follows the ProxyDHCPOFFER up on 4011 in the same exchange: that
    // ACK must name the same binary (the ROM loads what the ACK says), and only the chainloaded
    // iPXE, in an exchange of its own, gets the script.
    try (LoopbackPxeServer server = new LoopbackPxeServer(true, true)) {
      BootTrace trace = server.machine("52:54:00:00:00:06", Firmware.IPXE_ROM).build().boot();

      assertThat(trace.failure()).isEmpty();
      assertThat(names(trace)).containsExactly("DHCP", "ProxyDHCP", "TFTP", "DHCP", "ProxyDHCP",
          "HTTP script", "HTTP kernel", "HTTP initrd");
      assertThat(trace.steps().get(0).detail()).contains("file undionly.kpxe");
      assertThat(trace.steps().get(1).detail()).contains("file undionly.kpxe");
      assertThat(trace.steps().get(4).detail()).contains("file http://127.0.0.1:");
    }
  }

  @Test
  void aServerThatForgetsWhatItChainloadedIsCaughtInALoop() throws Exception {
    // The boot server remembers the binary it served, port 67 does not: iPXE gets iPXE again.
    try (LoopbackPxeServer server = new LoopbackPxeServer(true, false, false, false)) {
      BootTrace trace = server.machine("52:54:00:00:00:03", Firmware.BIOS_PXE_ROM)
          .timeout(Duration.ofMillis(200)).attempts(2).build().boot();

      assertThat(trace.succeeded()).isFalse();
      assertThat(trace.failure()).hasValueSatisfying(f -> assertThat(f)
          .contains("chainload loop", "undionly.kpxe"));
    }
  }

  @Test
  void pxelinuxLoadsLdlinuxSearchesItsConfigAndLoadsTheDefaultLabel() throws Exception {
    try (LoopbackPxeServer server = LoopbackPxeServer.pxelinux()) {
      BootTrace trace = server.machine("52:54:00:00:00:08", Firmware.BIOS_PXE_ROM).build().boot();

      assertThat(trace.failure()).isEmpty();
      assertThat(names(trace)).containsExactly("DHCP", "PXE boot server", "TFTP", "TFTP", "TFTP",
          "HTTP kernel", "HTTP initrd");
      assertThat(trace.steps().get(2).detail()).startsWith("boot/lpxelinux.0");
      assertThat(trace.steps().get(3).detail()).startsWith("boot/ldlinux.c32");
      assertThat(trace.steps().get(3).bytes()).isEqualTo(LoopbackPxeServer.LDLINUX.length);
      // 01-<mac>, eight shortened hex addresses, then default: ten files were not there.
      assertThat(trace.steps().get(4).detail())
          .startsWith("boot/pxelinux.cfg/default after ").doesNotContain("after 0 ");
      assertThat(trace.steps("HTTP initrd").get(0).bytes())
          .isEqualTo(LoopbackPxeServer.INITRD.length);
    }
  }

  @Test
  void aMissingKernelFailsTheBootWithTheStatus() throws Exception {
    try (LoopbackPxeServer server = new LoopbackPxeServer(false, true)) {
      server.removeHttpFile("/kernel");
      BootTrace trace = server.machine("52:54:00:00:00:04", Firmware.IPXE_ROM).build().boot();

      assertThat(trace.failure()).hasValueSatisfying(f -> assertThat(f)
          .contains("/kernel", "HTTP 404"));
      assertThat(names(trace)).endsWith("HTTP script");
    }
  }

  @Test
  void aSilentServerEndsTheBootWithinTheBoundedWait() throws Exception {
    try (DatagramSocket silent = new DatagramSocket(
        new InetSocketAddress(LoopbackPxeServer.LOOPBACK, 0))) {
      BootTrace trace = SimulatedMachine.builder("52:54:00:00:00:05")
          .server(LoopbackPxeServer.LOOPBACK).dhcpPort(silent.getLocalPort())
          .timeout(Duration.ofMillis(100)).attempts(2).build().boot();

      assertThat(trace.failure()).hasValueSatisfying(f -> assertThat(f)
          .contains("no DHCPOFFER"));
      assertThat(trace.steps()).isEmpty();
      assertThat(trace.duration()).isLessThan(Duration.ofSeconds(2));
    }
  }

  @Test
  void misuseIsRefusedWithTheExpectation() {
    assertThatThrownBy(() -> SimulatedMachine.builder("52:54:00"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(expected:");
    assertThatThrownBy(() -> SimulatedMachine.builder("52:54:00:00:00:05").attempts(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(expected: 1-10)");
    assertThatThrownBy(() -> SimulatedMachine.builder("52:54:00:00:00:05").build())
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void ipxeBinariesAreRecognisedByName() {
    assertThat(SimulatedMachine.isIpxeBinary("undionly.kpxe")).isTrue();
    assertThat(SimulatedMachine.isIpxeBinary("x86_64/ipxe.efi")).isTrue();
    assertThat(SimulatedMachine.isIpxeBinary("snp.efi")).isTrue();
    assertThat(SimulatedMachine.isIpxeBinary("lpxelinux.0")).isFalse();
    assertThat(SimulatedMachine.isIpxeBinary("bootx64.efi")).isFalse();
  }

  private static List<String> names(BootTrace trace) {
    return trace.steps().stream().map(BootStep::name).toList();
  }
}
