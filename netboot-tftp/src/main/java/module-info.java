/**
 * A TFTP engine: the packet codec, sans-IO transfers for both directions on both sides, file
 * sources, and a UDP transport (RFC 1350, 2347, 2348, 2349, 7440).
 */
module dev.netboot.tftp {
  requires transitive io.netty.buffer;
  requires org.slf4j;
  requires static org.jspecify;

  exports dev.netboot.tftp;
  exports dev.netboot.tftp.files;
  exports dev.netboot.tftp.udp;
  // Not API: the server facade shares the TFTP server's per-peer log budget for its HTTP lines.
  exports dev.netboot.tftp.internal to dev.netboot.server;
}
