package dev.netboot.tftp.internal;

import dev.netboot.tftp.TftpData;
import dev.netboot.tftp.TftpOutbox;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;

/**
 * The sending half of a transfer (RFC 1350, windows of RFC 7440): sends rounds of
 * {@code windowsize} blocks from the first unacknowledged one, and on each acknowledgment
 * either starts the next round or, when a block inside the window was lost, resends from the
 * first block not acknowledged.
 *
 * <p><b>No Sorcerer's Apprentice.</b> An ACK that acknowledges nothing new (a duplicate, a
 * stale one, one for a block never sent) is ignored: it never causes a send. A partial ACK that
 * arrives less than half a round trip after the last resend cannot have seen that resend, so it
 * only slides the window. Only the timer resends without new information, and it backs off.
 *
 * <p><b>Adaptive burst.</b> A round is sent as bursts of {@code burst} blocks spread over one
 * smoothed round trip (each gap is RTT * burst / windowsize, clamped to
 * {@value #MIN_PACING_GAP_NANOS} ns .. {@value #MAX_PACING_GAP_NANOS} ns), so that a receiver
 * whose socket buffer cannot hold a whole window gets time to drain it, while a round still takes
 * one round trip and a smaller burst does not also mean a smaller window. The burst starts at the
 * window size (no pacing). A partial ACK shrinks it to max(burst / 2, blocks that got through in
 * order), a timeout (stronger evidence: even the tail probe went unanswered) quarters it, and
 * either sets the threshold (TCP's ssthresh) to half the burst at the loss. A round acknowledged whole without loss grows the burst by half below the
 * threshold and by one block above it (TCP's congestion avoidance), up to the window size:
 * growing by half every round sent it straight back into the receiver's overflow, and an RFC
 * 7440 receiver drops everything after a gap, so each overflow cost the rest of the window. The
 * window size itself is what was negotiated: RFC 7440 receivers acknowledge every
 * {@code windowsize} blocks, so the sender may pace a round but not shorten it.
 *
 * <p><b>Tail loss probe.</b> A dropped tail of a round leaves the receiver nothing to react to,
 * and would cost a whole timeout. So when a round's ACK is two round trips late, the sender
 * resends the round's last block once (waiting at least {@value #MIN_PROBE_DELAY_NANOS} ns; once
 * per stall: not again after a timeout, so a silent peer costs {@code maxRetries} + 1 packets): a
 * receiver missing blocks before it answers with the last block it has in order, and the round
 * resumes from there.
 */
public final class WindowSender implements TransferWindow {
  /** What an ACK did. */
  public enum AckResult {
    /** Nothing: duplicate, stale, or for a block never sent. */
    IGNORED,
    /** The window moved. */
    PROGRESS,
    /** The last block is acknowledged: the transfer is complete. */
    DONE
  }

  /** The shortest pause between the bursts of a paced round. */
  static final long MIN_PACING_GAP_NANOS = 20_000;
  /** The longest pause between the bursts of a paced round. */
  static final long MAX_PACING_GAP_NANOS = 10_000_000;
  /** The pause before any round trip was measured. */
  static final long DEFAULT_PACING_GAP_NANOS = 1_000_000;
  /**
   * The shortest wait before a tail loss probe. On a sub-millisecond path (loopback) two round
   * trips are tens of microseconds, less than the peer's scheduling delay on a busy host, and the
   * probe then resent blocks that were not lost (hundreds per lossless run); Linux's TCP tail
   * loss probe waits a similar 2 ms at least (RFC 8985 section 7.2, TCP_TIMEOUT_MIN_US). Paths of
   * 1 ms and more keep their two round trips.
   */
  static final long MIN_PROBE_DELAY_NANOS = 2_000_000;

  private final BlockSource source;
  private final int blksize;
  private final int windowsize;
  private final BlockNumbering numbering;
  private final RetransmitTimer timer;
  private final ByteBuf buffer;

