package dev.netboot.syslinux;

/**
 * The SYSAPPEND (IPAPPEND) bits of syslinux 6.x, from {@code doc/syslinux.txt}: each adds one
 * {@code NAME=value} option to the kernel command line.
 */
public enum SysappendBit {
  /** {@code ip=client:server:gateway:netmask} (pxelinux). */
  IP(0x1),
  /** {@code BOOTIF=} hardware type and address, dash-separated (pxelinux). */
  BOOTIF(0x2),
  /** {@code SYSUUID=} the system UUID. */
  SYSUUID(0x4),
  /** {@code CPU=} family and feature letters. */
  CPU(0x8),
  /** {@code SYSVENDOR=} (DMI). */
  SYSVENDOR(0x10),
  /** {@code SYSPRODUCT=} (DMI). */
  SYSPRODUCT(0x20),
  /** {@code SYSVERSION=} (DMI). */
  SYSVERSION(0x40),
  /** {@code SYSSERIAL=} (DMI). */
  SYSSERIAL(0x80),
  /** {@code SYSSKU=} (DMI). */
  SYSSKU(0x100),
  /** {@code SYSFAMILY=} (DMI). */
  SYSFAMILY(0x200),
  /** {@code MBVENDOR=} (DMI). */
  MBVENDOR(0x400),
  /** {@code MBPRODUCT=} (DMI). */
  MBPRODUCT(0x800),
  /** {@code MBVERSION=} (DMI). */
  MBVERSION(0x1000),
  /** {@code MBSERIAL=} (DMI). */
  MBSERIAL(0x2000),
  /** {@code MBASSET=} (DMI). */
  MBASSET(0x4000),
  /** {@code BIOSVENDOR=} (DMI). */
  BIOSVENDOR(0x8000),
  /** {@code BIOSVERSION=} (DMI). */
  BIOSVERSION(0x10000),
  /** {@code SYSFF=} SMBIOS form factor (DMI). */
  SYSFF(0x20000),
  /** {@code FSUUID=} the file system's UUID or serial. */
  FSUUID(0x40000);

  private final long mask;

  SysappendBit(long mask) {
    this.mask = mask;
  }

  /** Returns the bit's value in the mask. */
  public long mask() {
    return mask;
  }
}
