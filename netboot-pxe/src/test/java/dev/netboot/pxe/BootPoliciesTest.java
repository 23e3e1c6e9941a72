package dev.netboot.pxe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.netboot.dhcp.ClientArchitecture;
import dev.netboot.dhcp.ClientMachineId;
import dev.netboot.dhcp.DhcpOptionType;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BootPoliciesTest {
  private static final BootDecision A = BootDecision.bootFile("a.0");
  private static final BootDecision B = BootDecision.bootFile("b.0");
  private static final PxeClient BIOS = PxeClient.of(
      TestRequests.discover("PXEClient:Arch:00000:UNDI:002001", ClientArchitecture.X86_BIOS));

  @Test
  void macTablesAcceptAnySpellingOfTheAddress() {
    assertThat(BootPolicies.byMac(Map.of("52-54-00-12-34-56", A), B).decide(BIOS)).isEqualTo(A);
    assertThat(BootPolicies.byMac(Map.of("52:54:00:12:34:57", A), B).decide(BIOS)).isEqualTo(B);
    assertThatThrownBy(() -> BootPolicies.byMac(Map.of("nope", A), B))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected");
  }

  @Test
  void guidTablesUseTheSmbiosUuid() {
    UUID uuid = UUID.fromString("4e657462-6f6f-7401-8000-52540077000a");
    PxeClient withGuid = PxeClient.of(BIOS.request().toBuilder()
        .option(DhcpOptionType.CLIENT_MACHINE_IDENTIFIER, ClientMachineId.ofUuid(uuid)).build());
    BootPolicy policy = BootPolicies.byGuid(Map.of(uuid, A), B);
    assertThat(policy.decide(withGuid)).isEqualTo(A);
    assertThat(policy.decide(BIOS)).isEqualTo(B);
  }

  @Test
  void architectureTablesAndRulesPickTheFirstMatch() {
    assertThat(BootPolicies.byArchitecture(Map.of(ClientArchitecture.X86_BIOS, A), B)
        .decide(BIOS)).isEqualTo(A);
    BootPolicy rules = BootPolicies.rules()
        .when(c -> c.family() == ClientFamily.IPXE, BootDecision.ignore())
        .when(c -> c.architecture().isPresent(), A)
        .when(c -> true, B)
        .otherwise(BootDecision.ignore());
    assertThat(rules.decide(BIOS)).isEqualTo(A);
    assertThat(BootPolicies.always(B).decide(BIOS)).isEqualTo(B);
  }
}