  private long firstUnacked = 1;
  private long nextToSend = 1;
  private long highestSent;
  private long lastBlock = -1;
  private int lastLength;
  private long roundStart;
  private long roundEnd;
  private boolean lossInRound;
  private int burst;
  private int burstThreshold;
  private long pacingAt = Long.MAX_VALUE;
  private long rtoAt = Long.MAX_VALUE;
  private long probeAt = Long.MAX_VALUE;
  private long lastGoBackAt = Long.MIN_VALUE / 2;
  private long timedBlock = -1;
  private long timedAt;
  private int retransmissions;

  /**
   * Creates a sender.
   *
   * @param source the blocks
   * @param blksize the negotiated block size
   * @param windowsize the negotiated window size
   * @param numbering the wire numbering
   * @param timer the retransmission timer, shared with the transfer's earlier phases
   */
  public WindowSender(BlockSource source, int blksize, int windowsize, BlockNumbering numbering,
      RetransmitTimer timer) {
    this.source = source;
    this.blksize = blksize;
    this.windowsize = windowsize;
    this.numbering = numbering;
    this.timer = timer;
    this.burst = windowsize;
    this.burstThreshold = windowsize;
    this.buffer = Unpooled.buffer(blksize, blksize);
  }

  /**
   * Sends the first round.
   *
   * @param now the current time
   * @param out where packets go
   * @throws IOException if the file cannot be read
   */
  public void start(long now, TftpOutbox out) throws IOException {
    startRound(now, out);
  }

  /**
   * Handles an ACK.
   *
   * @param wireBlock its 16-bit block number
   * @param now the current time
   * @param out where packets go
   * @return what it did
   * @throws IOException if the file cannot be read
   */
  public AckResult onAck(int wireBlock, long now, TftpOutbox out) throws IOException {
    long low = firstUnacked - 1;
    long acked = numbering.nearest(wireBlock, low + (highestSent - low) / 2);
    if (acked <= low || acked > highestSent) {
      return AckResult.IGNORED;
    }
    timer.progress();
    if (timedBlock >= 0 && acked >= timedBlock) {
      timer.sample(now - timedAt);
      timedBlock = -1;
    }
    firstUnacked = acked + 1;
    if (lastBlock >= 0 && acked >= lastBlock) {
      pacingAt = Long.MAX_VALUE;
      rtoAt = Long.MAX_VALUE;
      probeAt = Long.MAX_VALUE;
      return AckResult.DONE;
    }
    if (acked >= roundEnd) {
      if (!lossInRound) {
        int growth = burst < burstThreshold ? Math.max(1, burst / 2) : 1;
        burst = Math.min(windowsize, burst + growth);
      }
      lossInRound = false;
      startRound(now, out);
    } else if (now - lastGoBackAt < roundTrip() / 2) {
      // Sent before the receiver could see our last resend: nothing new is known to be lost.
      nextToSend = Math.max(nextToSend, firstUnacked);
    } else {
      // A block inside the window was lost: resend from the first one not acknowledged.
      long delivered = acked - roundStart + 1;
      burstThreshold = Math.max(1, burst / 2);
      burst = (int) Math.max(1, Math.min(windowsize, Math.max(burst / 2, delivered)));
      lossInRound = false;
      goBack(now, out);
    }
    return AckResult.PROGRESS;
  }

  /**
   * Handles the deadline: sends the next paced burst, or after a timeout resends the round.
   *
   * @param now the current time
   * @param out where packets go
   * @return false once the retries are spent: the peer is gone
   * @throws IOException if the file cannot be read
   */
  @Override
  public boolean onDeadline(long now, TftpOutbox out) throws IOException {
    if (now >= pacingAt) {
      sendBurst(now, out);
    } else if (now >= rtoAt) {
      if (!timer.backoff()) {
        return false;
      }
      // Stronger evidence than a gap (even the tail probe went unanswered): below the threshold.
      burstThreshold = Math.max(1, burst / 2);
      burst = Math.max(1, burst / 4);
      lossInRound = true;
      goBack(now, out);
    } else if (now >= probeAt) {
      probeAt = Long.MAX_VALUE;
      send(roundEnd, out);
      timedBlock = -1;
    }
    return true;
  }

