package dev.netboot.conformance.tftp.suite;

import dev.netboot.conformance.net.LinkFaults;
import dev.netboot.conformance.net.LossyUdpRelay;
import dev.netboot.tftp.TftpAck;
import dev.netboot.tftp.TftpData;
import dev.netboot.tftp.TftpError;
import dev.netboot.tftp.TftpErrorCode;
import dev.netboot.tftp.TftpOpcode;
import dev.netboot.tftp.TftpOptions;
import dev.netboot.tftp.TftpRequest;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** What the server does when the client or the network misbehaves. */
final class RobustnessChecks {
  /** How much of a file the duplicate-ACK check reads: enough blocks for a cascade to show. */
  private static final int APPRENTICE_BYTES = 64 * 512;
  /** How much of a file the lossy-link check reads, so that it stays within seconds. */
  private static final int LOSSY_BYTES = 256 * 1024;
  /** The lossy link: 5 % drops, 5 % duplicates, 5 % reordered, 0 to 5 ms delay each way. */
  private static final double LOSSY_PROBABILITY = 0.05;
  private static final Duration LOSSY_MAX_DELAY = Duration.ofMillis(5);
  /** An Ethernet-sized block (RFC 2348's own example), so the lossy read takes few blocks. */
  private static final int LOSSY_BLKSIZE = 1468;
  /** A retransmission gap this many times longer than the longest seen means "gave up". */
  private static final int SILENCE_FACTOR = 3;
  private static final Duration MIN_SILENCE = Duration.ofSeconds(2);

  private RobustnessChecks() {}

  static List<Check> all() {
    return List.of(
        new Check("ack.duplicate", "RFC 1123 4.2.3.1",
            "duplicate ACKs cause no duplicate DATA (Sorcerer's Apprentice)",
            RobustnessChecks::duplicateAck),
        new Check("tid.wrong-port", "RFC 1350 sec 4",
            "a packet from a wrong port gets ERROR 5; the transfer goes on",
            RobustnessChecks::wrongPort),
        new Check("timeout.retransmit", "RFC 1350 sec 2",
            "no ACK after DATA 2: the server sends it again", RobustnessChecks::retransmit),
        new Check("timeout.give-up", "RFC 1350 sec 2",
            "no ACK ever: the server gives up in bounded time", RobustnessChecks::giveUp),
        new Check("link.lossy", "RFC 1350 sec 2",
            "byte-exact through drops, duplicates, delays and reordering",
            RobustnessChecks::lossy));
  }

  private static String duplicateAck(SuiteContext ctx) throws Exception {
    Map.Entry<String, byte[]> f = ctx.largest(b -> b.length >= 8 * 512, "a file of 4 KiB or more");
    ReadClient.Result r = new ReadClient(ctx, ctx.socket()).duplicateAcks()
        .stopAfter(APPRENTICE_BYTES).read(f.getKey(), TftpRequest.MODE_OCTET, Map.of());
    if (r.error != null) {
      throw new CheckFailed(f.getKey() + ": server answered " + r.error);
    }
    byte[] got = r.bytes();
    ReadChecks.sameBytes(f.getKey(), Arrays.copyOf(f.getValue(), got.length), got);
    // Each of our own retransmissions may rightly cause one repeat; more is the cascade.
    if (r.duplicateData > r.retries) {
      throw new CheckFailed(r.duplicateData + " duplicate DATA for " + r.blocks
          + " blocks each ACKed twice (expected: none beyond " + r.retries + " timeouts)");
    }
    return r.blocks + " blocks each ACKed twice: " + r.duplicateData + " duplicate DATA";
  }

