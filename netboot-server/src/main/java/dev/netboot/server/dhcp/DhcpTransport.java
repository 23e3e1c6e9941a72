package dev.netboot.server.dhcp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * The sockets of one UDP service of the server (DHCP on 67, the PXE boot server on 4011): where
 * requests come from and replies go. Two kinds exist: a portable one on one address, and on Linux
 * one socket per interface, which alone can tell which interface a broadcast arrived on.
 */
public interface DhcpTransport extends AutoCloseable {
  /**
   * Binds the sockets and starts delivering datagrams.
   *
   * @param handler called for each datagram received
   * @throws IOException if a socket cannot be bound
   */
  void start(DhcpDatagramHandler handler) throws IOException;

  /** Returns the addresses the sockets are bound to (empty before {@link #start}). */
  List<InetSocketAddress> boundAddresses();

  /** Closes the sockets; datagrams in flight are dropped. */
  @Override
  void close();
}
