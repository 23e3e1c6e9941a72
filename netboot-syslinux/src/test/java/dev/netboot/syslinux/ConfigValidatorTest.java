package dev.netboot.syslinux;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigValidatorTest {
  private static List<String> check(String text) {
    return ConfigValidator.structural().validate(ConfigDocument.parse("t", text)).stream()
        .map(Diagnostic::toString).toList();
  }

  @Test
  void defaultAndOnTimeoutMustNameALabelOrAFile() {
    assertThat(check("DEFAULT linux\nONTIMEOUT local\nLABEL linux\n")).containsExactly(
        "t:2:1: error: ONTIMEOUT names no label 'local'");
    assertThat(check("DEFAULT vesamenu.c32\nONTIMEOUT ${KERNEL} quiet\n")).isEmpty();
  }

  @Test
  void anUnreadIncludeTurnsAMissingLabelIntoAWarning() {
    assertThat(check("INCLUDE more.cfg\nDEFAULT linux\n")).containsExactly(
        "t:2:1: warning: DEFAULT names no label 'linux' (it may be in an include that was"
            + " not read)");
  }

  @Test
  void menuGotoMustNameASubMenuTag() {
    assertThat(check("MENU BEGIN tools\nMENU END\nLABEL a\nMENU GOTO tools\n"
        + "LABEL b\nMENU GOTO tool\n")).containsExactly(
            "t:6:1: error: MENU GOTO names no MENU BEGIN tag 'tool'");
  }

  @Test
  void unknownDirectivesAndDuplicateLabelsAreWarnings() {
    assertThat(check("LABEL a\nfdtdir /dtbs/\nLABEL a\n")).containsExactly(
        "t:3:1: warning: label 'a' is defined again; syslinux uses the first one",
        "t:2:1: warning: unknown directive 'fdtdir'; syslinux ignores it");
  }

  @Test
  void withAResolverKernelInitrdAndConfigFilesMustExist() throws IOException {
    FileResolver files = FileResolvers.inMemory(Map.of(
        "pxelinux.cfg/default", "PATH modules\nDEFAULT menu.c32\nLABEL a\n LINUX vmlinuz\n"
            + " INITRD ucode.img,initrd.img\nLABEL b\n COM32 chain.c32\nLABEL c\n"
            + " CONFIG other.cfg\nLABEL d\n LOCALBOOT 0\nLABEL e\n KERNEL ${K}\n",
        "vmlinuz", "", "initrd.img", "", "modules/chain.c32", ""));
    LoadedConfig loaded = ConfigLoader.load("pxelinux.cfg/default", files);
    List<String> found = ConfigValidator.withFiles(files).validate(loaded).stream()
        .map(Diagnostic::toString).toList();
    assertThat(found).containsExactly(
        "pxelinux.cfg/default:2:1: error: DEFAULT menu.c32 is neither a label nor a file the"
            + " resolver can find",
        "pxelinux.cfg/default:5:2: error: label 'a': INITRD file 'ucode.img' not found",
        "pxelinux.cfg/default:9:2: error: label 'c': CONFIG file 'other.cfg' not found");
  }
}
