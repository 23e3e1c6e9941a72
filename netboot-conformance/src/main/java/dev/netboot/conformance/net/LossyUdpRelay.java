package dev.netboot.conformance.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * A UDP relay that plays a bad network between clients and one server: every datagram, in both
 * directions, is dropped, duplicated, delayed or held back as a {@link LinkFaults} decides.
 *
 * <p>Clients send to {@link #address()} in place of the server's address. The relay forwards
 * each client's datagrams from a socket of its own (so the server sees one port per client),
 * and follows the server's transfer IDs: a protocol such as TFTP answers from a new port for
 * each transfer (RFC 1350 section 4), so each server source port gets its own client-facing
 * socket, and the client sees a new port just as it would without the relay. Answers from the
 * server's own address come back through {@link #address()}.
 *
 * <p>One thread selects over every socket and makes the decisions (one seeded generator per
 * direction, so a seed replays the same decisions for the same datagrams); one more delivers
 * the delayed copies. Clients, server ports and datagrams in flight are bounded
 * ({@link #MAX_CLIENTS}, {@link #MAX_SERVER_PORTS_PER_CLIENT}, {@link #MAX_IN_FLIGHT}); past a
 * bound datagrams are dropped and counted in {@link Counters#overflowed()}.
 *
 * <pre>{@code
 * LinkFaults faults = LinkFaults.builder().drop(0.05).duplicate(0.05).reorder(0.05)
 *     .delay(Duration.ZERO, Duration.ofMillis(5)).seed(42).build();
 * try (LossyUdpRelay relay = LossyUdpRelay.start(server, faults)) {
 *   client.get(relay.address(), "pxelinux.0", ...);
 * }
 * }</pre>
 */
public final class LossyUdpRelay implements AutoCloseable {
  /** The most clients (source addresses) relayed at once. */
  public static final int MAX_CLIENTS = 64;
  /** The most server source ports (transfer IDs) followed per client. */
  public static final int MAX_SERVER_PORTS_PER_CLIENT = 256;
  /** The most delayed datagrams waiting for delivery. */
  public static final int MAX_IN_FLIGHT = 4096;
  /** The largest datagram relayed whole; an IPv4 UDP payload is at most 65,507 bytes. */
  public static final int MAX_DATAGRAM = 65_535;

  private static final long SELECT_MILLIS = 100;
  private static final long JOIN_MILLIS = 2_000;
  /** Extra hold of a reordered copy beyond the longest delay, so later datagrams overtake it. */
  private static final long REORDER_EXTRA_MICROS = 2_000;

  /**
   * What the relay has seen and done so far.
   *
   * @param received datagrams received from either side
   * @param dropped datagrams dropped on purpose
   * @param duplicated datagrams delivered twice
   * @param reordered copies held back so that later datagrams overtook them
   * @param overflowed datagrams dropped because a bound was reached
   */
  public record Counters(
      long received, long dropped, long duplicated, long reordered, long overflowed) {}

  private final InetSocketAddress server;
  private final LinkFaults faults;
  private final Selector selector;
  private final DatagramChannel front;
  private final InetSocketAddress frontAddress;
  private final InetAddress listenAddress;
  private final Map<InetSocketAddress, Session> sessions = new HashMap<>();
  private final SplittableRandom towardServer;
  private final SplittableRandom towardClient;
  private final ScheduledThreadPoolExecutor wire;
  private final Thread loop;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicLong received = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong duplicated = new AtomicLong();
  private final AtomicLong reordered = new AtomicLong();
  private final AtomicLong overflowed = new AtomicLong();
  private final List<DatagramChannel> channels = new ArrayList<>();
  private volatile boolean closed;

  private LossyUdpRelay(InetSocketAddress listen, InetSocketAddress server, LinkFaults faults)
      throws IOException {
    this.server = server;
    this.faults = faults;
    this.listenAddress = listen.getAddress();
    this.towardServer = new SplittableRandom(faults.seed());
    this.towardClient = new SplittableRandom(faults.seed() ^ 0x5DEECE66DL);
    this.selector = Selector.open();
    try {
      this.front = open(listen);
      this.frontAddress = (InetSocketAddress) front.getLocalAddress();
      front.register(selector, SelectionKey.OP_READ, new Endpoint(null, null));
    } catch (IOException | RuntimeException e) {
      closeQuietly();
      throw e;
    }
    this.wire = new ScheduledThreadPoolExecutor(1, r -> daemon(r, "lossy-udp-relay-wire"));
    this.loop = daemon(this::run, "lossy-udp-relay");
    loop.start();
  }

  /**
   * Starts a relay to {@code server} listening on a free port of the loopback address.
   *
   * @param server the server's address
   * @param faults what to do to each datagram
   * @return the running relay
   * @throws IOException if a socket cannot be opened
   */
  public static LossyUdpRelay start(InetSocketAddress server, LinkFaults faults)
      throws IOException {
    return start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), server, faults);
  }

  /**
   * Starts a relay to {@code server} listening on {@code listen}.
   *
   * @param listen the address and port clients send to (port 0 picks a free one)
   * @param server the server's address
   * @param faults what to do to each datagram
   * @return the running relay
   * @throws IOException if a socket cannot be opened
   */
  public static LossyUdpRelay start(
      InetSocketAddress listen, InetSocketAddress server, LinkFaults faults) throws IOException {
    if (server.isUnresolved() || listen.isUnresolved()) {
      throw new IllegalArgumentException(
          "address: " + server + " / " + listen + " (expected: resolved addresses)");
    }
    return new LossyUdpRelay(listen, server, faults);
  }

  /** Returns the address clients send to in place of the server's. */
  public InetSocketAddress address() {
    return frontAddress;
  }

  /** Returns the faults this relay applies. */
  public LinkFaults faults() {
    return faults;
  }

  /** Returns what the relay has done so far. */
  public Counters counters() {
    return new Counters(received.get(), dropped.get(), duplicated.get(), reordered.get(),
        overflowed.get());
  }

  private void run() {
    ByteBuffer buffer = ByteBuffer.allocate(MAX_DATAGRAM);
    while (!closed) {
      try {
        selector.select(SELECT_MILLIS);
        for (SelectionKey key : selector.selectedKeys()) {
          if (key.isValid() && key.isReadable()) {
            drain((DatagramChannel) key.channel(), (Endpoint) key.attachment(), buffer);
          }
        }
        selector.selectedKeys().clear();
      } catch (IOException | RuntimeException e) {
        if (!closed) {
          overflowed.incrementAndGet(); // A socket failed: count it as lost traffic and go on.
        }
      }
    }
  }

  private void drain(DatagramChannel channel, Endpoint endpoint, ByteBuffer buffer)
      throws IOException {
    // Bounded: at most a few datagrams per wake-up so one busy socket cannot starve the rest.
    for (int i = 0; i < 64; i++) {
      buffer.clear();
      InetSocketAddress from = (InetSocketAddress) channel.receive(buffer);
      if (from == null) {
        return;
      }
      buffer.flip();
      byte[] data = new byte[buffer.remaining()];
      buffer.get(data);
      received.incrementAndGet();
      route(channel, endpoint, from, data);
    }
  }

  private void route(DatagramChannel channel, Endpoint endpoint, InetSocketAddress from,
      byte[] data) throws IOException {
    Session owner = endpoint.session();
    InetSocketAddress serverPort = endpoint.serverPort();
    if (owner != null && serverPort == null) {
      // The server-facing socket of a session: an answer from the server.
      Session session = owner;
      DatagramChannel toClient = from.equals(server) ? front : session.clientFacing(from);
      if (toClient == null) {
        overflowed.incrementAndGet();
        return;
      }
      forward(data, toClient, session.client, towardClient);
      return;
    }
    Session session = session(from);
    if (session == null) {
      overflowed.incrementAndGet();
      return;
    }
    InetSocketAddress to = serverPort != null ? serverPort : server;
    forward(data, session.back, to, towardServer);
  }

  private @Nullable Session session(InetSocketAddress client) throws IOException {
    Session session = sessions.get(client);
    if (session == null) {
      if (sessions.size() >= MAX_CLIENTS) {
        return null;
      }
      session = new Session(client);
      sessions.put(client, session);
    }
    return session;
  }

  private void forward(byte[] data, DatagramChannel via, InetSocketAddress to,
      SplittableRandom random) {
    if (random.nextDouble() < faults.drop()) {
      dropped.incrementAndGet();
      return;
    }
    int copies = 1;
    if (random.nextDouble() < faults.duplicate()) {
      duplicated.incrementAndGet();
      copies = 2;
    }
    long minMicros = TimeUnit.NANOSECONDS.toMicros(faults.minDelay().toNanos());
    long maxMicros = TimeUnit.NANOSECONDS.toMicros(faults.maxDelay().toNanos());
    for (int i = 0; i < copies; i++) {
      long delay = minMicros + (maxMicros > minMicros ? random.nextLong(maxMicros - minMicros + 1)
          : 0);
      if (random.nextDouble() < faults.reorder()) {
        reordered.incrementAndGet();
        delay = maxMicros + REORDER_EXTRA_MICROS;
      }
      if (delay == 0) {
        send(via, data, to);
      } else if (inFlight.incrementAndGet() > MAX_IN_FLIGHT) {
        inFlight.decrementAndGet();
        overflowed.incrementAndGet();
      } else {
        wire.schedule(() -> {
          inFlight.decrementAndGet();
          send(via, data, to);
        }, delay, TimeUnit.MICROSECONDS);
      }
    }
  }

  private void send(DatagramChannel via, byte[] data, InetSocketAddress to) {
    try {
      if (via.send(ByteBuffer.wrap(data), to) == 0) {
        overflowed.incrementAndGet(); // The socket's buffer is full: the network lost it.
      }
    } catch (IOException e) {
      // Closed, or the peer is unreachable: a lost datagram, which this relay is for anyway.
    }
  }

  private DatagramChannel open(InetSocketAddress bind) throws IOException {
    DatagramChannel channel = DatagramChannel.open(
        bind.getAddress() instanceof java.net.Inet6Address
            ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
    channels.add(channel);
    channel.configureBlocking(false);
    channel.bind(bind);
    return channel;
  }

  @Override
  public void close() {
    closed = true;
    selector.wakeup();
    if (loop != null && Thread.currentThread() != loop) {
      try {
        loop.join(JOIN_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (wire != null) {
      wire.shutdownNow();
    }
    closeQuietly();
  }

  private void closeQuietly() {
    for (DatagramChannel c : channels) {
      try {
        c.close();
      } catch (IOException e) {
        // Closing a datagram socket cannot lose data; nothing to do.
      }
    }
    try {
      selector.close();
    } catch (IOException e) {
      // Same.
    }
  }

  @Override
  public String toString() {
    return "LossyUdpRelay{" + address() + " -> " + server + ", " + faults + ", " + counters()
        + "}";
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  /** What a socket is for: the front (both null), a session's back, or a server port's face. */
  private record Endpoint(@Nullable Session session, @Nullable InetSocketAddress serverPort) {}

  /** One client: its server-facing socket and one client-facing socket per server port. */
  private final class Session {
    final InetSocketAddress client;
    final DatagramChannel back;
    final Map<InetSocketAddress, DatagramChannel> faces = new HashMap<>();

    Session(InetSocketAddress client) throws IOException {
      this.client = client;
      InetAddress any = server.getAddress() instanceof java.net.Inet6Address
          ? InetAddress.getByName("::") : InetAddress.getByName("0.0.0.0");
      this.back = open(new InetSocketAddress(any, 0));
      back.register(selector, SelectionKey.OP_READ, new Endpoint(this, null));
    }

    @Nullable DatagramChannel clientFacing(InetSocketAddress serverPort) throws IOException {
      DatagramChannel face = faces.get(serverPort);
      if (face == null) {
        if (faces.size() >= MAX_SERVER_PORTS_PER_CLIENT) {
          return null;
        }
        face = open(new InetSocketAddress(listenAddress, 0));
        face.register(selector, SelectionKey.OP_READ, new Endpoint(this, serverPort));
        faces.put(serverPort, face);
      }
      return face;
    }
  }
}
