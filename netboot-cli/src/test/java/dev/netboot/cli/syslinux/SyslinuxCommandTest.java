package dev.netboot.cli.syslinux;

import static dev.netboot.cli.CommandRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.netboot.cli.CommandRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyslinuxCommandTest {
  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  @Test
  void checkPrintsWarningsAndExitsZeroWithoutErrors() throws IOException {
    Path f = write("extlinux.conf", "default l0\nlabel l0\n  linux /vmlinuz\n  fdtdir /dtbs/\n");
    CommandRun r = run("syslinux", "check", f.toString());
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).isEqualTo(
        f + ":4:3: warning: unknown directive 'fdtdir'; syslinux ignores it\n");
  }

  @Test
  void checkExitsOneWithFileLineColumnErrors() throws IOException {
    Path f = write("default", "DEFAULT linux\n\nLABEL install\n  MENU GOTO nowhere\n");
    CommandRun r = run("syslinux", "check", f.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).isEqualTo(
        f + ":1:1: error: DEFAULT names no label 'linux'\n"
            + f + ":4:3: error: MENU GOTO names no MENU BEGIN tag 'nowhere'\n");
  }

  @Test
  void checkReportsUnreadableInputAsAnErrorWithItsPosition() throws IOException {
    Path f = dir.resolve("binary.cfg");
    Files.write(f, new byte[] {'L', 'A', 'B', 'E', 'L', ' ', 0, '\n'});
    CommandRun r = run("syslinux", "check", f.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).startsWith(f + ":1:7: error: NUL character");
  }

  @Test
  void checkWithRootFollowsIncludesAndLooksForFiles() throws IOException {
    write("tftp/pxelinux.cfg/default", "INCLUDE pxelinux.cfg/menu.cfg\nDEFAULT a\n");
    write("tftp/pxelinux.cfg/menu.cfg", "LABEL a\n  LINUX vmlinuz\n  INITRD initrd.img\n");
    write("tftp/vmlinuz", "");
    CommandRun r = run("syslinux", "check", "--root", dir.resolve("tftp").toString(),
        "--cwd", "", dir.resolve("tftp/pxelinux.cfg/default").toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).isEqualTo(
        "pxelinux.cfg/menu.cfg:3:3: error: label 'a': INITRD file 'initrd.img' not found\n");
  }

  @Test
  void checkWithRootResolvesFromTheFilesDirectoryByDefault() throws IOException {
    write("iso/isolinux/isolinux.cfg", "INCLUDE menu.cfg\nDEFAULT a\n");
    write("iso/isolinux/menu.cfg", "LABEL a\n  LINUX /vmlinuz\n");
    write("iso/vmlinuz", "");
    CommandRun r = run("syslinux", "check", "--root", dir.resolve("iso").toString(),
        dir.resolve("iso/isolinux/isolinux.cfg").toString());
    assertThat(r.out()).isEmpty();
    assertThat(r.exitCode()).isZero();
  }

  @Test
  void checkOfAMissingFileSaysSoOnStandardError() {
    CommandRun r = run("syslinux", "check", dir.resolve("nope.cfg").toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("netboot: " + dir.resolve("nope.cfg") + ": no such file\n");
  }

  @Test
  void fmtPrintsTheCanonicalRendering() throws IOException {
    Path f = write("isolinux.cfg", "# header\r\ndefault a\r\nlabel a\r\n\tkernel vmlinuz\r\n"
        + "\tappend  quiet \r\nmenu begin tools\r\nlabel m\r\nmenu end");
    CommandRun r = run("syslinux", "fmt", f.toString());
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).isEqualTo("DEFAULT a\n\nLABEL a\n  KERNEL vmlinuz\n  APPEND quiet \n\n"
        + "MENU BEGIN tools\n\n  LABEL m\nMENU END\n");
  }

  @Test
  void fmtOfBinaryDataFails() throws IOException {
    Path f = dir.resolve("x.bin");
    Files.write(f, new byte[] {0});
    CommandRun r = run("syslinux", "fmt", f.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains(":1:1: error: NUL character");
  }

  @Test
  void theGroupAloneAsksForASubCommand() {
    CommandRun r = run("syslinux", "--help");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("check", "fmt");
  }
}
