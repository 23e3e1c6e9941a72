package dev.netboot.dhcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every open code class: unique numbers and names, unknown numbers kept, the NAME(code) form. */
class CodeTablesTest {
  @Test
  void numbersAndNamesAreUnique() {
    for (List<? extends NamedCode<?>> table : List.of(DhcpOptionCode.values(),
        DhcpMessageType.values(), HardwareType.values(), ClientArchitecture.values(),
        IpxeOptionCode.values())) {
      assertThat(table.stream().map(NamedCode::code).collect(Collectors.toList()))
          .doesNotHaveDuplicates();
      assertThat(table.stream().map(NamedCode::name).collect(Collectors.toList()))
          .doesNotHaveDuplicates();
    }
  }

  @Test
  void theIanaArchitectureRegistryIsCompleteUpTo41() {
    assertThat(ClientArchitecture.values()).hasSize(42);
    for (int code = 0; code <= 41; code++) {
      assertThat(ClientArchitecture.valueOf(code).isKnown()).as("arch %s", code).isTrue();
    }
    assertThat(ClientArchitecture.valueOf(0x29).name()).isEqualTo("ARM_RPIBOOT");
  }

  @Test
  void unknownCodesKeepTheirNumberAndEqualByNumber() {
    DhcpOptionCode unknown = DhcpOptionCode.valueOf(251);
    assertThat(unknown.isKnown()).isFalse();
    assertThat(unknown).isEqualTo(DhcpOptionCode.valueOf(251)).hasToString("UNKNOWN(251)");
    assertThat(DhcpMessageType.valueOf(1)).isSameAs(DhcpMessageType.DISCOVER).hasToString("DISCOVER(1)");
    assertThat(ClientArchitecture.valueOf(0xFFFF).code()).isEqualTo(0xFFFF);
    assertThat(ClientArchitecture.valueOf(16).isHttpBoot()).isTrue();
    assertThat(ClientArchitecture.valueOf(7).isHttpBoot()).isFalse();
  }
}
