package dev.netboot.syslinux;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KeywordTest {
  @Test
  void knownKeywordNamesAreUniqueAndReadBackAsThemselves() {
    Set<String> names = new HashSet<>();
    for (Keyword k : Keyword.known()) {
      assertThat(names.add(k.name())).as(k.name()).isTrue();
      assertThat(Keyword.of(k.name().toLowerCase(java.util.Locale.ROOT))).isSameAs(k);
      if (k.role() != Keyword.Role.STRUCTURE || k.equals(Keyword.MENU_SEPARATOR)) {
        assertThat(Directive.of(k, "").keyword()).isEqualTo(k);
      }
    }
    assertThat(names).hasSize(Keyword.known().size())
        .contains("MENU RESOLUTION", "MENU HIDDENROW", "F12", "SYSAPPEND", "TEXT HELP");
  }

  @Test
  void unknownKeywordsCompareBySpelling() {
    assertThat(Keyword.of("fdtdir")).isEqualTo(Keyword.unknown("fdtdir"))
        .isNotEqualTo(Keyword.unknown("FDTDIR"));
    assertThat(Keyword.of("fdtdir").isKnown()).isFalse();
    assertThat(Keyword.unknown("fdtdir").toString()).isEqualTo("fdtdir(unknown)");
  }

  @Test
  void functionKeysAreNumberedOneToTwelve() {
    assertThat(Keyword.functionKey(12).functionKeyNumber()).isEqualTo(12);
    assertThat(Keyword.LABEL.functionKeyNumber()).isZero();
  }
}