  private static String wrongPort(SuiteContext ctx) throws Exception {
    Map.Entry<String, byte[]> f = ctx.smallest(b -> b.length >= 512, "a file of 512 B or more");
    SuiteSocket stranger = ctx.socket();
    String[] seen = {"nothing"};
    boolean[] error5 = {false};
    ReadClient.Result r = new ReadClient(ctx, ctx.socket()).beforeAck((block, tid) -> {
      if (block != 1) {
        return;
      }
      stranger.send(TftpAck.of(1), tid);
      SuiteSocket.Received in = stranger.receive(ctx.timeout);
      seen[0] = in != null ? String.valueOf(in.packet())
          : stranger.malformed().isEmpty() ? "nothing" : "only " + stranger.malformed();
      error5[0] = in != null && in.packet() instanceof TftpError e
          && TftpErrorCode.UNKNOWN_TRANSFER_ID.equals(e.code());
    }).read(f.getKey(), TftpRequest.MODE_OCTET, Map.of());
    String stray = "an ACK from port " + stranger.port() + " got " + seen[0];
    if (r.error != null) {
      throw new CheckFailed(stray + "; the transfer then ended with " + r.error
          + " (expected: ERROR 5 to the stranger, the transfer going on)");
    }
    ReadChecks.sameBytes(f.getKey() + " after " + stray, f.getValue(), r.bytes());
    if (!error5[0]) {
      throw new CheckFailed(stray + " within " + ctx.timeout.toMillis() + " ms; the transfer"
          + " went on byte-exact (expected: ERROR 5 unknown transfer ID to the stranger)");
    }
    return stray + "; " + f.getKey() + " still byte-exact";
  }

  private static String retransmit(SuiteContext ctx) throws Exception {
    SuiteSocket s = ctx.socket();
    SuiteSocket.Received first = secondBlock(ctx, s);
    TftpData d2 = (TftpData) first.packet();
    SuiteSocket.Received again = s.expect(ctx.giveUpWait, "DATA 2 again, unacknowledged");
    try {
      if (!again.from().equals(first.from()) || !(again.packet() instanceof TftpData d)
          || d.block() != 2 || !d.content().equals(d2.content())) {
        throw new CheckFailed("after DATA 2 without ACK got " + again.packet() + " from "
            + again.from() + " (expected: the same DATA 2 from " + first.from() + ")");
      }
    } finally {
      s.send(TftpError.of(TftpErrorCode.NOT_DEFINED, "conformance check done"), first.from());
    }
    return "DATA 2 repeated after " + (again.nanos() - first.nanos()) / 1_000_000 + " ms";
  }

  /**
   * Reads DATA 1, acknowledges it and returns DATA 2, unacknowledged. The wait starts at the
   * second block: until a client has acknowledged something it has not proved that it is
   * there (its address may be spoofed), and a server may rightly refuse to resend its first
   * answer for anything but a repeated request.
   */
  private static SuiteSocket.Received secondBlock(SuiteContext ctx, SuiteSocket s)
      throws Exception {
    Map.Entry<String, byte[]> f = ctx.smallest(b -> b.length >= 512, "a file of 512 B or more");
    s.send(TftpRequest.builder(TftpOpcode.RRQ, f.getKey()).build(), ctx.server);
    SuiteSocket.Received first = s.expect(ctx.timeout, "DATA 1");
    if (!(first.packet() instanceof TftpData d1) || d1.block() != 1) {
      throw new CheckFailed(f.getKey() + ": got " + first.packet() + " (expected: DATA 1)");
    }
    s.send(TftpAck.of(1), first.from());
    SuiteSocket.Received second = s.expect(ctx.timeout, "DATA 2");
    if (!second.from().equals(first.from()) || !(second.packet() instanceof TftpData d2)
        || d2.block() != 2) {
      throw new CheckFailed(f.getKey() + ": after ACK 1 got " + second.packet() + " from "
          + second.from() + " (expected: DATA 2 from " + first.from() + ")");
    }
    return second;
  }

