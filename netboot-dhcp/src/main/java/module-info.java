/**
 * DHCPv4 and ProxyDHCP message and option codecs on netty {@code ByteBuf}.
 *
 * <p>The codec is pure: it knows no sockets, threads or clocks. Start at
 * {@link dev.netboot.dhcp.DhcpMessage}, {@link dev.netboot.dhcp.DhcpMessageDecoder} and
 * {@link dev.netboot.dhcp.DhcpMessageEncoder}.
 */
module dev.netboot.dhcp {
  requires transitive io.netty.buffer;
  requires static org.jspecify;

  exports dev.netboot.dhcp;
}
