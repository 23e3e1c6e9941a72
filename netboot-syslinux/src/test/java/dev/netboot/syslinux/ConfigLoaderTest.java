package dev.netboot.syslinux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @Test
  void includesAreSplicedInPlaceAndMenuIncludeWithATitleIsASubMenu() throws IOException {
    FileResolver files = FileResolvers.inMemory(Map.of(
        "main.cfg", "INCLUDE head.cfg\nLABEL a\nMENU INCLUDE more.cfg More things\n",
        "head.cfg", "DEFAULT a\nTIMEOUT 30\n",
        "more.cfg", "MENU TITLE More\nLABEL b\nLINUX b\n"));
    LoadedConfig c = ConfigLoader.load("main.cfg", files);

    assertThat(c.complete()).isTrue();
    assertThat(c.documents()).containsOnlyKeys("main.cfg", "head.cfg", "more.cfg");
    assertThat(c.config().timeout()).hasValue(30);
    assertThat(c.config().subMenus()).singleElement().satisfies(m -> {
      assertThat(m.tag()).isEqualTo("More things");
      assertThat(m.title()).contains("More");
    });
    assertThat(c.config().label("b").orElseThrow().position())
        .isEqualTo(new SourcePosition("more.cfg", 2, 1));
  }

  @Test
  void anIncludeInsideALabelAddsToThatLabelAsInSyslinux() throws IOException {
    FileResolver files = FileResolvers.inMemory(Map.of(
        "main.cfg", "LABEL a\nINCLUDE common.cfg\nLINUX x\n", "common.cfg", "APPEND quiet\n"));
    Label a = ConfigLoader.load("main.cfg", files).config().label("a").orElseThrow();
    assertThat(a.append()).contains("quiet");
    assertThat(a.kernel()).isEqualTo("x");
  }

  @Test
  void aMissingIncludeIsSkippedWithAWarning() throws IOException {
    LoadedConfig c = ConfigLoader.load("m", FileResolvers.inMemory(Map.of("m", "INCLUDE gone\n")));
    assertThat(c.complete()).isFalse();
    assertThat(c.diagnostics()).singleElement().hasToString(
        "m:1:1: warning: INCLUDE gone: file not found; syslinux skips it");
  }

  @Test
  void includeCyclesAndDeepNestingAreParseErrors() {
    FileResolver cycle = FileResolvers.inMemory(Map.of("a", "INCLUDE b\n", "b", "\n  INCLUDE a\n"));
    assertThatThrownBy(() -> ConfigLoader.load("a", cycle))
        .isInstanceOfSatisfying(SyslinuxParseException.class, e -> {
          assertThat(e.position()).isEqualTo(new SourcePosition("b", 2, 3));
          assertThat(e.reason()).isEqualTo("include cycle: a -> b -> a");
        });
    Map<String, String> deep = new HashMap<>();
    for (int i = 0; i < 20; i++) {
      deep.put("f" + i, "INCLUDE f" + (i + 1) + "\n");
    }
    assertThatThrownBy(() -> ConfigLoader.load("f0", FileResolvers.inMemory(deep)))
        .isInstanceOf(SyslinuxParseException.class)
        .hasMessageContaining("f15:1:1: includes nested deeper than 16");
  }

  @Test
  void theRootMustExist() {
    assertThatThrownBy(() -> ConfigLoader.load("x", FileResolvers.inMemory(Map.of())))
        .isInstanceOf(NoSuchFileException.class);
  }

  @Test
  void configTargetsAreLoadedOnceEvenWhenMenusGoBackAndForth() throws IOException {
    FileResolver files = FileResolvers.inMemory(Map.of(
        "menu.cfg", "LABEL prompt\nCONFIG prompt.cfg\nLABEL gone\nCONFIG missing.cfg\n",
        "prompt.cfg", "LABEL menu\nCONFIG menu.cfg\n"));
    List<LoadedConfig> all = ConfigLoader.loadWithConfigTargets("menu.cfg", files);
    assertThat(all).extracting(LoadedConfig::name).containsExactly("menu.cfg", "prompt.cfg");
  }

  @Test
  void directoryResolverFollowsTheWorkingDirectoryAndStaysInTheRoot(@TempDir Path tmp)
      throws IOException {
    Path root = tmp.resolve("root");
    Files.createDirectories(root.resolve("boot/syslinux"));
    Files.writeString(root.resolve("boot/syslinux/syslinux.cfg"), "INCLUDE /common.cfg\n");
    Files.writeString(root.resolve("common.cfg"), "LABEL a\n");
    Files.writeString(tmp.resolve("outside.cfg"), "x");
    FileResolver r = FileResolvers.directory(root, "boot/syslinux");

    assertThat(ConfigLoader.load("syslinux.cfg", r).config().labels()).hasSize(1);
    assertThat(r.exists("::common.cfg")).isTrue();
    assertThat(r.exists("../../../outside.cfg")).isFalse();
    assertThat(r.exists("/../outside.cfg")).isFalse();
    assertThat(r.exists("host::common.cfg")).isFalse();
    assertThat(FileResolvers.tftpRoot(root, "boot/").exists("syslinux/syslinux.cfg")).isTrue();
  }
}
