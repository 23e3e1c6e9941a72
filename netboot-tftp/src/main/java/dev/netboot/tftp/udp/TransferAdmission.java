package dev.netboot.tftp.udp;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;

/**
 * Counts a server's running transfers, in all and per client address, against its
 * {@link TftpServerLimits}. A transfer counts from admission until its outcome is known: one
 * that only lingers to repeat its final ACK (RFC 1350 section 6) no longer holds a slot, or a
 * client uploading many small files would lock itself out for the length of the linger.
 * Shared by the listener loop (admits) and the transfer loops (release), hence the lock; it is
 * held for a few map operations only.
 */
final class TransferAdmission {
  /** What a request gets. */
  enum Verdict {
    ADMITTED,
    SERVER_FULL,
    CLIENT_FULL
  }

  private final int maxTransfers;
  private final int maxPerClient;
  private final Map<InetAddress, Integer> perClient = new HashMap<>();
  private int active;

  TransferAdmission(TftpServerLimits limits) {
    this.maxTransfers = limits.maxTransfers();
    this.maxPerClient = limits.maxTransfersPerClient();
  }

  synchronized Verdict tryAdmit(InetAddress client) {
    if (active >= maxTransfers) {
      return Verdict.SERVER_FULL;
    }
    int fromClient = perClient.getOrDefault(client, 0);
    if (fromClient >= maxPerClient) {
      return Verdict.CLIENT_FULL;
    }
    perClient.put(client, fromClient + 1);
    active++;
    return Verdict.ADMITTED;
  }

  /** Releases an admitted transfer's slot, once its outcome is known. */
  synchronized void release(InetAddress client) {
    Integer fromClient = perClient.get(client);
    if (fromClient == null) {
      throw new IllegalStateException("release without admission: " + client);
    }
    if (fromClient == 1) {
      perClient.remove(client);
    } else {
      perClient.put(client, fromClient - 1);
    }
    if (--active == 0) {
      notifyAll();
    }
  }

  /** Returns the number of admitted transfers whose outcome is not known yet. */
  synchronized int active() {
    return active;
  }

  /** Waits until no admitted transfer is unresolved, or {@code timeoutNanos} have passed. */
  synchronized boolean awaitIdle(long timeoutNanos) throws InterruptedException {
    long deadline = System.nanoTime() + timeoutNanos;
    while (active > 0) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return true;
  }
}
