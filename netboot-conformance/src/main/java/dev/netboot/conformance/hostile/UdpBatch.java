package dev.netboot.conformance.hostile;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A batch of UDP sockets on ephemeral ports, read through one selector: each case of a category
 * sends from its own socket, so every answer is attributed to the case that caused it even when
 * the protocol has no transaction id (TFTP).
 */
final class UdpBatch implements AutoCloseable {
  /** The largest UDP payload over IPv4: answers are read whole to measure their size. */
  static final int MAX_DATAGRAM = 65_507;

  private final Selector selector;
  private final List<DatagramChannel> channels;
  private final ByteBuffer buffer = ByteBuffer.allocate(MAX_DATAGRAM);

  private UdpBatch(Selector selector, List<DatagramChannel> channels) {
    this.selector = selector;
    this.channels = channels;
  }

  /** Opens {@code count} sockets bound to {@code local} on ephemeral ports. */
  static UdpBatch open(InetAddress local, int count) throws IOException {
    return open(java.util.Collections.nCopies(count, local));
  }

  /** Opens one socket on an ephemeral port for each of {@code locals}. */
  static UdpBatch open(List<? extends InetAddress> locals) throws IOException {
    Selector selector = Selector.open();
    List<DatagramChannel> channels = new ArrayList<>();
    try {
      for (int i = 0; i < locals.size(); i++) {
        DatagramChannel c = DatagramChannel.open(StandardProtocolFamily.INET);
        channels.add(c);
        c.configureBlocking(false);
        // Hostile bursts must not be lost on our side: the answers are what is measured.
        c.setOption(java.net.StandardSocketOptions.SO_RCVBUF, 1 << 20);
        c.bind(new InetSocketAddress(locals.get(i), 0));
        c.register(selector, SelectionKey.OP_READ, i);
      }
      return new UdpBatch(selector, channels);
    } catch (IOException | RuntimeException e) {
      for (DatagramChannel c : channels) {
        c.close();
      }
      selector.close();
      throw e;
    }
  }

  int size() {
    return channels.size();
  }

  /** Returns the local port of socket {@code index}. */
  int port(int index) throws IOException {
    return ((InetSocketAddress) channels.get(index).getLocalAddress()).getPort();
  }

  /** Sends one datagram from socket {@code index}. */
  void send(int index, byte[] payload, InetSocketAddress to) throws IOException {
    channels.get(index).send(ByteBuffer.wrap(payload), to);
  }

  /**
   * Hands every datagram that arrives before {@code deadlineNanos} (on {@link System#nanoTime})
   * to {@code sink}, with the index of the socket it arrived on; returns early once {@code sink}
   * says the batch is done.
   */
  void receiveUntil(long deadlineNanos, Sink sink) throws IOException {
    while (true) {
      long left = deadlineNanos - System.nanoTime();
      if (left <= 0 || sink.done()) {
        return;
      }
      if (Thread.currentThread().isInterrupted()) {
        throw new InterruptedIOException("interrupted while waiting for answers");
      }
      selector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
      selector.selectedKeys().clear();
      for (int i = 0; i < channels.size(); i++) {
        while (true) {
          buffer.clear();
          SocketAddress from = channels.get(i).receive(buffer);
          if (from == null) {
            break;
          }
          buffer.flip();
          byte[] bytes = new byte[buffer.remaining()];
          buffer.get(bytes);
          sink.received(i, bytes, (InetSocketAddress) from);
        }
      }
    }
  }

  @Override
  public void close() throws IOException {
    try {
      for (DatagramChannel c : channels) {
        c.close();
      }
    } finally {
      selector.close();
    }
  }

  /** Where a batch's datagrams go. */
  interface Sink {
    /** A datagram arrived on socket {@code index}. */
    void received(int index, byte[] bytes, InetSocketAddress from) throws IOException;

    /** Whether nothing more is awaited; the default waits for the deadline. */
    default boolean done() {
      return false;
    }
  }
}
