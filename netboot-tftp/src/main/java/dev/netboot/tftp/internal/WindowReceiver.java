package dev.netboot.tftp.internal;

import dev.netboot.tftp.TftpAck;
import dev.netboot.tftp.TftpData;
import dev.netboot.tftp.TftpFileException;
import dev.netboot.tftp.TftpOutbox;
import java.io.IOException;

/**
 * The receiving half of a transfer (RFC 1350, windows of RFC 7440): takes blocks in order,
 * acknowledges every {@code windowsize} blocks and the last one, and resends its last ACK when
 * the sender falls silent.
 *
 * <p>When a block arrives out of order (a gap: an earlier one was lost) or again (the sender did
 * not hear an ACK), the receiver acknowledges the last block it has in order, so the sender
 * resends from there at once instead of waiting for its timer. It does so once until the next
 * block in order arrives: a window full of duplicates costs one ACK, not one each, and the
 * sender ignores duplicate ACKs anyway.
 */
public final class WindowReceiver implements TransferWindow {
  /** What a DATA packet did. */
  public enum DataResult {
    /** Nothing new: a duplicate or a block after a gap. */
    IGNORED,
    /** A block in order was taken. */
    PROGRESS,
    /**
     * The last block (shorter than the block size) was taken; the caller commits the data, then
     * calls {@link #acknowledgeLast}, so that the final ACK promises only what was kept.
     */
    DONE,
    /** The block is longer than the negotiated block size: a protocol error. */
    TOO_LONG
  }

  private final BlockSink sink;
  private final int blksize;
  private final int windowsize;
  private final BlockNumbering numbering;
  private final RetransmitTimer timer;

  private long expected = 1;
  private long lastAcked;
  private boolean ackedSinceProgress;
  private long rtoAt = Long.MAX_VALUE;
  private long ackSentAt = -1;
  private long bytes;
  private int retransmissions;

  /**
   * Creates a receiver.
   *
   * @param sink where blocks go
   * @param blksize the negotiated block size
   * @param windowsize the negotiated window size
   * @param rollover the negotiated block number after 65535 (0 or 1), or -1 for 0. A sender
   *     that rolls over to 1 unasked is not followed: with reordering, its block 1 cannot be
   *     told from the next sender's block 65537 arriving before 65536, and guessing could
   *     corrupt the file
   * @param timer the retransmission timer, shared with the transfer's earlier phases
   */
  public WindowReceiver(BlockSink sink, int blksize, int windowsize, int rollover,
      RetransmitTimer timer) {
    this.sink = sink;
    this.blksize = blksize;
    this.windowsize = windowsize;
    this.numbering = new BlockNumbering(rollover);
    this.timer = timer;
  }

  /**
   * Sends ACK 0 (a client's answer to an OACK) and arms the timer to resend it.
   *
   * @param now the current time
   * @param out where packets go
   */
  public void acknowledgeOptions(long now, TftpOutbox out) {
    ack(0, now, out, false);
  }

  /**
   * Arms the timer without sending: the peer has proved it is there after the server's first
   * answer, which the timer may now resend.
   *
   * @param now the current time
   */
  public void arm(long now) {
    rtoAt = now + timer.rto();
  }

  /**
   * Handles a DATA packet.
   *
   * @param data the packet
   * @param now the current time
   * @param out where packets go
   * @return what it did
   * @throws IOException if the sink cannot write
   * @throws TftpFileException if the sink refuses (a size limit)
   */
  public DataResult onData(TftpData data, long now, TftpOutbox out)
      throws IOException, TftpFileException {
    long index = numbering.nearest(data.block(), expected);
    if (index != expected) {
      if (!ackedSinceProgress) {
        ackedSinceProgress = true;
        retransmissions++;
        ack(expected - 1, now, out, true);
      }
      return DataResult.IGNORED;
    }
    if (data.length() > blksize) {
      return DataResult.TOO_LONG;
    }
    if (ackSentAt >= 0) {
      timer.sample(now - ackSentAt);
      ackSentAt = -1;
    }
    timer.progress();
    sink.write(data.content());
    bytes += data.length();
    expected++;
    ackedSinceProgress = false;
    rtoAt = now + timer.rto();
    if (data.length() < blksize) {
      sink.finish();
      rtoAt = Long.MAX_VALUE;
      return DataResult.DONE;
    }
    if (index - lastAcked >= windowsize) {
      ack(index, now, out, false);
    }
    return DataResult.PROGRESS;
  }

  /**
   * Handles the deadline: resends the ACK of the last block in order.
   *
   * @param now the current time
   * @param out where packets go
   * @return false once the retries are spent: the peer is gone
   */
  @Override
  public boolean onDeadline(long now, TftpOutbox out) {
    if (now < rtoAt) {
      return true;
    }
    if (!timer.backoff()) {
      return false;
    }
    retransmissions++;
    ack(expected - 1, now, out, true);
    return true;
  }

  /**
   * Sends the final ACK, once the data is committed.
   *
   * @param out where packets go
   */
  public void acknowledgeLast(TftpOutbox out) {
    lastAcked = expected - 1;
    out.send(TftpAck.of(numbering.wire(expected - 1)));
  }

  /**
   * Acknowledges the last block again (after completion, when the sender resends it because the
   * final ACK was lost).
   *
   * @param out where packets go
   */
  public void reacknowledgeLast(TftpOutbox out) {
    retransmissions++;
    out.send(TftpAck.of(numbering.wire(expected - 1)));
  }

  /**
   * Returns whether {@code data} is a block already taken, by its wire number.
   *
   * @param data the packet
   * @return true for a duplicate
   */
  public boolean isOld(TftpData data) {
    return numbering.nearest(data.block(), expected) < expected;
  }

  /** Returns when {@link #onDeadline} is next due, or {@link Long#MAX_VALUE}. */
  @Override
  public long deadline() {
    return rtoAt;
  }

  /** Returns the data bytes taken. */
  public long bytes() {
    return bytes;
  }

  /** Returns how many ACKs were sent again. */
  @Override
  public int retransmissions() {
    return retransmissions;
  }

  private void ack(long index, long now, TftpOutbox out, boolean again) {
    lastAcked = index;
    // Karn: the next block in order times this ACK only if it was sent once.
    ackSentAt = again ? -1 : now;
    rtoAt = now + timer.rto();
    out.send(TftpAck.of(numbering.wire(index)));
  }
}
