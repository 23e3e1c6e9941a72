package dev.netboot.tftp;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A deterministic network on a virtual clock between one client transfer and the server
 * transfer its request creates: packets are encoded when sent and decoded when delivered, and
 * may be dropped, duplicated, delayed and reordered by a seeded random source. A receiving
 * socket buffer can be modelled too: each side takes one packet per {@code serviceNanos} and
 * drops what arrives while {@code bufferPackets} are waiting. Every run is bounded in steps and
 * virtual time and fails with a clear message when a transfer hangs.
 */
final class SimulatedNetwork {
  static final InetSocketAddress CLIENT = new InetSocketAddress("192.0.2.10", 50000);

  double loss;
  double duplicate;
  long delayNanos = 1_000_000;
  long jitterNanos;
  int bufferPackets = Integer.MAX_VALUE;
  long serviceNanos;
  /** Drops only the first N packets to the server; then normal (for targeted tests). */
  int dropFirstToServer;
  int maxSteps = 5_000_000;
  long maxVirtualNanos = 3_600_000_000_000L;

  private final SplittableRandom random;
  private final PriorityQueue<InFlight> queue = new PriorityQueue<>();
  private long sequence;
  private final long[] nextFree = new long[2];
  final List<TftpPacket> toServer = new ArrayList<>();
  final List<TftpPacket> toClient = new ArrayList<>();
  int dropped;

  SimulatedNetwork(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /** What happened. */
  record Run(TftpTransferResult client, @Nullable TftpTransferResult server, int steps,
      long virtualNanos) {}

  private record InFlight(long at, long seq, boolean toServer, byte[] bytes)
      implements Comparable<InFlight> {
    @Override
    public int compareTo(InFlight o) {
      return at != o.at ? Long.compare(at, o.at) : Long.compare(seq, o.seq);
    }
  }

  /**
   * Runs {@code client} against the server transfer that {@code server} makes from the first
   * request, until both are finished.
   */
  Run run(TftpTransfer client, Function<TftpRequest, TftpTransfer> server) {
    long now = 0;
    TftpTransfer[] serverSide = new TftpTransfer[1];
    TftpOutbox clientOut = p -> send(p, true, currentTime[0]);
    TftpOutbox serverOut = p -> send(p, false, currentTime[0]);
    currentTime[0] = now;
    client.start(now, clientOut);
    int steps = 0;
    while (true) {
      TftpTransfer s = serverSide[0];
      boolean serverDone = s == null ? client.isFinished() : s.isFinished();
      if (client.isFinished() && serverDone) {
        break;
      }
      if (++steps > maxSteps) {
        throw new AssertionError("no end after " + maxSteps + " steps; client " + client.result()
            + ", server " + (s == null ? null : s.result()));
      }
      long next = Long.MAX_VALUE;
      if (!queue.isEmpty()) {
        next = queue.peek().at;
      }
      next = Math.min(next, client.deadlineNanos());
      if (s != null) {
        next = Math.min(next, s.deadlineNanos());
      }
      if (next == Long.MAX_VALUE) {
        if (client.isFinished() && s == null) {
          break;
        }
        throw new AssertionError("hang: nothing in flight and no deadline; client "
            + client.result() + ", server " + (s == null ? null : s.result()));
      }
      now = Math.max(now, next);
      if (now > maxVirtualNanos) {
        throw new AssertionError("no end after " + maxVirtualNanos / 1e9 + " virtual seconds");
      }
      currentTime[0] = now;
      if (!queue.isEmpty() && queue.peek().at <= now) {
        InFlight f = queue.poll();
        TftpPacket packet = TftpPacketDecoder.decode(f.bytes());
        if (f.toServer()) {
          toServer.add(packet);
          if (s == null && packet instanceof TftpRequest) {
            serverSide[0] = server.apply((TftpRequest) packet);
            serverSide[0].start(now, serverOut);
          } else if (s != null) {
            s.onPacket(packet, now, serverOut);
          }
        } else {
          toClient.add(packet);
          client.onPacket(packet, now, clientOut);
        }
        continue;
      }
      if (client.deadlineNanos() <= now) {
        client.onDeadline(now, clientOut);
      }
      if (s != null && s.deadlineNanos() <= now) {
        s.onDeadline(now, serverOut);
      }
    }
    TftpTransferResult c = client.result();
    if (c == null) {
      throw new AssertionError("client finished without a result");
    }
    TftpTransfer s = serverSide[0];
    return new Run(c, s == null ? null : s.result(), steps, now);
  }

  private final long[] currentTime = new long[1];

  private void send(TftpPacket packet, boolean toServerSide, long now) {
    byte[] bytes = TftpPacketEncoder.toBytes(packet);
    if (toServerSide && dropFirstToServer > 0) {
      dropFirstToServer--;
      dropped++;
      return;
    }
    int copies = random.nextDouble() < duplicate ? 2 : 1;
    for (int i = 0; i < copies; i++) {
      if (random.nextDouble() < loss) {
        dropped++;
        continue;
      }
      long at = now + delayNanos + (jitterNanos > 0 ? random.nextLong(jitterNanos) : 0);
      if (serviceNanos > 0) {
        int side = toServerSide ? 1 : 0;
        long start = Math.max(at, nextFree[side]);
        if ((start - at) / serviceNanos >= bufferPackets) {
          dropped++;
          continue;
        }
        nextFree[side] = start + serviceNanos;
        at = start;
      }
      queue.add(new InFlight(at, sequence++, toServerSide, bytes));
    }
  }

  /** The request info a transport would make for the simulated client. */
  static TftpRequestInfo info(TftpRequest request) {
    return new TftpRequestInfo(request.filename(), request.mode(), request.options(), CLIENT);
  }
}
