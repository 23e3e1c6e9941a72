package dev.netboot.it.e2e;

import dev.netboot.it.Peers;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the end-to-end boots need from the machine: programs, firmware, loaders, the kernel and
 * netboot's own jar. As with {@link Peers}, anything missing skips the test on a developer's
 * machine and fails it where peers are required (CI); {@code netboot-it/install-peers.sh}
 * installs it all.
 */
final class BootPeers {
  /** Debian's iPXE loaders (package ipxe): undionly.kpxe, ipxe.efi. */
  static final Path IPXE_DIR = Path.of("/usr/lib/ipxe");
  /** iPXE for BIOS PXE ROMs, chainloaded over TFTP. */
  static final Path UNDIONLY = IPXE_DIR.resolve("undionly.kpxe");
  /** iPXE for x86-64 UEFI, chainloaded over TFTP (on Debian a link to /boot/ipxe.efi). */
  static final Path IPXE_EFI = IPXE_DIR.resolve("ipxe.efi");
  /** The HTTP-capable pxelinux (package pxelinux). */
  static final Path LPXELINUX = Path.of("/usr/lib/PXELINUX/lpxelinux.0");
  /** The pxelinux core module it loads next (package syslinux-common). */
  static final Path LDLINUX = Path.of("/usr/lib/syslinux/modules/bios/ldlinux.c32");
  /** OVMF as one image for {@code -bios} (package ovmf). */
  static final Path OVMF = Path.of("/usr/share/ovmf/OVMF.fd");
  /** The Debian kernel install-peers.sh unpacks. */
  static final Path KERNEL = Path.of("/opt/netboot-peers/kernel/vmlinuz");
  /** The static busybox install-peers.sh unpacks, for the guest's initramfs. */
  static final Path BUSYBOX_STATIC = Path.of("/opt/netboot-peers/busybox-static/bin/busybox");
  /** The script that builds the initramfs (relative to netboot-it, surefire's directory). */
  static final Path INITRAMFS_SCRIPT = Path.of("e2e", "build-initramfs.sh").toAbsolutePath();
  /** The system property naming netboot.jar (set by netboot-it's pom). */
  static final String JAR_PROPERTY = "netboot.cli.jar";

  private BootPeers() {}

  /** Skips or fails (see {@link Peers#missing}) unless root, ip and every file above are there. */
  static void requireCommon() {
    Peers.requireRoot();
    Peers.require("ip");
    program("qemu-system-x86_64", "qemu-system-x86");
    requireFile(KERNEL, "a Debian kernel unpacked by netboot-it/install-peers.sh");
    requireFile(BUSYBOX_STATIC, "busybox-static unpacked by netboot-it/install-peers.sh");
    requireFile(INITRAMFS_SCRIPT, "netboot-it/e2e/build-initramfs.sh");
    requireFile(UNDIONLY, "Debian package ipxe");
    requireFile(IPXE_EFI, "Debian package ipxe");
    if (!Files.exists(Path.of("/dev/net/tun"))) {
      Peers.missing("/dev/net/tun is missing: QEMU needs a tap device");
    }
  }

  /** Returns the dnsmasq executable (package dnsmasq-base), or skips or fails. */
  static Path dnsmasq() {
    return program("dnsmasq", "dnsmasq-base");
  }

  /** Returns the netboot.jar the tests run, or skips or fails when it was not built. */
  static Path netbootJar() {
    String property = System.getProperty(JAR_PROPERTY);
    Path jar = property != null
        ? Path.of(property)
        : Path.of("..", "netboot-cli", "target", "netboot.jar").toAbsolutePath().normalize();
    requireFile(jar,
        "netboot.jar (build netboot-cli first: ./mvnw -B package -DskipTests -pl netboot-cli -am)");
    return jar;
  }

  /** Skips or fails unless {@code file} exists; {@code what} says where it comes from. */
  static Path requireFile(Path file, String what) {
    if (!Files.isReadable(file)) {
      Peers.missing(file + " is missing: " + what);
    }
    return file;
  }

  private static Path program(String name, String debianPackage) {
    return Peers.find(name).orElseGet(() -> Peers.missing(name + " is missing; install it"
        + " (Debian package " + debianPackage + "; netboot-it/install-peers.sh installs it)"));
  }
}
