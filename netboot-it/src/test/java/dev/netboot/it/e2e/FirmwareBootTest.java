package dev.netboot.it.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netboot.it.PeerProcess;
import dev.netboot.it.e2e.QemuGuest.Console;
import dev.netboot.it.e2e.QemuGuest.Firmware;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Real firmware boots a kernel and initramfs from {@code netboot} (the jar, as a user runs it):
 * QEMU guests in network namespaces, ProxyDHCP beside a dnsmasq that only hands out addresses,
 * and once in full-DHCP mode alone. A boot passes only when the initramfs's marker and the
 * command line netboot was given appear on the guest's serial console, and only by the way it
 * names: netboot's report of the files it served ({@link ServedFiles}) must show that chain's
 * loaders, script, kernel and initrd, complete and at their real sizes.
 *
 * <p>netboot serves DHCP with {@code --interface br0} (Linux: a socket bound to the device), as
 * on a real multi-homed boot server. {@code --address} alone is checked by
 * {@link ServerAddressDhcpTest} without a guest.
 *
 * <p>Each boot takes 30-60 s under TCG (iPXE alone waits about 16 s for IPv6 autoconfiguration);
 * they run one after another, each in fresh namespaces. Logs (serial console, netboot, dnsmasq,
 * QEMU, and the commands that started them) stay under {@code target/e2e/<test>/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
// A safety net only: every wait below has its own, shorter limit.
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class FirmwareBootTest {
  private static final Logger log = LoggerFactory.getLogger(FirmwareBootTest.class);
  /** What the initramfs's /init prints first (see e2e/build-initramfs.sh). */
  static final String MARKER = "NETBOOT-E2E-MARKER";
  /** What it prints before /proc/cmdline. */
  static final String CMDLINE_PREFIX = "cmdline: ";
  private static final int HTTP_PORT = 8080;
  private static final Duration SERVER_START_TIMEOUT = Duration.ofSeconds(60);
  private static final Path LOGS = Path.of("target", "e2e").toAbsolutePath();

  private static Path initrd;

  @BeforeAll
  static void buildInitramfs() throws Exception {
    BootPeers.requireCommon();
    Files.createDirectories(LOGS);
    initrd = LOGS.resolve("initrd.gz");
    PeerProcess.Result built = PeerProcess.run(Duration.ofSeconds(120), LOGS, "bash",
        BootPeers.INITRAMFS_SCRIPT.toString(), initrd.toString(),
        BootPeers.BUSYBOX_STATIC.toString());
    if (built.exitCode() != 0) {
      throw new IllegalStateException("build-initramfs.sh: " + built.describe());
    }
  }

  /** (a) SeaBIOS and QEMU's iPXE ROM, undionly.kpxe over TFTP, then iPXE over HTTP. */
  @Test
  @Order(2)
  void biosChainloadsUndionlyAndBootsOverHttp() throws Exception {
    Booted booted = bootThroughNetboot("a-bios-ipxe-proxy", Firmware.BIOS, true, List.of());
    booted.served().completed("TFTP", "undionly.kpxe", sizeOf(BootPeers.UNDIONLY));
    assertKernelOverHttp(booted, true);
  }

  /** (b) SeaBIOS, lpxelinux.0 and its config from netboot, kernel and initrd over HTTP. */
  @Test
  @Order(3)
  void biosBootsThroughLpxelinux() throws Exception {
    BootPeers.requireFile(BootPeers.LPXELINUX, "Debian package pxelinux");
    BootPeers.requireFile(BootPeers.LDLINUX, "Debian package syslinux-common");
    Booted booted = bootThroughNetboot("b-bios-pxelinux-proxy", Firmware.BIOS, true,
        List.of("--loader", "pxelinux"));
    booted.served()
        .completed("TFTP", "lpxelinux.0", sizeOf(BootPeers.LPXELINUX))
        .completed("TFTP", "ldlinux.c32", sizeOf(BootPeers.LDLINUX))
        // lpxelinux asks for pxelinux.cfg/01-<mac> first; netboot generates that one.
        .completed(null, "pxelinux.cfg/01-" + booted.mac().replace(':', '-'), -1);
    assertKernelOverHttp(booted, false);
  }

  /** (c) OVMF with edk2's own PXE client, ipxe.efi over TFTP, then iPXE over HTTP. */
  @Test
  @Order(4)
  void uefiChainloadsIpxeEfiAndBootsOverHttp() throws Exception {
    BootPeers.requireFile(BootPeers.OVMF, "Debian package ovmf");
    Booted booted = bootThroughNetboot("c-uefi-ipxe-proxy", Firmware.UEFI, true, List.of());
    booted.served().completed("TFTP", "ipxe.efi", sizeOf(BootPeers.IPXE_EFI));
    assertKernelOverHttp(booted, true);
  }

  /** (d) as (a), but netboot is the only DHCP server on the segment and hands out the address. */
  @Test
  @Order(5)
  void biosBootsWithNetbootAsTheOnlyDhcpServer() throws Exception {
    Booted booted = bootThroughNetboot("d-bios-ipxe-full", Firmware.BIOS, false, List.of(
        "--dhcp", "full", "--pool", BootLab.POOL_FIRST + "-" + BootLab.POOL_LAST,
        "--netmask", BootLab.NETMASK));
    booted.served().completed("TFTP", "undionly.kpxe", sizeOf(BootPeers.UNDIONLY));
    assertKernelOverHttp(booted, true);
    // No dnsmasq here: iPXE's address can only come from netboot's pool.
    assertThat(booted.console().console())
        .as("iPXE's address, from netboot's pool")
        .containsPattern("net0: 10\\.203\\.0\\.(1[0-4][0-9]|150)/255\\.255\\.255\\.0");
  }

  /**
   * The control: the same lab, guest, kernel and initramfs booted by dnsmasq's own PXE and TFTP
   * with lpxelinux, no netboot. When this fails, the machine is at fault, not netboot; it runs
   * first for that reason.
   */
  @Test
  @Order(1)
  void labBootsWithDnsmasqAloneAsReference() throws Exception {
    BootPeers.requireFile(BootPeers.LPXELINUX, "Debian package pxelinux");
    BootPeers.requireFile(BootPeers.LDLINUX, "Debian package syslinux-common");
    String cmdline = newCmdline();
    try (BootLab lab = BootLab.create(freshLogs("reference-dnsmasq-pxelinux"))) {
      Path tftp = Files.createDirectories(lab.logs().resolve("tftp"));
      Files.copy(BootPeers.LPXELINUX, tftp.resolve("lpxelinux.0"));
      Files.copy(BootPeers.LDLINUX, tftp.resolve("ldlinux.c32"));
      Files.copy(BootPeers.KERNEL, tftp.resolve("vmlinuz"));
      Files.copy(initrd, tftp.resolve("initrd.gz"));
      Files.createDirectories(tftp.resolve("pxelinux.cfg"));
      Files.writeString(tftp.resolve("pxelinux.cfg/default"), String.join("\n",
          "DEFAULT linux", "LABEL linux", "  KERNEL vmlinuz", "  INITRD initrd.gz",
          "  APPEND " + cmdline, ""));
      AddressOnlyDnsmasq.withPxe(lab, tftp, "lpxelinux.0");
      String mac = QemuGuest.randomMac();
      Console console = QemuGuest.boot(lab, Firmware.BIOS, mac, List.of(MARKER, CMDLINE_PREFIX));
      assertBooted(console, cmdline, lab);
    }
  }

  /**
   * What one boot through netboot left behind.
   *
   * @param mac the guest's MAC
   * @param console its serial console
   * @param served what netboot reported serving
   */
  private record Booted(String mac, Console console, ServedFiles served) {}

  private static Booted bootThroughNetboot(String name, Firmware firmware, boolean proxy,
      List<String> flags) throws Exception {
    Path jar = BootPeers.netbootJar();
    String cmdline = newCmdline();
    try (BootLab lab = BootLab.create(freshLogs(name))) {
      if (proxy) {
        AddressOnlyDnsmasq.start(lab);
      }
      List<String> command = new ArrayList<>(List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
          "-jar", jar.toString(), "boot", BootPeers.KERNEL.toString(), initrd.toString(),
          "--cmdline", cmdline, "--interface", BootLab.BRIDGE,
          "--http-port", Integer.toString(HTTP_PORT), "--ipxe-dir",
          BootPeers.IPXE_DIR.toString()));
      command.addAll(flags);
      PeerProcess netboot = lab.startInServerNs("netboot", command);
      lab.awaitListening(netboot, "udp", 67, SERVER_START_TIMEOUT);
      lab.awaitListening(netboot, "udp", 69, SERVER_START_TIMEOUT);
      lab.awaitListening(netboot, "tcp", HTTP_PORT, SERVER_START_TIMEOUT);
      String mac = QemuGuest.randomMac();
      Console console = QemuGuest.boot(lab, firmware, mac, List.of(MARKER, CMDLINE_PREFIX));
      assertBooted(console, cmdline, lab);
      assertThat(netboot.isAlive()).as("netboot still runs after the boot").isTrue();
      log.info("{}: {} {} booted in {} s", name, firmware, mac,
          console.duration().toMillis() / 1000.0);
      return new Booted(mac, console, ServedFiles.parse(netboot.output()));
    }
  }

  /** Asserts that the kernel and initrd went over HTTP, after iPXE's script when {@code ipxe}. */
  private static void assertKernelOverHttp(Booted booted, boolean ipxe) throws IOException {
    if (ipxe) {
      booted.served().completed("HTTP", "/boot.ipxe", -1);
    }
    booted.served()
        .completed("HTTP", "/vmlinuz", sizeOf(BootPeers.KERNEL))
        .completed("HTTP", "/initrd.gz", sizeOf(initrd));
  }

  private static long sizeOf(Path file) throws IOException {
    return Files.size(file);
  }

  /**
   * Asserts that the initramfs ran (its marker) and that the command line it read from
   * /proc/cmdline holds {@code cmdline}: loaders may add their own words (pxelinux's
   * {@code BOOT_IMAGE=}, ipxe.efi's {@code initrd=}), never drop or change netboot's.
   */
  private static void assertBooted(Console console, String cmdline, BootLab lab) {
    String text = console.console();
    assertThat(text).as("serial console (logs in %s)", lab.logs()).contains(MARKER);
    List<String> lines = text.lines()
        .map(line -> line.replace("\r", ""))
        .filter(line -> line.contains(CMDLINE_PREFIX))
        .toList();
    assertThat(lines).as("/proc/cmdline as /init printed it (logs in %s)", lab.logs())
        .singleElement().asString().contains(cmdline);
  }

  /** A command line with a random word, so that no earlier boot's console can satisfy a test. */
  private static String newCmdline() {
    long word = new SplittableRandom().nextLong();
    return "console=ttyS0 quiet netboot.e2e=" + Long.toHexString(word);
  }

  private static Path freshLogs(String name) throws IOException {
    Path dir = LOGS.resolve(name);
    if (Files.exists(dir)) {
      try (Stream<Path> old = Files.walk(dir)) {
        for (Path p : old.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    return Files.createDirectories(dir);
  }
}
