package dev.netboot.pxe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netboot.dhcp.ClientArchitecture;
import dev.netboot.dhcp.ClientNetworkInterface;
import dev.netboot.dhcp.DhcpMessage;
import dev.netboot.dhcp.DhcpOption;
import dev.netboot.dhcp.DhcpOptionCode;
import dev.netboot.dhcp.IpxeOptionCode;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PxeClientTest {
  @Test
  void readsEverythingTheSeabiosRomSends() {
    Captures.assumePresent();
    PxeClient c = PxeClient.of(Captures.message("seabios-ipxe-rom", "001-client-DISCOVER.hex"));
    assertThat(c.macText()).isEqualTo("52:54:00:77:00:0a");
    assertThat(c.architecture()).contains(ClientArchitecture.X86_BIOS);
    assertThat(c.networkInterface()).contains(ClientNetworkInterface.undi(2, 1));
    assertThat(c.machineId().orElseThrow().uuid())
        .contains(UUID.fromString("4e657462-6f6f-7401-8000-52540077000a"));
    assertThat(c.isPxeClient()).isTrue();
    assertThat(c.isIpxe()).isTrue();
    assertThat(c.ipxeCanHttp()).isTrue();
    assertThat(c.ipxeFeatures()).contains(IpxeOptionCode.FEATURE_HTTP, IpxeOptionCode.FEATURE_PXE);
    assertThat(c.relayAddress()).isEmpty();
    assertThat(c.family()).isEqualTo(ClientFamily.IPXE);
    assertThat(c.maxMessageSize()).contains(1472);
  }

  @Test
  void edk2IsUefiPxeAndPlainClientsAreNotPxe() {
    Captures.assumePresent();
    PxeClient edk2 = PxeClient.of(Captures.message("ovmf-edk2-pxe", "001-client-DISCOVER.hex"));
    assertThat(edk2.family()).isEqualTo(ClientFamily.UEFI_PXE);
    assertThat(edk2.architecture()).contains(ClientArchitecture.X64_UEFI);
    assertThat(edk2.isIpxe()).isFalse();
    PxeClient udhcpc = PxeClient.of(Captures.message("udhcpc", "001-client-DISCOVER.hex"));
    assertThat(udhcpc.isPxe()).isFalse();
    assertThat(udhcpc.family()).isEqualTo(ClientFamily.NOT_PXE);
  }

  @Test
  void architectureFallsBackToTheVendorClassAndHttpClientsAreHttpBoot() {
    DhcpMessage m = TestRequests.discover("HTTPClient:Arch:00016:UNDI:003000",
        ClientArchitecture.X64_UEFI_HTTP).toBuilder()
        .removeOption(DhcpOptionCode.CLIENT_SYSTEM_ARCHITECTURE).build();
    PxeClient c = PxeClient.of(m);
    assertThat(c.architecture()).contains(ClientArchitecture.X64_UEFI_HTTP);
    assertThat(c.isHttpClient()).isTrue();
    assertThat(c.family()).isEqualTo(ClientFamily.HTTP_BOOT);
  }

  @Test
  void malformedOptionsCountAsAbsentAndRelaysAreSeen() {
    DhcpMessage m = TestRequests.discover("PXEClient", ClientArchitecture.X86_BIOS).toBuilder()
        .option(DhcpOption.of(DhcpOptionCode.CLIENT_SYSTEM_ARCHITECTURE, new byte[] {7}))
        .option(DhcpOption.of(DhcpOptionCode.VENDOR_SPECIFIC, new byte[] {71, 9}))
        .gatewayAddress(TestRequests.ip("10.1.2.1"))
        .build();
    PxeClient c = PxeClient.of(m);
    assertThat(c.architectures()).isEmpty();
    assertThat(c.architecture()).isEmpty();
    assertThat(c.bootItem()).isEmpty();
    assertThat(c.family()).isEqualTo(ClientFamily.BIOS_PXE);
    assertThat(c.relayAddress()).contains(TestRequests.ip("10.1.2.1"));
    assertThat(c.toString()).contains("via 10.1.2.1");
  }
}
