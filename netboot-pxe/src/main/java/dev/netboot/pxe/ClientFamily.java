package dev.netboot.pxe;

/**
 * What kind of network-boot client sent a request, as far as choosing its next file goes. The
 * set is closed: it is netboot's own classification, not a wire code.
 */
public enum ClientFamily {
  /** Not a network-boot client (no {@code PXEClient} or {@code HTTPClient} vendor class). */
  NOT_PXE,
  /** A BIOS PXE ROM that is not iPXE (Intel, Broadcom...): wants an NBP over TFTP. */
  BIOS_PXE,
  /** A UEFI (or other non-BIOS) PXE client that is not iPXE, such as edk2's: NBP over TFTP. */
  UEFI_PXE,
  /** A UEFI HTTP Boot client ({@code HTTPClient}): wants a URL and vendor class HTTPClient. */
  HTTP_BOOT,
  /** iPXE, as a ROM or chainloaded: user class {@code iPXE} or option 175. Gets a script. */
  IPXE
}
