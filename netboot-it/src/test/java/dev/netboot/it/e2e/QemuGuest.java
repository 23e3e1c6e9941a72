package dev.netboot.it.e2e;

import dev.netboot.it.PeerProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A QEMU machine with no disk that boots from the network of a {@link BootLab} with its real
 * firmware, its serial console written to {@code serial.log} in the lab's log directory.
 *
 * <p>TCG by default, not KVM: on the CI hosts (themselves VMs) {@code /dev/kvm} opens but the
 * guest hangs early (see /work/shared/FIRMWARE-NOTES.md), and telling that apart from a slow boot
 * would cost a boot. A network boot of a small kernel takes 30-50 s under TCG. Where KVM is known
 * to work, {@value #ACCEL_ENV}{@code =kvm} makes the boots faster.
 * {@code -nographic} makes SeaBIOS and OVMF print on the serial console too, so a failed boot's
 * log shows how far the firmware got.
 */
final class QemuGuest {
  /** How long one boot may take, DHCP to marker, under TCG on a busy 2-core machine. */
  static final Duration BOOT_TIMEOUT = Duration.ofSeconds(240);
  /** How long QEMU may take to exit after the guest's {@code poweroff -f}. */
  static final Duration POWEROFF_TIMEOUT = Duration.ofSeconds(20);
  /** The environment variable that chooses QEMU's accelerator ({@code tcg} unless set). */
  static final String ACCEL_ENV = "NETBOOT_E2E_ACCEL";
  private static final Duration POLL = Duration.ofMillis(500);
  /**
   * Console texts after which no network boot will come: SeaBIOS has tried every device, OVMF's
   * PXE over IPv4 failed (it then tries IPv6 and HTTP boot for minutes before its shell), or the
   * kernel died. Failing there saves minutes of waiting.
   */
  private static final List<Pattern> GAVE_UP = List.of(Pattern.compile("No bootable device"),
      Pattern.compile("failed to load Boot[0-9A-F]+ \"UEFI PXEv4"),
      Pattern.compile("UEFI Interactive Shell"), Pattern.compile("Kernel panic"));
  private static final String MEMORY = "512";

  /** The firmware the machine starts with. */
  enum Firmware {
    /** SeaBIOS with QEMU's iPXE option ROM on an e1000 NIC. */
    BIOS,
    /** OVMF with edk2's own PXE client: virtio-net with no option ROM ({@code romfile=}). */
    UEFI
  }

  /**
   * What the serial console showed.
   *
   * @param console the whole serial log
   * @param duration from starting QEMU to the last expected text
   */
  record Console(String console, Duration duration) {}

  private QemuGuest() {}

  /** Returns a random locally administered MAC in QEMU's 52:54:00 prefix. */
  static String randomMac() {
    SplittableRandom random = new SplittableRandom();
    return String.format("52:54:00:%02x:%02x:%02x", random.nextInt(256), random.nextInt(256),
        random.nextInt(256));
  }

  /**
   * Boots a machine and waits until every one of {@code expected} appears on its console, then
   * for QEMU to exit (the initramfs powers off), killing it at the time limits.
   *
   * @throws AssertionError with the end of the console when the texts do not all appear in time
   */
  static Console boot(BootLab lab, Firmware firmware, String mac, List<String> expected)
      throws IOException, InterruptedException {
    Path serial = lab.logs().resolve("serial.log");
    Files.deleteIfExists(serial);
    long start = System.nanoTime();
    PeerProcess qemu = lab.startInServerNs("qemu", command(firmware, mac, serial));
    try {
      long deadline = start + BOOT_TIMEOUT.toNanos();
      while (System.nanoTime() - deadline < 0) {
        String console = read(serial);
        if (expected.stream().allMatch(console::contains)) {
          Duration took = Duration.ofNanos(System.nanoTime() - start);
          awaitExit(qemu);
          return new Console(read(serial), took);
        }
        String gaveUp = GAVE_UP.stream().map(p -> p.matcher(console)).filter(Matcher::find)
            .map(Matcher::group).findFirst().orElse(null);
        if (gaveUp != null) {
          throw new AssertionError("the guest gave up (\"" + gaveUp + "\") before the console"
              + " showed " + expected + " (logs in " + lab.logs() + "); console:\n"
              + tail(console));
        }
        if (!qemu.isAlive()) {
          throw new AssertionError("QEMU exited before the console showed " + expected
              + "\nQEMU: " + qemu.output() + "\nconsole:\n" + tail(console));
        }
        Thread.sleep(POLL.toMillis());
      }
      throw new AssertionError("the console did not show " + expected + " within "
          + BOOT_TIMEOUT + " (logs in " + lab.logs() + "); console:\n" + tail(read(serial)));
    } finally {
      qemu.close();
    }
  }

  private static List<String> command(Firmware firmware, String mac, Path serial) {
    List<String> c = new ArrayList<>(List.of("qemu-system-x86_64", "-accel",
        Objects.requireNonNullElse(System.getenv(ACCEL_ENV), "tcg"),
        "-m", MEMORY, "-nographic", "-monitor", "none", "-serial", "file:" + serial,
        "-no-reboot", "-netdev", "tap,id=net0,ifname=" + BootLab.TAP + ",script=no,downscript=no"));
    switch (firmware) {
      case BIOS -> c.addAll(List.of("-boot", "n", "-device", "e1000,netdev=net0,mac=" + mac));
      case UEFI -> c.addAll(List.of("-bios", BootPeers.OVMF.toString(),
          // An empty romfile keeps QEMU's iPXE ROM out: edk2's own PXE client boots.
          "-device", "virtio-net-pci,netdev=net0,romfile=,mac=" + mac));
    }
    return c;
  }

  private static void awaitExit(PeerProcess qemu) throws InterruptedException {
    long deadline = System.nanoTime() + POWEROFF_TIMEOUT.toNanos();
    while (qemu.isAlive() && System.nanoTime() - deadline < 0) {
      TimeUnit.MILLISECONDS.sleep(100);
    }
  }

  private static String read(Path serial) throws IOException {
    return Files.exists(serial) ? Files.readString(serial, StandardCharsets.ISO_8859_1) : "";
  }

  private static String tail(String console) {
    int keep = 6000;
    return console.length() <= keep ? console : "..." + console.substring(console.length() - keep);
  }
}
