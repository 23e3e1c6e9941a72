package dev.netboot.server;

/** The network boot loader that BIOS PXE ROM clients are given for a Linux decision. */
public enum Loader {
  /** iPXE (undionly.kpxe), which then fetches the boot script over HTTP. The default. */
  IPXE,
  /**
   * lpxelinux.0 from the pxelinux directory, which reads a generated {@code pxelinux.cfg/01-<mac>}
   * over TFTP and loads the kernel and initrds over HTTP. UEFI clients still chain iPXE.
   */
  PXELINUX
}
