package dev.netboot.syslinux;

/**
 * What syslinux does with a label's image: the closed set of {@code enum kernel_type} in
 * syslinux 6.x ({@code com32/elflink/ldlinux/config.h}), one per directive that names an image.
 */
public enum KernelType {
  /** {@code NONE}: no image. */
  NONE,
  /** {@code LOCALBOOT}: boot from a local device; the argument is the boot type. */
  LOCALBOOT,
  /** {@code KERNEL}: the type follows the file name's extension, see {@link #fromFileName}. */
  KERNEL,
  /** {@code LINUX}: a Linux kernel. */
  LINUX,
  /** {@code BOOT}: a boot sector ({@code .bs}, {@code .bin}). */
  BOOT,
  /** {@code BSS}: a boot sector that keeps the DOS superblock ({@code .bss}). */
  BSS,
  /** {@code PXE}: a PXE network bootstrap program ({@code .0}). */
  PXE,
  /** {@code FDIMAGE}: a floppy image ({@code .img}). */
  FDIMAGE,
  /** {@code COMBOOT}: a COMBOOT program ({@code .com}, {@code .cbt}). */
  COMBOOT,
  /** {@code COM32}: a COM32 module ({@code .c32}). */
  COM32,
  /** {@code CONFIG}: restart with another configuration file. */
  CONFIG;

  /**
   * Returns the type syslinux gives an image named by {@code KERNEL} or typed at the prompt, by
   * the suffix of its first word, as {@code parse_kernel_type()} in
   * {@code com32/elflink/ldlinux/ldlinux.c} does: {@code .c32} COM32, {@code .0} PXE,
   * {@code .bs} and {@code .bin} BOOT, {@code .img} FDIMAGE, {@code .bss} BSS, {@code .com} and
   * {@code .cbt} COMBOOT, anything else a Linux kernel. The comparison is case-sensitive, as in
   * syslinux ({@code strncmp}).
   *
   * @param commandLine an image name, optionally followed by arguments
   * @return the type; {@link #LINUX} when no suffix matches
   */
  public static KernelType fromFileName(String commandLine) {
    int end = 0;
    while (end < commandLine.length() && commandLine.charAt(end) > ' ') {
      end++;
    }
    String name = commandLine.substring(0, end);
    if (name.endsWith(".c32")) {
      return COM32;
    } else if (name.endsWith(".0")) {
      return PXE;
    } else if (name.endsWith(".bs") || name.endsWith(".bin")) {
      return BOOT;
    } else if (name.endsWith(".img")) {
      return FDIMAGE;
    } else if (name.endsWith(".bss")) {
      return BSS;
    } else if (name.endsWith(".com") || name.endsWith(".cbt")) {
      return COMBOOT;
    }
    return LINUX;
  }
}
