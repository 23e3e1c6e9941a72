package dev.netboot.server.simulation;

/**
 * The network-boot firmware a {@link SimulatedMachine} starts with. Each sends what the real one
 * sends (see the captures in {@code netboot-dhcp/src/test/resources/dhcp/captures/}) and follows
 * the answers the way the real one does.
 */
public enum Firmware {
  /**
   * A vendor BIOS PXE ROM (Intel, Broadcom): option 60 {@code PXEClient:Arch:00000:UNDI:002001},
   * 93 = 0, 94 = UNDI 2.1, 97, and no iPXE options. It follows a PXE menu (43) with a boot
   * server request to UDP 4011, downloads the file over TFTP ({@code blksize} 1432,
   * {@code tsize}) and runs it.
   */
  BIOS_PXE_ROM,
  /**
   * edk2's own PXE client (OVMF without an iPXE ROM): option 60
   * {@code PXEClient:Arch:00007:UNDI:003000}, 93 = 7, 94 = UNDI 3.0, 97. An offer with a file and
   * no 43 is a BINL offer, which it follows up on UDP 4011; its TFTP download starts with a
   * {@code tsize}-only request that it aborts after the OACK, then asks again with
   * {@code blksize} 1468 and {@code windowsize} 4.
   */
  UEFI_PXE,
  /**
   * An iPXE ROM, like QEMU's BIOS PXE ROM: the BIOS ROM's option 60 plus user class (77)
   * {@code iPXE} and option 175. After a ProxyDHCP offer it asks UDP 4011 too (iPXE's ProxyDHCP
   * request), then fetches the script over HTTP.
   */
  IPXE_ROM
}
