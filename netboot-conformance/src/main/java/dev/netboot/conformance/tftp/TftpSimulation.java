package dev.netboot.conformance.tftp;

import dev.netboot.tftp.TftpClientSettings;
import dev.netboot.tftp.TftpClientTransfers;
import dev.netboot.tftp.TftpOutbox;
import dev.netboot.tftp.TftpPacket;
import dev.netboot.tftp.TftpPacketDecoder;
import dev.netboot.tftp.TftpPacketEncoder;
import dev.netboot.tftp.TftpRequest;
import dev.netboot.tftp.TftpRequestInfo;
import dev.netboot.tftp.TftpServerSettings;
import dev.netboot.tftp.TftpServerTransfers;
import dev.netboot.tftp.TftpTransfer;
import dev.netboot.tftp.TftpTransferResult;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * Runs a {@link TftpScenario}: a client transfer against the server transfer its request
 * creates, through a simulated network with the scenario's {@link TftpFaults}, on a virtual
 * clock. Deterministic: the same scenario gives the same run. Packets are encoded when sent and
 * decoded when delivered, as a transport does. Every run is bounded: a transfer that neither
 * finishes nor has anything in flight or scheduled, or that exceeds the step or virtual time
 * budget, raises an {@link AssertionError} that says so.
 */
public final class TftpSimulation {
  /** The file name both sides use. */
  public static final String FILE_NAME = "scenario.bin";
  /** The virtual time budget: an hour. */
  public static final long MAX_VIRTUAL_NANOS = 3_600_000_000_000L;

  private static final InetSocketAddress CLIENT = new InetSocketAddress("192.0.2.10", 50_000);

  private final TftpScenario scenario;
  private final SplittableRandom random;
  private final PriorityQueue<InFlight> queue = new PriorityQueue<>();
  private final List<TftpPacket> toServer = new ArrayList<>();
  private final List<TftpPacket> toClient = new ArrayList<>();
  private final long[] nextFree = new long[2];
  private long sequence;
  private long now;

  private TftpSimulation(TftpScenario scenario) {
    this.scenario = scenario;
    this.random = new SplittableRandom(scenario.faults().seed());
  }

  /**
   * How a run ended.
   *
   * @param content the file's bytes
   * @param client the client transfer's result
   * @param server the server transfer's result, or {@code null} if no request ever arrived
   * @param received the bytes the receiving side committed, or {@code null} if it committed none
   * @param toServer every packet delivered to the server, in order
   * @param toClient every packet delivered to the client, in order
   * @param steps the events processed
   * @param virtualNanos the virtual time at the end
   */
  public record Run(byte[] content, TftpTransferResult client,
      @Nullable TftpTransferResult server, byte @Nullable [] received,
      List<TftpPacket> toServer, List<TftpPacket> toClient, int steps, long virtualNanos) {}

  private record InFlight(long at, long seq, boolean toServer, byte[] bytes)
      implements Comparable<InFlight> {
    @Override
    public int compareTo(InFlight o) {
      return at != o.at ? Long.compare(at, o.at) : Long.compare(seq, o.seq);
    }
  }

  /**
   * Runs a scenario.
   *
   * @param scenario the scenario
   * @return the run
   * @throws AssertionError if the transfers hang or exceed the budget
   */
  public static Run run(TftpScenario scenario) {
    return new TftpSimulation(scenario).run();
  }

  /**
   * Returns the file a scenario transfers: random bytes, or for netascii random text with CR
   * and LF in it.
   *
   * @param scenario the scenario
   * @return the bytes
   */
  public static byte[] content(TftpScenario scenario) {
    SplittableRandom r = new SplittableRandom(scenario.contentSeed());
    byte[] b = new byte[scenario.fileSize()];
    if (!scenario.netascii()) {
      r.nextBytes(b);
      return b;
    }
    for (int i = 0; i < b.length; i++) {
      int c = r.nextInt(12);
      b[i] = (byte) (c == 0 ? '\n' : c == 1 ? '\r' : c == 2 ? 0 : 'a' + r.nextInt(26));
    }
    return b;
  }

