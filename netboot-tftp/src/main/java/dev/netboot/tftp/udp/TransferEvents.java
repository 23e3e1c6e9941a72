package dev.netboot.tftp.udp;

import dev.netboot.tftp.TftpTransferResult;
import dev.netboot.tftp.internal.PeerLogBudget;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports a server's transfers: one INFO line per finished transfer, and the embedder's
 * {@link TftpTransferListener}, on the I/O thread or on the executor it was given.
 */
final class TransferEvents {
  private static final Logger log = LoggerFactory.getLogger(TftpServer.class);

  private final TftpTransferListener listener;
  private final @Nullable Executor executor;
  private final PeerLogBudget failureLines = new PeerLogBudget();
  private final long progressIntervalNanos;

  TransferEvents(TftpTransferListener listener, @Nullable Executor executor,
      long progressIntervalNanos) {
    this.listener = listener;
    this.executor = executor;
    this.progressIntervalNanos = progressIntervalNanos;
  }

  /** Returns how long a transfer runs between two progress reports. */
  long progressIntervalNanos() {
    return progressIntervalNanos;
  }

  void progress(TftpTransferEvent event, long bytes, long expectedBytes) {
    dispatch(() -> listener.transferProgress(event, bytes, expectedBytes));
  }

  void started(TftpTransferEvent event) {
    log.debug("{} {} from {} started, options {}", verb(event), event.filename(), event.peer(),
        event.requestedOptions());
    dispatch(() -> listener.transferStarted(event));
  }

  void ended(TftpTransferEvent event) {
    TftpTransferResult result = event.result();
    if (result == null) {
      throw new IllegalArgumentException("event without a result (expected: an ended transfer)");
    }
    if (log.isInfoEnabled()) {
      // Failures are what a flood of bad requests produces: each peer has a budget of lines.
      String suffix = result.isSuccess() ? ""
          : failureLines.spend(event.peer().getAddress(), System.nanoTime());
      if (suffix != null) {
        log.info(describe(event, result) + suffix);
      }
    }
    if (result.isSuccess()) {
      dispatch(() -> listener.transferCompleted(event));
    } else {
      dispatch(() -> listener.transferFailed(event));
    }
  }

  /**
   * Returns the one-line summary of an ended transfer, for example {@code read pxelinux.0 to
   * /10.0.0.5:2070: 42 KB in 12 ms (3.5 MB/s), blksize 1468 windowsize 4: COMPLETED}.
   */
  static String describe(TftpTransferEvent event, TftpTransferResult result) {
    StringBuilder line = new StringBuilder()
        .append(verb(event)).append(' ').append(event.filename())
        .append(event.direction() == TftpTransferEvent.Direction.READ ? " to " : " from ")
        .append(event.peer()).append(": ")
        .append(result.bytesTransferred()).append(" bytes in ")
        .append(result.durationNanos() / 1_000_000).append(" ms");
    if (result.durationNanos() > 0 && result.bytesTransferred() > 0) {
      double megabytesPerSecond = result.bytesTransferred() * 1e3 / result.durationNanos();
      line.append(String.format(Locale.ROOT, " (%.1f MB/s)", megabytesPerSecond));
    }
    line.append(", blksize ").append(result.options().blksize())
        .append(" windowsize ").append(result.options().windowsize());
    if (result.retransmissions() > 0) {
      line.append(", ").append(result.retransmissions()).append(" resent");
    }
    line.append(": ").append(result.outcome());
    if (result.errorCode() != null) {
      line.append(' ').append(result.errorCode()).append(" \"").append(result.errorMessage())
          .append('"');
    }
    return line.toString();
  }

  private static String verb(TftpTransferEvent event) {
    return event.direction() == TftpTransferEvent.Direction.READ ? "read" : "write";
  }

  private void dispatch(Runnable call) {
    Runnable guarded = () -> {
      try {
        call.run();
      } catch (RuntimeException e) {
        log.warn("TFTP transfer listener threw", e);
      }
    };
    if (executor == null) {
      guarded.run();
      return;
    }
    try {
      executor.execute(guarded);
    } catch (RejectedExecutionException e) {
      log.warn("TFTP transfer listener executor rejected an event: {}", e.toString());
    }
  }
}
