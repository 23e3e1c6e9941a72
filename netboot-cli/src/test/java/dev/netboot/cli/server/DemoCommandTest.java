package dev.netboot.cli.server;

import static dev.netboot.cli.CommandRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.netboot.cli.CommandRun;
import org.junit.jupiter.api.Test;

class DemoCommandTest {
  @Test
  void aBiosMachineBootsThroughEveryService() {
    CommandRun r = run("demo");

    assertThat(r.err()).isEmpty();
    assertThat(r.exitCode()).isZero();
    assertThat(r.out())
        .containsPattern("Server on 127\\.0\\.0\\.1: DHCP port \\d+, boot server \\d+, TFTP \\d+,"
            + " HTTP \\d+; boots linux /f/[A-Za-z0-9_-]+/vmlinuz")
        .containsPattern("(?m)^  1\\. DHCP BIOS PXE ROM DISCOVER -> OFFER: PXE menu")
        .containsPattern("(?m)^  2\\. PXE boot server .*file undionly\\.kpxe")
        .containsPattern("(?m)^  3\\. TFTP undionly\\.kpxe .*\\(" + DemoCommand.IPXE_SIZE
            + " bytes")
        .containsPattern("(?m)^  4\\. DHCP iPXE \\(undionly\\.kpxe\\) DISCOVER -> OFFER: file"
            + " http://127\\.0\\.0\\.1:\\d+/boot\\.ipxe\\?mac=52-54-00-de-e0-01")
        .containsPattern("HTTP kernel .*/vmlinuz -> HTTP 200 \\(" + DemoCommand.KERNEL_SIZE
            + " bytes")
        .containsPattern("HTTP initrd .*/initrd\\.img -> HTTP 200 \\(" + DemoCommand.INITRD_SIZE
            + " bytes")
        .containsPattern("(?m)^Booted in \\d+ ms: 8 steps");
  }

  @Test
  void aUefiMachineProbesTheSizeAndTakesTheBinlRoute() {
    CommandRun r = run("demo", "--firmware", "uefi", "--mac", "52-54-00-00-00-07");

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("Machine 52-54-00-00-00-07 (UEFI_PXE) boots:")
        .containsPattern("BINL UEFI PXE REQUEST .* file ipxe\\.efi")
        .contains("tsize of ipxe.efi = " + DemoCommand.IPXE_SIZE)
        .contains("blksize 1468, windowsize 4")
        .contains("arch=7");
  }

  @Test
  void badValuesAreUsageErrors() {
    CommandRun firmware = run("demo", "--firmware", "arm");
    CommandRun mac = run("demo", "--mac", "52:54");

    assertThat(firmware.exitCode()).isEqualTo(2);
    assertThat(firmware.err()).startsWith(
        "netboot: --firmware: arm (expected: bios, uefi or ipxe)\n");
    assertThat(mac.exitCode()).isEqualTo(2);
    assertThat(mac.err()).startsWith("netboot: --mac: MAC address: \"52:54\" (expected:");
  }

  @Test
  void helpSaysWhatItDoes() {
    CommandRun r = run("demo", "--help");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).startsWith("Usage: netboot demo").contains("--firmware", "--mac",
        "Needs no root");
    assertThat(run("--help").out()).containsPattern("(?m)^  demo +Boots a simulated machine");
  }
}
