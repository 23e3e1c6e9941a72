package dev.netboot.cli.server;

import static dev.netboot.cli.CommandRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.netboot.cli.CommandRun;
import dev.netboot.server.simulation.BootTrace;
import dev.netboot.server.simulation.Firmware;
import dev.netboot.server.simulation.SimulatedMachine;
import java.io.IOException;
import java.net.BindException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BootCommandTest {
  @TempDir Path dir;

  @Test
  void servesTheKernelToAMachineUntilInterrupted() throws Exception {
    Path kernel = write("vmlinuz", 70_000);
    Path initrd = write("initrd.img", 50_000);
    Path ipxe = Files.createDirectory(dir.resolve("ipxe"));
    Files.write(ipxe.resolve("undionly.kpxe"), new byte[90_000]);
    try (RunningCommand cmd = new RunningCommand("boot", kernel.toString(), initrd.toString(),
        "--cmdline", "console=ttyS0 quiet", "--address", "127.0.0.1", "--ipxe-dir",
        ipxe.toString(), "--dhcp-port", "0", "--boot-server-port", "0", "--tftp-port", "0",
        "--http-port", "0")) {
      int[] ports = cmd.ports();
      BootTrace trace = SimulatedMachine.builder("52:54:00:aa:00:01")
          .firmware(Firmware.BIOS_PXE_ROM).server(loopback())
          .dhcpPort(ports[0]).bootServerPort(ports[1]).tftpPort(ports[2]).build().boot();

      assertThat(trace.failure()).isEmpty();
      assertThat(trace.steps("TFTP").get(0).bytes()).isEqualTo(90_000);
      assertThat(trace.steps("HTTP kernel").get(0).bytes()).isEqualTo(70_000);
      assertThat(trace.steps("HTTP initrd").get(0).bytes()).isEqualTo(50_000);
      assertThat(cmd.stop()).isZero();
      assertThat(cmd.out())
          .contains("Serving kernel vmlinuz with 1 initrd(s)")
          .contains("52:54:00:aa:00:01 boots linux /f/")
          .contains("\"console=ttyS0 quiet\"")
          .endsWith("Stopped.\n");
      assertThat(cmd.err()).isEmpty();
    }
  }

  @Test
  void pxelinuxComesFromTwoDirectoriesAsDebianSplitsThem() throws Exception {
    Path kernel = write("vmlinuz", 30_000);
    Path pxelinux = Files.createDirectory(dir.resolve("PXELINUX"));
    Path modules = Files.createDirectory(dir.resolve("bios"));
    Files.write(pxelinux.resolve("lpxelinux.0"), new byte[40_000]);
    Files.write(modules.resolve("ldlinux.c32"), new byte[110_000]);
    Path ipxe = Files.createDirectory(dir.resolve("ipxe"));
    try (RunningCommand cmd = new RunningCommand("boot", kernel.toString(), "--loader",
        "pxelinux", "--pxelinux-dir", pxelinux + "," + modules, "--address", "127.0.0.1",
        "--ipxe-dir", ipxe.toString(), "--dhcp-port", "0", "--boot-server-port", "0",
        "--tftp-port", "0", "--http-port", "0")) {
      int[] ports = cmd.ports();
      BootTrace trace = SimulatedMachine.builder("52:54:00:aa:00:03")
          .firmware(Firmware.BIOS_PXE_ROM).server(loopback())
          .dhcpPort(ports[0]).bootServerPort(ports[1]).tftpPort(ports[2]).build().boot();

      assertThat(trace.failure()).isEmpty();
      assertThat(trace.steps("TFTP").get(0).detail()).startsWith("lpxelinux.0");
      assertThat(trace.steps("TFTP").get(1).bytes()).isEqualTo(110_000);
      assertThat(trace.steps("HTTP kernel").get(0).bytes()).isEqualTo(30_000);
      assertThat(cmd.stop()).isZero();
    }
  }

  @Test
  void fullDhcpHandsOutAnAddressOfThePool() throws Exception {
    Path kernel = write("vmlinuz", 20_000);
    Path ipxe = Files.createDirectory(dir.resolve("ipxe"));
    Files.write(ipxe.resolve("ipxe.efi"), new byte[30_000]);
    try (RunningCommand cmd = new RunningCommand("boot", kernel.toString(), "--dhcp", "full",
        "--pool", "127.0.0.200-127.0.0.210", "--netmask", "255.255.255.0", "--router",
        "127.0.0.1", "--dns", "127.0.0.1", "--address", "127.0.0.1", "--ipxe-dir",
        ipxe.toString(), "--dhcp-port", "0", "--boot-server-port", "0", "--tftp-port", "0",
        "--http-port", "0")) {
      int[] ports = cmd.ports();
      BootTrace trace = SimulatedMachine.builder("52:54:00:aa:00:04")
          .firmware(Firmware.UEFI_PXE).server(loopback())
          .dhcpPort(ports[0]).bootServerPort(ports[1]).tftpPort(ports[2]).build().boot();

      assertThat(trace.failure()).isEmpty();
      assertThat(trace.steps().get(1).detail())
          .containsPattern("REQUEST 127\\.0\\.0\\.2(0\\d|10) -> ACK");
      assertThat(trace.steps("HTTP kernel").get(0).bytes()).isEqualTo(20_000);
      assertThat(cmd.stop()).isZero();
    }
  }

  @Test
  void aMissingPxelinuxSaysWhichPackages() throws IOException {
    Path empty = Files.createDirectory(dir.resolve("empty"));
    CommandRun r = run("boot", write("k", 1).toString(), "--address", "127.0.0.1",
        "--ipxe-dir", empty.toString(), "--loader", "pxelinux", "--pxelinux-dir",
        empty.toString());

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("netboot: no lpxelinux.0 in " + empty + " (install Debian's"
        + " pxelinux and syslinux-common, or give --pxelinux-dir DIR)\n");
  }

  @Test
  void aMissingFileIsOneLineAndExit1() {
    CommandRun r = run("boot", dir.resolve("nope").toString(), "--address", "127.0.0.1");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("netboot: no such file: " + dir.resolve("nope") + "\n");
  }

  @Test
  void anAddressOfAnotherHostIsRefused() throws IOException {
    CommandRun r = run("boot", write("k", 1).toString(), "--address", "192.0.2.77");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).startsWith("netboot: 192.0.2.77 is not an address of this host"
        + " (expected: one of ").contains("127.0.0.1").doesNotContain("Exception");
  }

  @Test
  void aMissingIpxeDirectorySaysWhichPackage() throws IOException {
    CommandRun r = run("boot", write("k", 1).toString(), "--address", "127.0.0.1",
        "--ipxe-dir", dir.resolve("none").toString());

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("netboot: no iPXE directory " + dir.resolve("none")
        + " (install Debian's ipxe package, or give --ipxe-dir DIR)\n");
  }

  @Test
  void malformedOptionsAreUsageErrors() throws IOException {
    String k = write("k", 1).toString();

    assertThat(run("boot", k, "--dhcp", "half").err())
        .startsWith("netboot: --dhcp: half (expected: proxy or full)");
    assertThat(run("boot", k, "--dhcp", "full").err())
        .startsWith("netboot: --dhcp full needs --pool FIRST-LAST");
    assertThat(run("boot", k, "--dhcp", "full", "--pool", "10.0.0.9").err())
        .startsWith("netboot: --pool: 10.0.0.9 (expected: FIRST-LAST");
    assertThat(run("boot", k, "--address", "fe80::1").err())
        .startsWith("netboot: --address: fe80::1 (expected: an IPv4 address");
    assertThat(run("boot", k, "--loader", "grub").err())
        .startsWith("netboot: --loader: grub (expected: ipxe or pxelinux)");
    assertThat(run("boot", k, "--http-port", "70000").err())
        .startsWith("netboot: --http-port: 70000 (expected: 0-65535");
    assertThat(run("boot", k, "--dhcp", "half").exitCode()).isEqualTo(2);
    assertThat(run("boot").exitCode()).isEqualTo(2);
  }

  @Test
  void aPrivilegedPortExplainsWhatToDo() {
    ServerOptions options = new ServerOptions();

    assertThat(options.startFailure(new BindException("Permission denied")))
        .isEqualTo("cannot listen: Permission denied; ports [67, 69, 80] need root or"
            + " CAP_NET_BIND_SERVICE (sudo, or ports above 1023 to try it out)");
    assertThat(options.startFailure(new BindException("Address already in use")))
        .startsWith("cannot listen: Address already in use (is another DHCP");
  }

  @Test
  void helpListsTheOptions() {
    CommandRun r = run("boot", "--help");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).startsWith("Usage: netboot boot").contains("KERNEL", "[INITRD...]",
        "--cmdline=TEXT", "--interface=NAME", "--address=IP", "--http-port=N",
        "--dhcp=proxy|full", "--pool=FIRST-LAST", "--netmask=MASK", "--router=IP", "--dns=IP",
        "--loader=ipxe|pxelinux", "--ipxe-dir=DIR", "--pxelinux-dir=DIR", "--dhcp-port=N",
        "--boot-server-port=N", "--tftp-port=N", "--dhcp-client-port=N", "/usr/lib/ipxe",
        "/usr/lib/PXELINUX");
    assertThat(run("--help").out()).containsPattern("(?m)^  boot +Boots every");
  }

  private Path write(String name, int size) throws IOException {
    byte[] b = new byte[size];
    for (int i = 0; i < size; i++) {
      b[i] = (byte) (i * 7);
    }
    return Files.write(dir.resolve(name), b);
  }

  static Inet4Address loopback() throws IOException {
    return (Inet4Address) InetAddress.getByName("127.0.0.1");
  }
}
