package dev.netboot.tftp.udp;

/**
 * Something an {@link EventLoop} drives: a socket to read when it is readable, and a deadline.
 * Every method runs on the endpoint's loop thread.
 */
abstract class LoopEndpoint {
  /** "No deadline": the endpoint waits for packets only. */
  static final long NO_DEADLINE = Long.MAX_VALUE;

  /** The deadline this endpoint is queued under; owned by {@link DeadlineQueue}. */
  long queuedDeadline = NO_DEADLINE;
  /** The position in the {@link DeadlineQueue}'s heap, or -1; owned by the queue. */
  int heapIndex = -1;

  /** Reads what the socket holds. */
  abstract void onReadable(long nowNanos);

  /** Called once the queued deadline has passed. */
  abstract void onDeadline(long nowNanos);

  /**
   * Ends the endpoint now, because its loop is closing or a callback threw.
   *
   * @param reason why, for the log and for the peer
   */
  abstract void abort(String reason);
}
