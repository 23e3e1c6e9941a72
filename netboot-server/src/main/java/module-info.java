/**
 * One embeddable network-boot server wired from the protocol modules: ProxyDHCP or full DHCP on
 * UDP 67, the PXE boot server on UDP 4011, TFTP and HTTP, with static or Pixiecore-API boot
 * decisions. Start at {@link dev.netboot.server.NetbootServer}.
 */
module dev.netboot.server {
  requires transitive dev.netboot.pxe;
  requires transitive dev.netboot.tftp;
  requires dev.netboot.ipxe;
  requires dev.netboot.syslinux;
  requires io.netty.buffer;
  requires io.netty.common;
  requires io.netty.transport;
  requires io.netty.codec;
  requires io.netty.codec.http;
  requires io.netty.handler;
  requires io.netty.transport.classes.epoll;
  requires io.netty.transport.unix.common;
  requires transitive java.net.http; // PixiecoreApiPolicy.Builder takes an HttpClient
  requires org.slf4j;
  requires static org.jspecify;

  exports dev.netboot.server;
  exports dev.netboot.server.dhcp;
  exports dev.netboot.server.simulation;
  exports dev.netboot.server.http;
  exports dev.netboot.server.lease;
  exports dev.netboot.server.api;
}