  private Run run() {
    byte[] content = content(scenario);
    MemoryFiles files = new MemoryFiles(FILE_NAME, content);
    MemoryFiles.Writable download = new MemoryFiles.Writable();
    TftpClientSettings clientSettings =
        TftpClientSettings.builder().retransmit(scenario.retransmit()).build();
    TftpServerSettings serverSettings = TftpServerSettings.builder()
        .maxBlksize(scenario.serverMaxBlksize()).maxWindowsize(scenario.serverMaxWindowsize())
        .writeAllowed(true).maxWriteSize(Long.MAX_VALUE).retransmit(scenario.retransmit())
        .build();
    TftpTransfer client = scenario.upload()
        ? TftpClientTransfers.write(FILE_NAME, scenario.mode(), scenario.options(),
            new MemoryFiles.Readable(content), clientSettings)
        : TftpClientTransfers.read(
            FILE_NAME, scenario.mode(), scenario.options(), download, clientSettings);
    TftpOutbox clientOut = p -> send(p, true);
    TftpOutbox serverOut = p -> send(p, false);
    TftpTransfer server = null;
    long maxSteps = 200_000L + 200L * (scenario.fileSize() / 8 + 1);
    int steps = 0;
    client.start(now, clientOut);
    while (!(client.isFinished() && (server == null || server.isFinished()))) {
      if (++steps > maxSteps) {
        throw new AssertionError("no end after " + maxSteps + " steps: client "
            + client.result() + ", server " + (server == null ? null : server.result()));
      }
      long next = queue.isEmpty() ? Long.MAX_VALUE : queue.peek().at();
      next = Math.min(next, client.deadlineNanos());
      if (server != null) {
        next = Math.min(next, server.deadlineNanos());
      }
      if (next == Long.MAX_VALUE) {
        throw new AssertionError("hang: nothing in flight and no deadline: client "
            + client.result() + ", server " + (server == null ? null : server.result()));
      }
      now = Math.max(now, next);
      if (now > MAX_VIRTUAL_NANOS) {
        throw new AssertionError("no end within an hour of virtual time");
      }
      InFlight f = queue.peek();
      if (f != null && f.at() <= now) {
        queue.poll();
        TftpPacket packet = TftpPacketDecoder.decode(f.bytes());
        if (!f.toServer()) {
          toClient.add(packet);
          client.onPacket(packet, now, clientOut);
        } else {
          toServer.add(packet);
          if (server == null && packet instanceof TftpRequest) {
            server = serverTransfer((TftpRequest) packet, files, serverSettings);
            server.start(now, serverOut);
          } else if (server != null) {
            server.onPacket(packet, now, serverOut);
          }
        }
        continue;
      }
      if (client.deadlineNanos() <= now) {
        client.onDeadline(now, clientOut);
      }
      if (server != null && server.deadlineNanos() <= now) {
        server.onDeadline(now, serverOut);
      }
    }
    TftpTransferResult clientResult = client.result();
    if (clientResult == null) {
      throw new AssertionError("the client finished without a result");
    }
    MemoryFiles.Writable upload = files.upload;
    byte[] received = scenario.upload()
        ? (upload == null ? null : upload.committedBytes())
        : download.committedBytes();
    return new Run(content, clientResult, server == null ? null : server.result(), received,
        Collections.unmodifiableList(toServer), Collections.unmodifiableList(toClient), steps,
        now);
  }

  private static TftpTransfer serverTransfer(
      TftpRequest request, MemoryFiles files, TftpServerSettings settings) {
    TftpRequestInfo info =
        new TftpRequestInfo(request.filename(), request.mode(), request.options(), CLIENT);
    return request.isRead()
        ? TftpServerTransfers.read(request, info, files, settings)
        : TftpServerTransfers.write(request, info, files, settings);
  }

  private void send(TftpPacket packet, boolean toServerSide) {
    TftpFaults faults = scenario.faults();
    byte[] bytes = TftpPacketEncoder.toBytes(packet);
    int copies = random.nextDouble() < faults.duplicate() ? 2 : 1;
    for (int i = 0; i < copies; i++) {
      if (random.nextDouble() < faults.loss()) {
        continue;
      }
      long at = now + faults.delayNanos()
          + (faults.jitterNanos() > 0 ? random.nextLong(faults.jitterNanos()) : 0);
      if (faults.serviceNanos() > 0) {
        int side = toServerSide ? 1 : 0;
        long start = Math.max(at, nextFree[side]);
        if ((start - at) / faults.serviceNanos() >= faults.bufferPackets()) {
          continue;
        }
        nextFree[side] = start + faults.serviceNanos();
        at = start;
      }
      queue.add(new InFlight(at, sequence++, toServerSide, bytes));
    }
  }
}
