package dev.netboot.pxe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netboot.dhcp.ClientArchitecture;
import java.util.List;
import org.junit.jupiter.api.Test;

class IpxeScriptsTest {
  private static final PxeServerSettings SETTINGS =
      PxeServerSettings.builder().httpBaseUrl("http://10.0.0.1:8080").build();
  private static final BootDecision.LinuxBoot LINUX = new BootDecision.LinuxBoot(
      "/images/vmlinuz", List.of("images/initrd.img", "http://cdn/ucode.img"), "console=ttyS0");

  @Test
  void efiKernelsNameTheirInitrdsOnTheCommandLine() {
    assertThat(IpxeScripts.linux(LINUX, ClientArchitecture.X64_UEFI, SETTINGS)).isEqualTo(
        "#!ipxe\n"
            + "kernel http://10.0.0.1:8080/images/vmlinuz initrd=initrd.img initrd=ucode.img"
            + " console=ttyS0\n"
            + "initrd http://10.0.0.1:8080/images/initrd.img\n"
            + "initrd http://cdn/ucode.img\n"
            + "boot\n");
  }

  @Test
  void biosKernelsDoNotNeedThem() {
    assertThat(IpxeScripts.linux(LINUX, ClientArchitecture.X86_BIOS, SETTINGS))
        .contains("kernel http://10.0.0.1:8080/images/vmlinuz console=ttyS0\n")
        .doesNotContain("initrd=");
  }

  @Test
  void renderGivesScriptsOnlyForScriptDecisions() {
    PxeClient client = PxeClient.of(TestRequests.discover("PXEClient", ClientArchitecture.X86_BIOS));
    assertThat(IpxeScripts.render(BootDecision.ipxeScript("#!ipxe\nshell\n"), client, SETTINGS))
        .contains("#!ipxe\nshell\n");
    assertThat(IpxeScripts.render(LINUX, client, SETTINGS).orElseThrow()).startsWith("#!ipxe\n");
    assertThat(IpxeScripts.render(BootDecision.bootFile("x"), client, SETTINGS)).isEmpty();
  }
}