  /**
   * Never acknowledges DATA 2 and watches the repeats. Once they stop for {@code SILENCE_FACTOR}
   * times the longest gap (a doubling backoff would have sent again by then), or at
   * {@code giveUpWait}, an ACK 2 probes the transfer: a live one answers with DATA 3, one the
   * server gave up answers nothing (or an ERROR).
   */
  private static String giveUp(SuiteContext ctx) throws Exception {
    SuiteSocket s = ctx.socket();
    SuiteSocket.Received first = secondBlock(ctx, s);
    long start = first.nanos();
    long deadline = start + ctx.giveUpWait.toNanos();
    long last = start;
    long longestGap = 0;
    int repeats = 0;
    while (true) {
      long now = System.nanoTime();
      boolean quiet = repeats > 0
          && now - last >= Math.max(MIN_SILENCE.toNanos(), SILENCE_FACTOR * longestGap);
      if (quiet || now - deadline >= 0) {
        break;
      }
      long silence = Math.max(MIN_SILENCE.toNanos(), SILENCE_FACTOR * longestGap);
      long wait = repeats > 0 ? Math.min(deadline - now, silence - (now - last)) : deadline - now;
      SuiteSocket.Received in = s.receive(Duration.ofNanos(Math.max(1_000_000, wait)));
      if (in == null || !in.from().equals(first.from())) {
        continue;
      }
      if (in.packet() instanceof TftpError e) {
        return "gave up with " + e + " after " + repeats + " repeats of DATA 2, "
            + (in.nanos() - start) / 1_000_000 + " ms";
      }
      repeats++;
      longestGap = Math.max(longestGap, in.nanos() - last);
      last = in.nanos();
    }
    long after = (System.nanoTime() - start) / 1_000_000;
    s.send(TftpAck.of(2), first.from());
    SuiteSocket.Received probe = s.receive(ctx.timeout);
    if (probe != null && probe.from().equals(first.from())
        && probe.packet() instanceof TftpData d) {
      s.send(TftpError.of(TftpErrorCode.NOT_DEFINED, "conformance check done"), first.from());
      throw new CheckFailed(repeats + " repeats of DATA 2, and an ACK 2 " + after
          + " ms after it still got DATA " + d.block() + " (expected: the transfer given up"
          + " within " + ctx.giveUpWait.toSeconds() + " s)");
    }
    return repeats + " repeats of DATA 2 over " + (last - start) / 1_000_000 + " ms; an ACK 2 "
        + after + " ms after DATA 2 got " + (probe == null ? "nothing" : probe.packet())
        + ": given up";
  }

  private static String lossy(SuiteContext ctx) throws Exception {
    Map.Entry<String, byte[]> f = ctx.largest(b -> b.length > 0, "a non-empty file");
    LinkFaults faults = LinkFaults.builder().drop(LOSSY_PROBABILITY)
        .duplicate(LOSSY_PROBABILITY).reorder(LOSSY_PROBABILITY)
        .delay(Duration.ZERO, LOSSY_MAX_DELAY).seed(ctx.seed).build();
    try (LossyUdpRelay relay = LossyUdpRelay.start(ctx.server, faults)) {
      InetSocketAddress via = relay.address();
      ReadClient.Result r = new ReadClient(ctx, ctx.socket()).target(via)
          .retry(Duration.ofMillis(250)).dally().stopAfter(LOSSY_BYTES)
          .read(f.getKey(), TftpRequest.MODE_OCTET,
              Map.of(TftpOptions.BLKSIZE, Integer.toString(LOSSY_BLKSIZE)));
      if (r.error != null) {
        throw new CheckFailed(f.getKey() + " via " + faults + ": server answered " + r.error);
      }
      byte[] got = r.bytes();
      ReadChecks.sameBytes(f.getKey(), Arrays.copyOf(f.getValue(), got.length), got);
      LossyUdpRelay.Counters c = relay.counters();
      return got.length + " B of " + f.getKey() + " byte-exact; seed " + faults.seed() + ": "
          + c.received() + " datagrams, " + c.dropped() + " dropped, " + c.duplicated()
          + " duplicated, " + c.reordered() + " reordered";
    }
  }
}
