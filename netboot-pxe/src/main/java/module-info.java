/**
 * PXE on top of netboot-dhcp: option 43 (PXE 2.1 vendor sub-options), client identification,
 * the boot policy SPI, and the ProxyDHCP, boot server (UDP 4011) and full-DHCP reply builders.
 *
 * <p>Everything here is a pure function over {@link dev.netboot.dhcp.DhcpMessage}s: no sockets,
 * threads or clocks. Start at {@link dev.netboot.pxe.ProxyDhcpResponder}.
 */
module dev.netboot.pxe {
  requires transitive dev.netboot.dhcp;
  requires static org.jspecify;

  exports dev.netboot.pxe;
}
