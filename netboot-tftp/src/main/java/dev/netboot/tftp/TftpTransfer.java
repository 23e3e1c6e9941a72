package dev.netboot.tftp;

import org.jspecify.annotations.Nullable;

/**
 * One TFTP transfer as a sans-IO state machine (RFC 1350, RFC 2347, RFC 7440): it is driven by
 * "packet in" and "timer fired" events with the current time, and answers with packets to send
 * (through a {@link TftpOutbox}) and its next deadline. It knows no sockets, threads or clocks,
 * and is not thread-safe: call it from one thread at a time.
 *
 * <p><b>What the transport does.</b>
 * <ul>
 *   <li>Calls {@link #start} once, then {@link #onPacket} for every packet decoded from the
 *       transfer's peer and {@link #onDeadline} once the clock reaches {@link #deadlineNanos()}
 *       (a late or early call is harmless); re-reads {@link #deadlineNanos()} after every call.
 *       Deadlines may be less than a millisecond away while a window is paced.
 *   <li>Transfer identifiers (RFC 1350 section 4): a server transfer answers from a port of its
 *       own to the client's address and port. A client transfer's first packet (RRQ or WRQ)
 *       goes to the server's well-known port; the transport then locks the peer to the address
 *       and port of the first answer, and from then on delivers only packets from that peer. A
 *       packet from any other port is not delivered: the transport answers it with ERROR 5
 *       ({@link TftpErrorCode#UNKNOWN_TRANSFER_ID}) and the transfer goes on.
 *   <li>A server transfer is also given a request that repeats the one it was made for, from
 *       the same peer (a client retransmitting its RRQ or WRQ because the first answer was
 *       lost): the transfer resends its first packet. This is the only retransmission before
 *       the client has proved it is there, so a spoofed request costs one small packet.
 *   <li>Drops packets that do not decode ({@link TftpParseException}); the transfer's timers
 *       recover.
 *   <li>Forgets the transfer once {@link #isFinished()}. {@link #result()} may be available
 *       earlier: a receiver that has acknowledged the last block lingers (RFC 1350 section 6)
 *       to acknowledge it again if its peer did not hear the final ACK; the transfer's outcome
 *       is already known and can be reported.
 * </ul>
 *
 * <p>Make transfers with {@link TftpServerTransfers} and {@link TftpClientTransfers}.
 */
public interface TftpTransfer {
  /**
   * Starts: a server transfer sends its first answer (OACK, DATA 1, ACK 0, or the ERROR that
   * refuses the request); a client transfer sends its request.
   *
   * @param nowNanos the current time on a monotonic clock ({@link System#nanoTime()})
   * @param out where packets go
   */
  void start(long nowNanos, TftpOutbox out);

  /**
   * Handles a packet from the peer.
   *
   * @param packet the decoded packet; a {@link TftpData}'s content is only read during the call
   * @param nowNanos the current time
   * @param out where packets go
   */
  void onPacket(TftpPacket packet, long nowNanos, TftpOutbox out);

  /**
   * Handles the clock reaching {@link #deadlineNanos()}: retransmit, send the next paced
   * packets, or give up.
   *
   * @param nowNanos the current time
   * @param out where packets go
   */
  void onDeadline(long nowNanos, TftpOutbox out);

  /**
   * Returns when {@link #onDeadline} should next be called, on the clock of the times passed
   * in, or {@link Long#MAX_VALUE} if never.
   */
  long deadlineNanos();

  /** Returns whether the transfer is over and may be forgotten: it will send nothing more. */
  boolean isFinished();

  /**
   * Returns how the transfer ended, or {@code null} while its outcome is not known. Non-null
   * whenever {@link #isFinished()}.
   */
  @Nullable TftpTransferResult result();

  /**
   * Ends the transfer now, for example because the server is shutting down: sends ERROR 0 with
   * {@code reason} if the peer has proved it is there, releases the file (an upload is
   * discarded), and finishes with {@link TftpTransferResult.Outcome#ABORTED}. Does nothing if
   * the transfer is already finished.
   *
   * @param reason a short message for the peer
   * @param nowNanos the current time
   * @param out where packets go
   */
  void abort(String reason, long nowNanos, TftpOutbox out);

  /**
   * Returns the bytes moved so far: acknowledged by the peer when sending, received when
   * receiving; for progress reports while the transfer runs.
   */
  default long bytesTransferred() {
    return 0;
  }

  /** Returns the size of the whole transfer when it is known in advance, else -1. */
  default long expectedBytes() {
    return -1;
  }
}
