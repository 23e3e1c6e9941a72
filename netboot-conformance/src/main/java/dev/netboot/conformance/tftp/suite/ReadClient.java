package dev.netboot.conformance.tftp.suite;

import dev.netboot.tftp.TftpAck;
import dev.netboot.tftp.TftpData;
import dev.netboot.tftp.TftpError;
import dev.netboot.tftp.TftpErrorCode;
import dev.netboot.tftp.TftpOpcode;
import dev.netboot.tftp.TftpOptionAck;
import dev.netboot.tftp.TftpOptions;
import dev.netboot.tftp.TftpPacket;
import dev.netboot.tftp.TftpRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The suite's read transfer: sends a request and receives the file, acknowledging each window
 * (one block unless {@code windowsize} was agreed), with knobs to misbehave. Every wait is
 * bounded: {@link SuiteContext#timeout} of silence ends it, and so does
 * {@link SuiteContext#TRANSFER_BUDGET}.
 */
final class ReadClient {
  /** How often the client repeats its last packet while the server is silent. */
  static final Duration RETRY = Duration.ofMillis(500);

  /** What happened. */
  static final class Result {
    @Nullable Map<String, String> oack;
    @Nullable TftpError error;
    @Nullable InetSocketAddress tid;
    final ByteArrayOutputStream content = new ByteArrayOutputStream();
    int blksize = TftpOptions.DEFAULT_BLKSIZE;
    int windowsize = 1;
    int blocks;
    int dataPackets;
    int duplicateData;
    int acksSent;
    int retries;
    int strangers;
    int lastLength = -1;
    boolean aborted;

    byte[] bytes() {
      return content.toByteArray();
    }

    boolean complete() {
      return error == null && !aborted && lastLength >= 0;
    }
  }

  /** Called with each new in-order block before it is acknowledged. */
  @FunctionalInterface
  interface BeforeAck {
    void accept(int block, InetSocketAddress tid) throws IOException, CheckFailed;
  }

  private final SuiteContext ctx;
  private final SuiteSocket socket;
  private long stopAfter = Long.MAX_VALUE;
  private boolean duplicateAcks;
  private boolean dally;
  private Duration retry = RETRY;
  private BeforeAck beforeAck = (block, tid) -> { };
  private InetSocketAddress target;

  ReadClient(SuiteContext ctx, SuiteSocket socket) {
    this.ctx = ctx;
    this.socket = socket;
    this.target = ctx.server;
  }

  /** Ends the transfer with an ERROR once this many bytes came. */
  ReadClient stopAfter(long bytes) {
    this.stopAfter = bytes;
    return this;
  }

  /** Sends every ACK twice, as a client whose ACKs the network duplicates. */
  ReadClient duplicateAcks() {
    this.duplicateAcks = true;
    return this;
  }

  /** After the last block, waits a while to acknowledge it again if the server repeats it. */
  ReadClient dally() {
    this.dally = true;
    return this;
  }

  ReadClient retry(Duration interval) {
    this.retry = interval;
    return this;
  }

  ReadClient beforeAck(BeforeAck hook) {
    this.beforeAck = hook;
    return this;
  }

  ReadClient target(InetSocketAddress address) {
    this.target = address;
    return this;
  }

  Result read(String file, String mode, Map<String, String> options)
      throws IOException, CheckFailed {
    TftpRequest rrq = TftpRequest.builder(TftpOpcode.RRQ, file).mode(mode)
        .options(options).build();
    Result r = new Result();
    long deadline = ctx.deadline(SuiteContext.TRANSFER_BUDGET);
    long maxSilentRetries = Math.max(1, ctx.timeout.toMillis() / Math.max(1, retry.toMillis()));
    TftpPacket last = rrq;
    InetSocketAddress lastTo = target;
    socket.send(rrq, target);
    int expected = 1;
    int sinceAck = 0;
    int silent = 0;
    while (true) {
      if (System.nanoTime() - deadline > 0) {
        throw new CheckFailed("transfer of " + file + " not done within "
            + SuiteContext.TRANSFER_BUDGET.toSeconds() + " s (" + r.blocks + " blocks came)");
      }
      SuiteSocket.Received in = socket.receive(retry);
      if (in == null) {
        if (++silent > maxSilentRetries) {
          throw new CheckFailed("server silent for " + ctx.timeout.toMillis() + " ms after "
              + r.blocks + " blocks of " + file + " (expected: DATA " + expected + ")"
              + (socket.malformed().isEmpty() ? "" : "; got " + socket.malformed()));
        }
        r.retries++;
        socket.send(last, lastTo);
        continue;
      }
      if (r.tid != null && !in.from().equals(r.tid)) {
        r.strangers++;
        socket.send(TftpError.of(TftpErrorCode.UNKNOWN_TRANSFER_ID, "unknown transfer ID"),
            in.from());
        continue;
      }
      silent = 0;
      if (r.tid == null) {
        r.tid = in.from();
      }
      TftpPacket p = in.packet();
      if (p instanceof TftpError e) {
        r.error = e;
        return r;
      }
      if (p instanceof TftpOptionAck oack) {
        if (r.blocks > 0) {
          throw new CheckFailed("OACK after DATA (expected: OACK first, RFC 2347 section 3)");
        }
        if (r.oack == null) {
          r.oack = oack.options();
          agree(r, options);
        }
        last = TftpAck.of(0);
        lastTo = r.tid;
        ack(r, 0);
        continue;
      }
      if (!(p instanceof TftpData d)) {
        throw new CheckFailed("unexpected " + p + " (expected: DATA, OACK or ERROR)");
      }
      r.dataPackets++;
      if (d.block() != expected) {
        r.duplicateData++;
        int ahead = (d.block() - expected) & 0xFFFF;
        if (ahead != 0 && ahead < 0x8000 && r.windowsize > 1) {
          // A gap inside a window: RFC 7440 section 4 has the receiver ACK the last good block.
          last = TftpAck.of((expected - 1) & 0xFFFF);
          ack(r, (expected - 1) & 0xFFFF);
          sinceAck = 0;
        }
        continue;
      }
      if (d.length() > r.blksize) {
        throw new CheckFailed("DATA " + d.block() + " holds " + d.length()
            + " bytes (expected: at most blksize " + r.blksize + ")");
      }
      if (r.oack == null && r.blocks == 0) {
        lastTo = r.tid;
      }
      beforeAck.accept(d.block(), r.tid);
      byte[] chunk = new byte[d.length()];
      d.content().getBytes(d.content().readerIndex(), chunk);
      r.content.write(chunk, 0, chunk.length);
      r.blocks++;
      sinceAck++;
      boolean end = d.length() < r.blksize;
      if (end || sinceAck >= r.windowsize) {
        last = TftpAck.of(d.block());
        lastTo = r.tid;
        ack(r, d.block());
        sinceAck = 0;
      }
      if (end) {
        r.lastLength = d.length();
        if (dally) {
          dally(r, d.block());
        }
        return r;
      }
      if (r.content.size() >= stopAfter) {
        socket.send(TftpError.of(TftpErrorCode.NOT_DEFINED, "conformance check done"), r.tid);
        r.aborted = true;
        return r;
      }
      expected = (expected + 1) & 0xFFFF;
    }
  }

  private void ack(Result r, int block) throws IOException {
    InetSocketAddress tid = r.tid;
    if (tid == null) {
      return;
    }
    socket.send(TftpAck.of(block), tid);
    r.acksSent++;
    if (duplicateAcks) {
      socket.send(TftpAck.of(block), tid);
    }
  }

  // The final ACK may be lost on a bad link; the server then repeats the last block.
  private void dally(Result r, int block) throws IOException, CheckFailed {
    long end = System.nanoTime() + 2 * retry.toNanos();
    while (System.nanoTime() - end < 0) {
      SuiteSocket.Received in = socket.receive(retry);
      if (in != null && in.from().equals(r.tid) && in.packet() instanceof TftpData d
          && d.block() == block) {
        ack(r, block);
      }
    }
  }

  /** Reads blksize and windowsize from the OACK and checks them against the request. */
  private static void agree(Result r, Map<String, String> asked) throws CheckFailed {
    Map<String, String> oack = r.oack;
    if (oack == null) {
      return;
    }
    if (asked.isEmpty()) {
      throw new CheckFailed("OACK " + oack + " to a request without options (expected: DATA,"
          + " RFC 2347 section 3)");
    }
    for (String name : oack.keySet()) {
      if (!asked.containsKey(name)) {
        throw new CheckFailed("OACK holds " + name + " which was not asked (expected: only "
            + asked.keySet() + ", RFC 2347 section 3)");
      }
    }
    r.blksize = number(oack, TftpOptions.BLKSIZE, TftpOptions.DEFAULT_BLKSIZE,
        TftpOptions.MIN_BLKSIZE, Math.min(TftpOptions.MAX_BLKSIZE,
            number(asked, TftpOptions.BLKSIZE, TftpOptions.MAX_BLKSIZE, 0, Integer.MAX_VALUE)));
    r.windowsize = number(oack, TftpOptions.WINDOWSIZE, 1, TftpOptions.MIN_WINDOWSIZE,
        Math.min(TftpOptions.MAX_WINDOWSIZE,
            number(asked, TftpOptions.WINDOWSIZE, 1, 0, Integer.MAX_VALUE)));
  }

  static int number(Map<String, String> options, String name, int absent, int min, int max)
      throws CheckFailed {
    String text = options.get(name);
    if (text == null) {
      return absent;
    }
    int value;
    try {
      value = Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw new CheckFailed(name + "=" + text + " is not a number");
    }
    if (value < min || value > max) {
      throw new CheckFailed(name + "=" + value + " (expected: " + min + " to " + max + ")");
    }
    return value;
  }
}
