package dev.netboot.pxe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netboot.dhcp.NamedCode;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

class CodeTablesTest {
  @Test
  void subOptionCodesAreUniqueAndUnknownCodesSurvive() {
    check(PxeSubOptionCode.values(), PxeSubOptionCode::valueOf, 200);
    assertThat(PxeSubOptionCode.valueOf(200).isVendorSpecific()).isTrue();
    assertThat(PxeSubOptionCode.BOOT_ITEM.isVendorSpecific()).isFalse();
  }

  @Test
  void bootServerTypesAreUniqueAndUnknownTypesSurvive() {
    check(BootServerType.values(), BootServerType::valueOf, 0x8123);
    assertThat(BootServerType.valueOf(0x8123).isVendorType()).isTrue();
    assertThat(BootServerType.API_TEST.isVendorType()).isFalse();
  }

  private static <T extends NamedCode<T>> void check(
      List<T> values, IntFunction<T> valueOf, int unknown) {
    assertThat(values).extracting(NamedCode::code).doesNotHaveDuplicates();
    assertThat(values).extracting(NamedCode::name).doesNotHaveDuplicates();
    for (T v : values) {
      assertThat(valueOf.apply(v.code())).isSameAs(v);
    }
    T u = valueOf.apply(unknown);
    assertThat(u.isKnown()).isFalse();
    assertThat(u.code()).isEqualTo(unknown);
    assertThat(u.toString()).isEqualTo("UNKNOWN(" + unknown + ")");
  }
}
