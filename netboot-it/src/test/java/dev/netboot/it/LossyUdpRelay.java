package dev.netboot.it;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bad network on loopback for one TFTP client and one server: it forwards datagrams both
 * ways, dropping, duplicating and delaying each one at random (a seeded generator per
 * direction), so that packets also arrive out of order.
 *
 * <p>The client sends to {@link #address()} as if it were the server's well-known port; the
 * relay forwards requests to the server's listener, locks onto the port of the server's first
 * answer (its transfer ID) and from then on passes packets between the two. A new request
 * from the client starts over, so one relay serves transfers one after another.
 */
public final class LossyUdpRelay implements AutoCloseable {
  /** How long the relay may live at most: a forgotten one stops by itself. */
  static final long MAX_LIFETIME_NANOS = TimeUnit.MINUTES.toNanos(5);

  /**
   * What the network does to each datagram.
   *
   * @param loss the probability that it is dropped
   * @param duplicate the probability that it is delivered twice
   * @param maxDelayMicros each copy is delayed by a uniform random time up to this
   */
  public record Impairment(double loss, double duplicate, int maxDelayMicros) {}

  private final InetSocketAddress server;
  private final Impairment impairment;
  private final DatagramSocket front;
  private final DatagramSocket back;
  private final ScheduledExecutorService wire = new ScheduledThreadPoolExecutor(1, r -> {
    Thread t = new Thread(r, "lossy-relay-wire");
    t.setDaemon(true);
    return t;
  });
  private final Thread toServer;
  private final Thread toClient;
  private final long endNanos = System.nanoTime() + MAX_LIFETIME_NANOS;
  private volatile InetSocketAddress client;
  private volatile InetSocketAddress serverTid;
  private volatile boolean closed;
  /** Datagrams received, dropped, duplicated, in both directions. */
  public final AtomicLong received = new AtomicLong();
  public final AtomicLong dropped = new AtomicLong();
  public final AtomicLong duplicated = new AtomicLong();

  /**
   * Starts a relay in front of {@code server}.
   *
   * @param seed seeds both directions' generators; the same seed makes the same decisions
   *     for the same sequence of datagrams
   */
  public LossyUdpRelay(InetSocketAddress server, Impairment impairment, long seed)
      throws IOException {
    this.server = server;
    this.impairment = impairment;
    InetAddress loopback = server.getAddress();
    front = new DatagramSocket(new InetSocketAddress(loopback, 0));
    back = new DatagramSocket(new InetSocketAddress(loopback, 0));
    front.setSoTimeout(100);
    back.setSoTimeout(100);
    toServer = new Thread(() -> pump(front, true, new SplittableRandom(seed)), "relay-to-server");
    toClient =
        new Thread(() -> pump(back, false, new SplittableRandom(seed + 1)), "relay-to-client");
    toServer.setDaemon(true);
    toClient.setDaemon(true);
    toServer.start();
    toClient.start();
  }

  /** Returns the address clients send to in place of the server's. */
  public InetSocketAddress address() {
    return (InetSocketAddress) front.getLocalSocketAddress();
  }

  private void pump(DatagramSocket from, boolean clientToServer, SplittableRandom random) {
    byte[] buf = new byte[70_000];
    while (!closed && System.nanoTime() - endNanos < 0) {
      DatagramPacket p = new DatagramPacket(buf, buf.length);
      try {
        from.receive(p);
      } catch (SocketTimeoutException e) {
        continue;
      } catch (IOException e) {
        return;
      }
      byte[] data = Arrays.copyOf(p.getData(), p.getLength());
      InetSocketAddress sender = (InetSocketAddress) p.getSocketAddress();
      InetSocketAddress to;
      DatagramSocket via;
      if (clientToServer) {
        client = sender;
        boolean request = data.length >= 2 && data[0] == 0 && (data[1] == 1 || data[1] == 2);
        if (request) {
          serverTid = null;
        }
        to = request || serverTid == null ? server : serverTid;
        via = back;
      } else {
        if (serverTid == null) {
          serverTid = sender;
        } else if (!serverTid.equals(sender)) {
          continue; // An earlier transfer's straggler: not part of this one.
        }
        to = client;
        via = front;
      }
      received.incrementAndGet();
      forward(data, to, via, random);
    }
  }

  private void forward(byte[] data, InetSocketAddress to, DatagramSocket via,
      SplittableRandom random) {
    if (random.nextDouble() < impairment.loss()) {
      dropped.incrementAndGet();
      return;
    }
    int copies = 1;
    if (random.nextDouble() < impairment.duplicate()) {
      duplicated.incrementAndGet();
      copies = 2;
    }
    for (int i = 0; i < copies; i++) {
      long delay = impairment.maxDelayMicros() == 0 ? 0
          : random.nextInt(impairment.maxDelayMicros() + 1);
      wire.schedule(() -> {
        try {
          via.send(new DatagramPacket(data, data.length, to));
        } catch (IOException e) {
          // Closed, or the peer is gone: a lost datagram, which is what this relay is for.
        }
      }, delay, TimeUnit.MICROSECONDS);
    }
  }

  @Override
  public void close() {
    closed = true;
    wire.shutdownNow();
    front.close();
    back.close();
    try {
      toServer.join(2000);
      toClient.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Returns a summary for assertion messages. */
  @Override
  public String toString() {
    return "LossyUdpRelay{" + impairment + ", received=" + received + ", dropped=" + dropped
        + ", duplicated=" + duplicated + "}";
  }

}
