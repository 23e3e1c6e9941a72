package dev.netboot.conformance.dhcp.suite;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The suite's UDP endpoint on the client port. Usually one socket; in broadcast mode with a local
 * address, two: one bound to that address, so that broadcasts leave through its interface (Linux
 * routes a limited broadcast by the source address), and one on 0.0.0.0, because a socket bound
 * to a unicast address never receives the broadcasts that servers send to clients with no address.
 */
final class SuiteChannel implements AutoCloseable {
  /** The largest UDP payload over IPv4: replies are read whole to measure their size. */
  private static final int MAX_DATAGRAM = 65_507;

  private final Selector selector;
  private final DatagramChannel sender;
  private final List<DatagramChannel> channels;
  private final ByteBuffer buffer = ByteBuffer.allocate(MAX_DATAGRAM);

  private SuiteChannel(Selector selector, DatagramChannel sender, List<DatagramChannel> channels) {
    this.selector = selector;
    this.sender = sender;
    this.channels = channels;
  }

  /**
   * Opens the endpoint.
   *
   * @param local the address to send from, or {@code null} for any
   * @param port the client port, 0 for an ephemeral one
   * @param broadcast whether requests are broadcast
   * @throws IOException if the port cannot be bound (68 needs root)
   */
  static SuiteChannel open(@Nullable Inet4Address local, int port, boolean broadcast)
      throws IOException {
    Selector selector = Selector.open();
    List<DatagramChannel> channels = new ArrayList<>();
    try {
      boolean split = broadcast && local != null;
      DatagramChannel sender = bind(local != null ? new InetSocketAddress(local, port)
          : new InetSocketAddress(port), broadcast, split);
      channels.add(sender);
      if (split) {
        int bound = ((InetSocketAddress) sender.getLocalAddress()).getPort();
        channels.add(bind(new InetSocketAddress(bound), true, true));
      }
      for (DatagramChannel c : channels) {
        c.register(selector, SelectionKey.OP_READ);
      }
      return new SuiteChannel(selector, sender, List.copyOf(channels));
    } catch (IOException | RuntimeException e) {
      for (DatagramChannel c : channels) {
        c.close();
      }
      selector.close();
      throw e;
    }
  }

  private static DatagramChannel bind(InetSocketAddress address, boolean broadcast,
      boolean reuse) throws IOException {
    DatagramChannel c = DatagramChannel.open(StandardProtocolFamily.INET);
    try {
      c.configureBlocking(false);
      c.setOption(StandardSocketOptions.SO_BROADCAST, broadcast);
      c.setOption(StandardSocketOptions.SO_REUSEADDR, reuse);
      c.bind(address);
      return c;
    } catch (IOException | RuntimeException e) {
      c.close();
      throw e;
    }
  }

  /** Returns the address the sending socket is bound to (may be 0.0.0.0). */
  InetSocketAddress localAddress() throws IOException {
    return (InetSocketAddress) sender.getLocalAddress();
  }

  /** Sends one datagram. */
  void send(byte[] packet, InetSocketAddress to) throws IOException {
    sender.send(ByteBuffer.wrap(packet), to);
  }

  /**
   * Hands every datagram that arrives before {@code deadlineNanos} (on {@link System#nanoTime})
   * to {@code sink}, with its source and arrival time.
   */
  void receiveUntil(long deadlineNanos, Consumer<Datagram> sink) throws IOException {
    while (true) {
      long left = deadlineNanos - System.nanoTime();
      if (left <= 0) {
        return;
      }
      // An interrupted thread's select returns at once: stop rather than spin to the deadline.
      if (Thread.currentThread().isInterrupted()) {
        throw new InterruptedIOException("interrupted while waiting for replies");
      }
      selector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
      selector.selectedKeys().clear();
      for (DatagramChannel c : channels) {
        drain(c, sink);
      }
    }
  }

  private void drain(DatagramChannel c, Consumer<Datagram> sink) throws IOException {
    while (true) {
      buffer.clear();
      SocketAddress from = c.receive(buffer);
      if (from == null) {
        return;
      }
      buffer.flip();
      byte[] bytes = new byte[buffer.remaining()];
      buffer.get(bytes);
      sink.accept(new Datagram(bytes, (InetSocketAddress) from, System.nanoTime()));
    }
  }

  /** Returns the local address a datagram to {@code server} would leave from. */
  static InetAddress routeSource(InetSocketAddress server) throws IOException {
    try (DatagramChannel probe = DatagramChannel.open(StandardProtocolFamily.INET)) {
      probe.connect(server);
      return ((InetSocketAddress) probe.getLocalAddress()).getAddress();
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

  /**
   * A datagram received.
   *
   * @param bytes its payload
   * @param from its source
   * @param atNanos when it was read, on {@link System#nanoTime}
   */
  record Datagram(byte[] bytes, InetSocketAddress from, long atNanos) {}
}
