package dev.netboot.pxe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.netboot.dhcp.ClientArchitecture;
import dev.netboot.dhcp.DhcpMessage;
import dev.netboot.dhcp.DhcpMessageType;
import dev.netboot.dhcp.DhcpOptionType;
import java.net.Inet4Address;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PxeMenuTest {
  private static final Inet4Address SERVER = TestRequests.ip("10.0.0.1");
  private static final BootServerType INSTALL = BootServerType.valueOf(0x8001);
  private static final BootServerType RESCUE = BootServerType.valueOf(0x8002);

  private static final PxeMenu MENU = PxeMenu.builder()
      .localBoot("Boot from local disk")
      .item(INSTALL, "Install Debian", BootDecision.bootFile("debian-installer/pxelinux.0"))
      .item(RESCUE, "Rescue (UEFI only)",
          BootDecision.bootFiles(Map.of(ClientArchitecture.X64_UEFI, "rescue.efi"), null))
      .prompt(new MenuPrompt(10, "Press F8 for the boot menu"))
      .build();

  private final PxeServerSettings settings = PxeServerSettings.builder().menu(MENU).build();
  private final ChainloadMemory memory = ChainloadMemory.create();
  private final ProxyDhcpResponder proxy =
      new ProxyDhcpResponder(BootPolicies.always(BootDecision.ignore()), settings, memory);
  private final BootServerResponder bootServer =
      new BootServerResponder(BootPolicies.always(BootDecision.ignore()), settings, memory);

  @Test
  void aBiosRomGetsOnlyTheItemsItCanBoot() {
    DhcpMessage discover = TestRequests.discover("PXEClient:Arch:00000:UNDI:002001",
        ClientArchitecture.X86_BIOS);
    PxeOptions o = proxy.answer(discover, SERVER, Instant.EPOCH).orElseThrow()
        .option(PxeOptions.OPTION_TYPE).orElseThrow();
    assertThat(o.bootMenu()).containsExactly(
        new BootMenuItem(BootServerType.PXE_BOOTSTRAP, "Boot from local disk"),
        new BootMenuItem(INSTALL, "Install Debian"));
    assertThat(o.bootServers()).extracting(BootServer::type).containsExactly(INSTALL);
    assertThat(o.menuPrompt()).contains(new MenuPrompt(10, "Press F8 for the boot menu"));
    assertThat(o.discoveryControl().orElseThrow().has(DiscoveryControl.DISABLE_MULTICAST)).isTrue();
  }

  @Test
  void theBootServerAnswersEachItemWithItsOwnFile() {
    DhcpMessage request = TestRequests.discover("PXEClient:Arch:00007:UNDI:003000",
        ClientArchitecture.X64_UEFI).toBuilder()
        .option(DhcpOptionType.MESSAGE_TYPE, DhcpMessageType.REQUEST)
        .option(PxeOptions.OPTION_TYPE,
            PxeOptions.builder().bootItem(new BootItem(RESCUE, 0)).build())
        .build();
    DhcpMessage ack = bootServer.answer(request, SERVER, Instant.EPOCH).orElseThrow();
    assertThat(ack.bootFileName()).isEqualTo("rescue.efi");
    assertThat(ack.option(PxeOptions.OPTION_TYPE).orElseThrow().bootItem())
        .contains(new BootItem(RESCUE, 0));
    DhcpMessage local = request.toBuilder().option(PxeOptions.OPTION_TYPE, PxeOptions.builder()
        .bootItem(new BootItem(BootServerType.PXE_BOOTSTRAP, 0)).build()).build();
    assertThat(bootServer.answer(local, SERVER, Instant.EPOCH)).isEmpty();
  }

  @Test
  void aClientWithNoBootableItemGetsNoMenuAtAll() {
    // Only local boot would be left for ARM32: such a menu is what makes edk2 fail with PXE-E21.
    DhcpMessage arm = TestRequests.discover("PXEClient:Arch:00010:UNDI:003000",
        ClientArchitecture.ARM32_UEFI);
    PxeMenu rescueOnly = PxeMenu.builder().localBoot("local")
        .item(RESCUE, "Rescue", BootDecision.bootFiles(
            Map.of(ClientArchitecture.X64_UEFI, "rescue.efi"), null)).build();
    ProxyDhcpResponder p = new ProxyDhcpResponder(BootPolicies.always(BootDecision.ignore()),
        PxeServerSettings.builder().menu(rescueOnly).build(), ChainloadMemory.create());
    assertThat(p.answer(arm, SERVER, Instant.EPOCH)).isEmpty();
  }

  @Test
  void menusThatDoNotFitOneOptionAreRefused() {
    PxeMenu.Builder b = PxeMenu.builder();
    for (int i = 0; i < 12; i++) {
      b.item(BootServerType.valueOf(0x8001 + i), "A rather long menu item description " + i, null);
    }
    assertThatThrownBy(b::build).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at most 255");
    assertThatThrownBy(() -> PxeMenu.builder().item(INSTALL, "a", null).item(INSTALL, "b", null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
