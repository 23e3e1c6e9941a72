package dev.netboot.tftp.internal;

import dev.netboot.tftp.TftpOutbox;
import dev.netboot.tftp.TftpRequest;
import dev.netboot.tftp.TftpRetransmitSettings;
import dev.netboot.tftp.TftpTransferResult.Outcome;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * What both client transfers share: the request is resent with backoff until the server
 * answers (RFC 1350 section 2); then a {@link TransferWindow} carries the blocks and its
 * deadlines. The peer is proven once the window exists.
 */
abstract class RequestingTransfer extends TransferBase {
  protected final TftpRequest request;
  protected final RetransmitTimer timer;
  private final String awaited;
  private long requestAt;
  private long requestSentAt;
  private int requestResends;

  /**
   * Creates the transfer.
   *
   * @param awaited the opcode name the window waits for, for the time-out message
   */
  RequestingTransfer(TftpRequest request, TftpRetransmitSettings settings, String awaited) {
    super(request.filename(), settings);
    this.request = request;
    this.timer = new RetransmitTimer(settings, -1);
    this.awaited = awaited;
  }

  /** Returns the data phase, or {@code null} while the request is unanswered. */
  abstract @Nullable TransferWindow window();

  @Override
  final void begin(long now, TftpOutbox out) {
    sendRequest(now, out);
  }

  private void sendRequest(long now, TftpOutbox out) {
    requestSentAt = now;
    requestAt = now + timer.rto();
    out.send(request);
  }

  /** Feeds the first answer's round trip to the timer, before the window starts. */
  final void requestAnswered(long now) {
    if (requestResends == 0) {
      timer.sample(now - requestSentAt); // Karn: only an answer to a request sent once
    }
    timer.progress();
  }

  @Override
  final void expire(long now, TftpOutbox out) throws IOException {
    TransferWindow w = window();
    if (w != null) {
      if (!w.onDeadline(now, out)) {
        finish(Outcome.TIMED_OUT, null,
            "no " + awaited + " after " + settings.maxRetries() + " retries", now);
      }
    } else if (!timer.backoff()) {
      finish(Outcome.TIMED_OUT, null, "no answer to the request", now);
    } else {
      requestResends++;
      sendRequest(now, out);
    }
  }

  @Override
  final long phaseDeadline() {
    TransferWindow w = window();
    return w != null ? w.deadline() : requestAt;
  }

  @Override
  final boolean peerProven() {
    return window() != null;
  }

  @Override
  int retransmissions() {
    TransferWindow w = window();
    return requestResends + (w == null ? 0 : w.retransmissions());
  }
}
