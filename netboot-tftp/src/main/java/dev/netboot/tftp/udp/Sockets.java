package dev.netboot.tftp.udp;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnknownHostException;
import java.nio.channels.DatagramChannel;

/** Opening datagram channels the same way for listeners, server transfers and clients. */
final class Sockets {
  /**
   * The socket buffer size asked for (the kernel may cap it, at {@code net.core.rmem_max} on
   * Linux): room for a burst of requests on a listener, or for a whole window of large blocks
   * (64 blocks of 8 KB plus per-datagram overhead), so that the kernel drops nothing while a
   * loop is busy with other sockets. Memory is only used while datagrams wait.
   */
  static final int BUFFER_SIZE = 1 << 20;

  private Sockets() {}

  /**
   * Opens a non-blocking datagram channel bound to {@code local}, of the address's family so
   * that an IPv4 socket never turns into a dual-stack one and back.
   */
  static DatagramChannel openDatagramChannel(InetSocketAddress local) throws IOException {
    InetAddress address = local.getAddress();
    StandardProtocolFamily family = address instanceof Inet4Address
        ? StandardProtocolFamily.INET
        : StandardProtocolFamily.INET6;
    DatagramChannel channel = DatagramChannel.open(family);
    try {
      channel.configureBlocking(false);
      channel.setOption(StandardSocketOptions.SO_RCVBUF, BUFFER_SIZE);
      channel.setOption(StandardSocketOptions.SO_SNDBUF, BUFFER_SIZE);
      channel.bind(local);
      return channel;
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /** Returns the wildcard address of {@code address}'s family, with port 0. */
  static InetSocketAddress wildcardLike(InetAddress address) {
    try {
      byte[] any = new byte[address instanceof Inet4Address ? 4 : 16];
      return new InetSocketAddress(InetAddress.getByAddress(any), 0);
    } catch (UnknownHostException e) {
      throw new AssertionError("an address of 4 or 16 bytes is always valid", e);
    }
  }
}
