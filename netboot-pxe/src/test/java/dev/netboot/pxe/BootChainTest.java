package dev.netboot.pxe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netboot.dhcp.ClientArchitecture;
import dev.netboot.dhcp.DhcpOptionType;
import dev.netboot.dhcp.UserClass;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BootChainTest {
  private static final PxeServerSettings SETTINGS =
      PxeServerSettings.builder().httpBaseUrl("http://10.0.0.1:8080/").build();
  private static final BootDecision LINUX =
      BootDecision.linux("vmlinuz", List.of("initrd.img"), "quiet");

  private static PxeClient client(String vendorClass, ClientArchitecture arch) {
    return PxeClient.of(TestRequests.discover(vendorClass, arch));
  }

  @Test
  void eachFamilyGetsTheFileForItsStage() {
    assertThat(BootChain.plan(client("PXEClient:Arch:00000:UNDI:002001",
        ClientArchitecture.X86_BIOS), LINUX, SETTINGS, false))
        .contains(new BootTarget("undionly.kpxe", BootTarget.Kind.IPXE_BINARY));
    assertThat(BootChain.plan(client("PXEClient:Arch:00007:UNDI:003000",
        ClientArchitecture.X64_UEFI), LINUX, SETTINGS, false))
        .contains(new BootTarget("ipxe.efi", BootTarget.Kind.IPXE_BINARY));
    assertThat(BootChain.plan(client("PXEClient:Arch:00011:UNDI:003000",
        ClientArchitecture.ARM64_UEFI), LINUX, SETTINGS, false))
        .contains(new BootTarget("snp.efi", BootTarget.Kind.IPXE_BINARY));
    assertThat(BootChain.plan(client("HTTPClient:Arch:00016:UNDI:003000",
        ClientArchitecture.X64_UEFI_HTTP), LINUX, SETTINGS, false))
        .contains(new BootTarget("http://10.0.0.1:8080/ipxe.efi", BootTarget.Kind.IPXE_BINARY));
    PxeClient ipxe = PxeClient.of(TestRequests.discover("PXEClient:Arch:00007:UNDI:003010",
        ClientArchitecture.X64_UEFI).toBuilder()
        .option(DhcpOptionType.USER_CLASS, UserClass.raw("iPXE")).build());
    assertThat(BootChain.plan(ipxe, LINUX, SETTINGS, false)).contains(new BootTarget(
        "http://10.0.0.1:8080/boot.ipxe?mac=52-54-00-12-34-56&arch=7",
        BootTarget.Kind.IPXE_SCRIPT));
  }

  @Test
  void clientsThatCannotBeServedAsDecidedGetNothing() {
    // No binary for 32-bit ARM, no HTTP URL for a TFTP-only ROM, no base URL for a script.
    assertThat(BootChain.plan(client("PXEClient:Arch:00010:UNDI:003000",
        ClientArchitecture.ARM32_UEFI), LINUX, SETTINGS, false)).isEmpty();
    assertThat(BootChain.plan(client("PXEClient:Arch:00000:UNDI:002001",
        ClientArchitecture.X86_BIOS), BootDecision.bootFile("http://x/y.efi"), SETTINGS, false))
        .isEmpty();
    PxeClient ipxe = PxeClient.of(TestRequests.discover("PXEClient", ClientArchitecture.X86_BIOS)
        .toBuilder().option(DhcpOptionType.USER_CLASS, UserClass.raw("iPXE")).build());
    assertThat(BootChain.plan(ipxe, LINUX, PxeServerSettings.builder().build(), false)).isEmpty();
    assertThat(BootChain.plan(ipxe, BootDecision.ignore(), SETTINGS, false)).isEmpty();
  }

  @Test
  void bootFilesArePickedByArchitectureWithAFallback() {
    BootDecision files = BootDecision.bootFiles(
        Map.of(ClientArchitecture.X64_UEFI, "grubx64.efi"), "pxelinux.0");
    assertThat(BootChain.plan(client("PXEClient:Arch:00007:UNDI:003000",
        ClientArchitecture.X64_UEFI), files, SETTINGS, false))
        .contains(new BootTarget("grubx64.efi", BootTarget.Kind.NBP));
    assertThat(BootChain.plan(client("PXEClient:Arch:00000:UNDI:002001",
        ClientArchitecture.X86_BIOS), files, SETTINGS, false))
        .contains(new BootTarget("pxelinux.0", BootTarget.Kind.NBP));
  }

  @Test
  void anIpxeKnownToBeOursGetsTheScriptEvenWhenRomsAreReplaced() {
    PxeServerSettings replacing = SETTINGS.toBuilder().replaceIpxeRoms(true)
        .ownIpxeUserClass("netboot").build();
    PxeClient rom = PxeClient.of(TestRequests.discover("PXEClient:Arch:00000:UNDI:002001",
        ClientArchitecture.X86_BIOS).toBuilder()
        .option(DhcpOptionType.USER_CLASS, UserClass.raw("iPXE")).build());
    assertThat(BootChain.plan(rom, LINUX, replacing, false).orElseThrow().kind())
        .isEqualTo(BootTarget.Kind.IPXE_BINARY);
    assertThat(BootChain.plan(rom, LINUX, replacing, true).orElseThrow().kind())
        .isEqualTo(BootTarget.Kind.IPXE_SCRIPT);
    PxeClient ours = PxeClient.of(rom.request().toBuilder()
        .option(DhcpOptionType.USER_CLASS, UserClass.of("iPXE", "netboot")).build());
    assertThat(BootChain.plan(ours, LINUX, replacing, false).orElseThrow().kind())
        .isEqualTo(BootTarget.Kind.IPXE_SCRIPT);
    assertThat(BootChain.plan(ours, BootDecision.ipxeScriptUrl("http://s/x.ipxe"), replacing,
        false)).contains(new BootTarget("http://s/x.ipxe", BootTarget.Kind.IPXE_SCRIPT));
  }
}