  /**
   * Resends the current round from the first unacknowledged block, without counting a
   * timeout: a server's answer to a client that repeated its request before proving itself.
   *
   * @param now the current time
   * @param out where packets go
   * @throws IOException if the file cannot be read
   */
  public void resend(long now, TftpOutbox out) throws IOException {
    startRound(now, out);
  }

  /** Returns when {@link #onDeadline} is next due, or {@link Long#MAX_VALUE}. */
  @Override
  public long deadline() {
    return Math.min(pacingAt, Math.min(rtoAt, probeAt));
  }

  /** Returns the data bytes the peer has acknowledged. */
  public long bytesAcknowledged() {
    long acked = firstUnacked - 1;
    if (lastBlock >= 0 && acked >= lastBlock) {
      return (lastBlock - 1) * blksize + lastLength;
    }
    return acked * blksize;
  }

  /** Returns how many DATA packets were sent again. */
  @Override
  public int retransmissions() {
    return retransmissions;
  }

  /** Returns the current burst, for tests of the adaptation. */
  int burst() {
    return burst;
  }

  /** Returns the burst above which growth is one block per round, for tests. */
  int burstThreshold() {
    return burstThreshold;
  }

  private void goBack(long now, TftpOutbox out) throws IOException {
    lastGoBackAt = now;
    startRound(now, out);
  }

  private void startRound(long now, TftpOutbox out) throws IOException {
    roundStart = firstUnacked;
    roundEnd = firstUnacked + windowsize - 1;
    if (lastBlock >= 0) {
      roundEnd = Math.min(roundEnd, lastBlock);
    }
    nextToSend = firstUnacked;
    rtoAt = Long.MAX_VALUE;
    probeAt = Long.MAX_VALUE;
    timedBlock = -1;
    sendBurst(now, out);
  }

  private void sendBurst(long now, TftpOutbox out) throws IOException {
    boolean lastFresh = false;
    for (int sent = 0; sent < burst && nextToSend <= roundEnd; sent++) {
      lastFresh = send(nextToSend++, out);
    }
    if (nextToSend > roundEnd) {
      pacingAt = Long.MAX_VALUE;
      rtoAt = now + timer.rto();
      long srtt = timer.srtt();
      long probeDelay = Math.max(MIN_PROBE_DELAY_NANOS, 2 * srtt);
      if (srtt >= 0 && timer.retries() == 0 && now + probeDelay < rtoAt) {
        probeAt = now + probeDelay;
      }
      if (lastFresh) {
        // Karn: only a block sent once gives a round-trip sample.
        timedBlock = roundEnd;
        timedAt = now;
      }
    } else {
      long gap = roundTrip() * burst / windowsize;
      pacingAt = now + Math.max(MIN_PACING_GAP_NANOS, Math.min(MAX_PACING_GAP_NANOS, gap));
    }
  }

  /** Sends block {@code index}; returns whether it was sent for the first time. */
  private boolean send(long index, TftpOutbox out) throws IOException {
    int length = source.read(index, buffer);
    if (length < blksize) {
      lastBlock = index;
      lastLength = length;
      roundEnd = Math.min(roundEnd, index);
    }
    boolean fresh = index > highestSent;
    if (fresh) {
      highestSent = index;
    } else {
      retransmissions++;
    }
    out.send(TftpData.of(numbering.wire(index), buffer));
    return fresh;
  }

  private long roundTrip() {
    long srtt = timer.srtt();
    return srtt < 0 ? DEFAULT_PACING_GAP_NANOS : srtt;
  }
}
