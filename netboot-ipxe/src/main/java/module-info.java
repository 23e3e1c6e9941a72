/**
 * iPXE scripts: a typed model, a parser that reads a script exactly as iPXE does, a renderer that
 * cannot be tricked into writing a different script, setting expansion and a validator.
 *
 * <p>Start at {@link dev.netboot.ipxe.IpxeScriptParser}, {@link dev.netboot.ipxe.IpxeScript} and
 * {@link dev.netboot.ipxe.IpxeScriptRenderer}.
 */
module dev.netboot.ipxe {
  requires static org.jspecify;

  exports dev.netboot.ipxe;
}
