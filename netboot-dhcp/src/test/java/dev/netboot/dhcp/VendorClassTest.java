package dev.netboot.dhcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VendorClassTest {
  @Test
  void readsPxeAndHttpClientFields() {
    VendorClass pxe = VendorClass.of("PXEClient:Arch:00007:UNDI:003016");
    assertThat(pxe.isPxeClient()).isTrue();
    assertThat(pxe.isHttpClient()).isFalse();
    assertThat(pxe.architecture()).contains(ClientArchitecture.X64_UEFI);
    assertThat(pxe.undiMajor()).isEqualTo(3);
    assertThat(pxe.undiMinor()).isEqualTo(16);
    VendorClass http = VendorClass.of("HTTPClient:Arch:00016:UNDI:003001");
    assertThat(http.isHttpClient()).isTrue();
    assertThat(http.architecture()).contains(ClientArchitecture.X64_UEFI_HTTP);
    assertThat(http.architecture().orElseThrow().isHttpBoot()).isTrue();
  }

  @Test
  void keepsOtherTextAndToleratesMalformedFields() {
    assertThat(VendorClass.of("PXEClient").architecture()).isEmpty();
    assertThat(VendorClass.of("PXEClient").undiMajor()).isEqualTo(-1);
    VendorClass odd = VendorClass.of("PXEClient:Arch:0x7:UNDI:3");
    assertThat(odd.isPxeClient()).isTrue();
    assertThat(odd.architecture()).isEmpty();
    assertThat(odd.undiMajor()).isEqualTo(-1);
    assertThat(VendorClass.of("MSFT 5.0").isPxeClient()).isFalse();
    assertThat(VendorClass.of("PXEClient:Arch:99999").architecture()).isEmpty();
  }

  @Test
  void writesTheTextFirmwareSends() {
    assertThat(VendorClass.pxeClient(ClientArchitecture.X86_BIOS, 2, 1).text())
        .isEqualTo("PXEClient:Arch:00000:UNDI:002001");
    assertThat(VendorClass.httpClient(ClientArchitecture.ARM64_UEFI_HTTP, 3, 0).text())
        .isEqualTo("HTTPClient:Arch:00019:UNDI:003000");
    assertThatThrownBy(() -> VendorClass.pxeClient(ClientArchitecture.X86_BIOS, 1000, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected: 0-999");
  }
}
