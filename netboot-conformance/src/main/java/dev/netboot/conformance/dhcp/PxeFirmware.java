package dev.netboot.conformance.dhcp;

import dev.netboot.dhcp.ClientArchitecture;

/**
 * The families of network-boot firmware whose requests {@link DhcpGenerators#pxeRequests()}
 * imitates, each as it shows itself in a DHCPDISCOVER.
 */
public enum PxeFirmware {
  /** A vendor BIOS PXE ROM (Intel, Broadcom): arch 0, UNDI 2.1, no iPXE options. */
  BIOS_VENDOR_ROM(ClientArchitecture.X86_BIOS, "PXEClient:Arch:00000:UNDI:002001", false),
  /** QEMU's BIOS ROM, which is iPXE: arch 0, UNDI 2.1, user class {@code iPXE} and option 175. */
  BIOS_IPXE_ROM(ClientArchitecture.X86_BIOS, "PXEClient:Arch:00000:UNDI:002001", true),
  /** iPXE chainloaded from {@code undionly.kpxe}: a bare {@code PXEClient}, arch only in 93. */
  IPXE_CHAINLOADED(ClientArchitecture.X86_BIOS, "PXEClient", true),
  /** edk2 / OVMF's own PXE client on x86-64: arch 7, UNDI 3.0. */
  UEFI_X64(ClientArchitecture.X64_UEFI, "PXEClient:Arch:00007:UNDI:003000", false),
  /** A UEFI PXE client on ARM64: arch 11. */
  UEFI_ARM64(ClientArchitecture.ARM64_UEFI, "PXEClient:Arch:00011:UNDI:003000", false),
  /** UEFI HTTP Boot on x86-64: {@code HTTPClient}, arch 16. */
  UEFI_HTTP_X64(ClientArchitecture.X64_UEFI_HTTP, "HTTPClient:Arch:00016:UNDI:003000", false),
  /** {@code ipxe.efi} on x86-64: arch 7 with iPXE's options. */
  IPXE_EFI_X64(ClientArchitecture.X64_UEFI, "PXEClient:Arch:00007:UNDI:003010", true);

  private final ClientArchitecture architecture;
  private final String vendorClass;
  private final boolean ipxe;

  PxeFirmware(ClientArchitecture architecture, String vendorClass, boolean ipxe) {
    this.architecture = architecture;
    this.vendorClass = vendorClass;
    this.ipxe = ipxe;
  }

  /** Returns the architecture the firmware sends in option 93. */
  public ClientArchitecture architecture() {
    return architecture;
  }

  /** Returns the vendor class text the firmware sends in option 60. */
  public String vendorClass() {
    return vendorClass;
  }

  /** Returns whether the firmware is iPXE, sending user class {@code iPXE} and option 175. */
  public boolean isIpxe() {
    return ipxe;
  }
}
