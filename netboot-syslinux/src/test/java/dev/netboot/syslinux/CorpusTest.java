package dev.netboot.syslinux;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every file of the shared syslinux corpus: parse, validate, round trip, and known facts. */
class CorpusTest {
  static Stream<Path> corpus() throws IOException {
    return Corpus.files().stream();
  }

  @ParameterizedTest
  @MethodSource("corpus")
  void roundTripsByteForByte(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    ConfigDocument doc = ConfigDocument.parse(file.getFileName().toString(), bytes);
    assertThat(doc.toBytes()).isEqualTo(bytes);
  }

  @ParameterizedTest
  @MethodSource("corpus")
  void validatesWithoutErrors(Path file) throws IOException {
    ConfigDocument doc = ConfigDocument.read(file);
    List<Diagnostic> errors = ConfigValidator.structural().validate(doc).stream()
        .filter(d -> d.severity() == Diagnostic.Severity.ERROR).toList();
    assertThat(errors).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("corpus")
  void canonicalRenderingReadsBackAsTheSameModel(Path file) throws IOException {
    SyslinuxConfig model = ConfigDocument.read(file).model();
    String canonical = model.render();
    SyslinuxConfig again = SyslinuxConfig.parse("canonical", canonical);
    assertThat(again).isEqualTo(model);
    assertThat(again.render()).isEqualTo(canonical);
  }

  /**
   * Facts read off each file by hand: DEFAULT, number of labels, and one label's image and
   * initrd (null: the file has no such thing).
   */
  static Stream<Arguments> facts() {
    return Stream.of(
        Arguments.of("archiso--configs-releng-syslinux-syslinux.cfg", "select", 3,
            "select", "whichsys.c32", KernelType.COM32, List.of()),
        Arguments.of("archiso--configs-releng-syslinux-archiso_pxe-linux.cfg", null, 3,
            "arch_http", "::/%INSTALL_DIR%/boot/%ARCH%/vmlinuz-linux", KernelType.LINUX,
            List.of("::/%INSTALL_DIR%/boot/%ARCH%/initramfs-linux.img")),
        Arguments.of("archiso--configs-releng-syslinux-archiso_tail.cfg", null, 5,
            "memtest", "/boot/memtest86+/memtest", KernelType.LINUX, List.of()),
        Arguments.of("archiso--configs-releng-syslinux-archiso_head.cfg", null, 0,
            null, null, null, null),
        Arguments.of("debian-installer--build-boot-arm64-extlinux-extlinux.conf", "l0", 1,
            "l0", "/vmlinuz", KernelType.LINUX, List.of("/initrd.gz")),
        Arguments.of("debian-installer--build-boot-x86-menu.cfg", null, 5,
            "help", "${SYSDIR}prompt.cfg", KernelType.CONFIG, List.of()),
        Arguments.of("debian-installer--build-boot-x86-spk.cfg", null, 1,
            "installspk", "${KERNEL}", KernelType.LINUX, List.of()),
        Arguments.of("erpxe--er-menu-bootintro.menu", null, 6,
            "MBRHD2PT2", "boot/isolinux/chain.c32", KernelType.COM32, List.of()),
        Arguments.of("erpxe--er-menu-default.menu", "boot/isolinux/vesamenu.c32", 1,
            "ERPXEMENU", "boot/isolinux/vesamenu.c32", KernelType.COM32, List.of()),
        Arguments.of("erpxe--pxelinux.cfg-default", "boot/isolinux/vesamenu.c32", 0,
            null, null, null, null),
        Arguments.of("gentoo-ipxe--pxelinux.cfg-default", "gentoo", 3,
            "localhost", "-1", KernelType.LOCALBOOT, List.of()),
        Arguments.of("live-build--share-bootloaders-isolinux-isolinux.cfg", "vesamenu.c32", 0,
            null, null, null, null),
        Arguments.of("live-build--share-bootloaders-isolinux-menu.cfg", null, 1,
            "mainmenu", "mainmenu", KernelType.LINUX, List.of()),
        Arguments.of("lorax--tests-mkksiso-data-isolinux.cfg", "vesamenu.c32", 6,
            "local", "0xffff", KernelType.LOCALBOOT, List.of()),
        Arguments.of("mfslinux--isolinux-isolinux.cfg", "a", 1,
            "a", "vmlinuz", KernelType.LINUX, List.of()),
        Arguments.of("netboot.cz--pxelinux.cfg-default", "vesamenu.c32", 1,
            "bootlocal", "0x80", KernelType.LOCALBOOT, List.of()),
        Arguments.of("netboot.cz--utilities.conf", null, 6,
            "bootsalstar", "http://boot.salstar.sk/ipxe/ipxe.lkrn", KernelType.LINUX, List.of()),
        Arguments.of("syslinux--com32-hdt-floppy-hdt.cfg", "hdt", 10,
            "memtest", "memtest.bin", KernelType.LINUX, List.of()),
        Arguments.of("syslinux--tests-test.cfg", null, 0, null, null, null, null),
        Arguments.of("systemrescue-zfs--isolinux-isolinux.cfg", "loadconfig", 1,
            "loadconfig", "/%INSTALL_DIR%/boot/syslinux/sysresccd.cfg", KernelType.CONFIG,
            List.of()),
        Arguments.of("systemrescue-zfs--syslinux-sysresccd_pxe.cfg", null, 3,
            "sysresccd_nfs", "boot/%ISO_ARCH%/vmlinuz", KernelType.LINUX,
            List.of("boot/intel_ucode.img", "boot/amd_ucode.img",
                "boot/%ISO_ARCH%/sysresccd.img")));
  }

  @ParameterizedTest
  @MethodSource("facts")
  void modelHasTheFactsReadOffTheFile(String name, @Nullable String defaultCommand, int labels,
      @Nullable String label, @Nullable String kernel, @Nullable KernelType type,
      @Nullable List<String> initrd) throws IOException {
    SyslinuxConfig model = ConfigDocument.read(Corpus.file(name)).model();

    assertThat(model.defaultCommand().orElse(null)).isEqualTo(defaultCommand);
    assertThat(model.labels()).hasSize(labels);
    if (label != null) {
      Label l = model.label(label).orElseThrow();
      assertThat(l.kernel()).isEqualTo(kernel);
      assertThat(l.kernelType()).isEqualTo(type);
      assertThat(l.initrd()).isEqualTo(initrd);
    }
  }

  @Test
  void semanticDetailsOfSelectedFiles() throws IOException {
    SyslinuxConfig hdt = ConfigDocument.read(
        Corpus.file("syslinux--com32-hdt-floppy-hdt.cfg")).model();
    assertThat(hdt.ui()).contains("menu.c32");
    assertThat(hdt.timeout()).hasValue(50);
    assertThat(hdt.label("summary").orElseThrow().append().orElseThrow())
        .endsWith("auto='show summary'");
    assertThat(hdt.label("hdt").orElseThrow().helpText())
        .isEqualTo(" Starts HDT using the MENU mode");

    SyslinuxConfig lorax = ConfigDocument.read(
        Corpus.file("lorax--tests-mkksiso-data-isolinux.cfg")).model();
    assertThat(lorax.subMenus()).singleElement()
        .satisfies(m -> assertThat(m.tag()).isEqualTo("^Troubleshooting"));
    assertThat(lorax.defaultLabel().map(Label::name)).contains("check");

    SyslinuxConfig utilities = ConfigDocument.read(
        Corpus.file("netboot.cz--utilities.conf")).model();
    Label memtest = utilities.label("memtest86+-5.01").orElseThrow();
    assertThat(memtest.append()).contains("-");
    assertThat(memtest.effectiveAppend(java.util.Optional.of("quiet"))).isEmpty();
    assertThat(utilities.label("uplvl").orElseThrow().sysappend().orElseThrow().bits())
        .containsExactly(SysappendBit.IP, SysappendBit.BOOTIF);

    SyslinuxConfig di = ConfigDocument.read(
        Corpus.file("debian-installer--build-boot-x86-menu.cfg")).model();
    assertThat(di.subMenus()).extracting(SubMenu::tag)
        .containsExactly("advanced", "dark", "advanced");
  }

  @Test
  void editingOneLabelOfAVendorFileChangesOneLine() throws IOException {
    Path file = Corpus.file("syslinux--com32-hdt-floppy-hdt.cfg");
    ConfigDocument doc = ConfigDocument.read(file);
    String before = doc.render();

    String after = doc.setAppend("vesa", "quiet nomenu").render();

    List<String> a = Arrays.asList(before.split("\n", -1));
    List<String> b = Arrays.asList(after.split("\n", -1));
    assertThat(b).hasSameSizeAs(a);
    List<Integer> changed = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      if (!a.get(i).equals(b.get(i))) {
        changed.add(i);
      }
    }
    assertThat(changed).hasSize(1);
    assertThat(b.get(changed.get(0))).isEqualTo("APPEND quiet nomenu");
  }
}
