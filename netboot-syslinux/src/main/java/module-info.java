/**
 * syslinux / pxelinux / extlinux configuration files: a lossless document for minimal-diff
 * edits, a semantic model with builders and a canonical renderer, include resolution, a
 * validator and pxelinux's configuration-file search order.
 *
 * <p>Start at {@link dev.netboot.syslinux.ConfigDocument} (read a real file) or
 * {@link dev.netboot.syslinux.SyslinuxConfig} (generate one).
 */
module dev.netboot.syslinux {
  requires static org.jspecify;

  exports dev.netboot.syslinux;
}
