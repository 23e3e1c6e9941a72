package dev.netboot.tftp.internal;

import dev.netboot.tftp.TftpError;
import dev.netboot.tftp.TftpErrorCode;
import dev.netboot.tftp.TftpFileException;
import dev.netboot.tftp.TftpOptions;
import dev.netboot.tftp.TftpOutbox;
import dev.netboot.tftp.TftpPacket;
import dev.netboot.tftp.TftpRetransmitSettings;
import dev.netboot.tftp.TftpTransfer;
import dev.netboot.tftp.TftpTransferResult;
import dev.netboot.tftp.TftpTransferResult.Outcome;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every transfer shares: the idle limit, the ERROR that ends a transfer, turning file
 * failures into the ERROR the peer is owed, the lingering of a receiver after its final ACK, and
 * the result. Subclasses supply the protocol phases.
 */
abstract class TransferBase implements TftpTransfer {
  private static final Logger log = LoggerFactory.getLogger(TftpTransfer.class);

  /** A handler that may fail on the file. */
  interface Step {
    void run() throws IOException, TftpFileException;
  }

  protected final String filename;
  protected final TftpRetransmitSettings settings;
  protected TftpOptions options = TftpOptions.DEFAULTS;
  protected long startNanos;
  private long lastHeardNanos;
  private @Nullable TftpTransferResult result;
  private boolean finished;
  private long lingerUntil = Long.MAX_VALUE;
  private int lingerAnswers;

  TransferBase(String filename, TftpRetransmitSettings settings) {
    this.filename = filename;
    this.settings = settings;
  }

  /** Sends the first packet. */
  abstract void begin(long now, TftpOutbox out) throws IOException, TftpFileException;

  /** Handles a packet other than ERROR while the outcome is open. */
  abstract void handle(TftpPacket packet, long now, TftpOutbox out)
      throws IOException, TftpFileException;

  /** Handles the phase deadline while the outcome is open. */
  abstract void expire(long now, TftpOutbox out) throws IOException, TftpFileException;

  /** Returns the phase's deadline while the outcome is open. */
  abstract long phaseDeadline();

  /** Handles a packet while lingering after completion; {@code true} if it was answered. */
  boolean answerWhileLingering(TftpPacket packet, TftpOutbox out) {
    return false;
  }

  /** Returns the outcome of an ERROR received now. */
  Outcome outcomeOfReceivedError() {
    return Outcome.ERROR_RECEIVED;
  }

  /** Returns whether the peer has shown it is there, so that ERRORs may be sent to it. */
  abstract boolean peerProven();

  abstract long bytes();

  abstract int retransmissions();

  /** Releases the file; {@code completed} says whether the transfer succeeded. */
  abstract void release(boolean completed);

  @Override
  public final long bytesTransferred() {
    return bytes();
  }

  @Override
  public final void start(long nowNanos, TftpOutbox out) {
    startNanos = nowNanos;
    lastHeardNanos = nowNanos;
    guarded(() -> begin(nowNanos, out), nowNanos, out);
  }

  @Override
  public final void onPacket(TftpPacket packet, long nowNanos, TftpOutbox out) {
    if (finished) {
      return;
    }
    if (result != null) {
      if (lingerAnswers < settings.maxRetries() + 1 && answerWhileLingering(packet, out)) {
        lingerAnswers++;
        lingerUntil = nowNanos + lingerSpan();
      }
      return;
    }
    lastHeardNanos = nowNanos;
    if (packet instanceof TftpError) {
      TftpError e = (TftpError) packet;
      finish(outcomeOfReceivedError(), e.code(), e.message(), nowNanos);
      return;
    }
    guarded(() -> handle(packet, nowNanos, out), nowNanos, out);
  }

  @Override
  public final void onDeadline(long nowNanos, TftpOutbox out) {
    if (finished) {
      return;
    }
    if (result != null) {
      if (nowNanos >= lingerUntil) {
        finished = true;
      }
      return;
    }
    if (nowNanos - lastHeardNanos >= settings.idleTimeoutNanos()) {
      finish(Outcome.TIMED_OUT, null, "no answer for " + settings.idleTimeoutNanos() / 1_000_000
          + " ms", nowNanos);
      return;
    }
    if (nowNanos >= phaseDeadline()) {
      guarded(() -> expire(nowNanos, out), nowNanos, out);
    }
  }

  @Override
  public final long deadlineNanos() {
    if (finished) {
      return Long.MAX_VALUE;
    }
    if (result != null) {
      return lingerUntil;
    }
    return Math.min(phaseDeadline(), lastHeardNanos + settings.idleTimeoutNanos());
  }

  @Override
  public final boolean isFinished() {
    return finished;
  }

  @Override
  public final @Nullable TftpTransferResult result() {
    return result;
  }

  @Override
  public final void abort(String reason, long nowNanos, TftpOutbox out) {
    if (finished) {
      return;
    }
    if (result != null) {
      finished = true;
      return;
    }
    String message = WireStrings.fit(reason, TftpError.MAX_MESSAGE_LENGTH);
    if (peerProven()) {
      out.send(TftpError.of(TftpErrorCode.NOT_DEFINED, message));
    }
    finish(Outcome.ABORTED, TftpErrorCode.NOT_DEFINED, message, nowNanos);
  }

  /** Sends an ERROR and ends the transfer with it. */
  final void fail(TftpErrorCode code, String message, long now, TftpOutbox out) {
    if (result != null) {
      return;
    }
    out.send(TftpError.of(code, message));
    finish(Outcome.ERROR_SENT, code, message, now);
  }

  /** Ends the transfer; a completed receiver then lingers to repeat its final ACK. */
  final void finish(Outcome outcome, @Nullable TftpErrorCode code, String message, long now) {
    if (result != null) {
      return;
    }
    result = new TftpTransferResult(outcome, code, message, filename, options, bytes(),
        retransmissions(), startNanos, now);
    try {
      release(outcome == Outcome.COMPLETED);
    } catch (RuntimeException e) {
      log.warn("TFTP transfer of {}: closing the file failed", filename, e);
    }
    finished = true;
    log.debug("TFTP transfer of {} ended: {}", filename, result);
  }

  /**
   * Completes a receiver: the outcome is known, but it stays to repeat its final ACK if the
   * sender did not hear it (RFC 1350 section 6), until the sender has been silent for two of
   * its longest timeouts: a sender that backs off must still find us there.
   */
  final void completeAndLinger(long now) {
    finish(Outcome.COMPLETED, null, "", now);
    finished = false;
    lingerUntil = now + lingerSpan();
  }

  private long lingerSpan() {
    return Math.min(settings.idleTimeoutNanos(), 2 * settings.maxTimeoutNanos());
  }

  final long proofDeadline() {
    return startNanos + settings.initialTimeoutNanos() * (settings.maxRetries() + 1L);
  }

  private void guarded(Step step, long now, TftpOutbox out) {
    try {
      step.run();
    } catch (TftpFileException e) {
      fail(e.errorCode(), safeMessage(e.getMessage()), now, out);
    } catch (IOException e) {
      log.warn("TFTP transfer of {}: file error", filename, e);
      fail(TftpErrorCode.NOT_DEFINED, "file error", now, out);
    } catch (RuntimeException e) {
      // A file source's bug must not take the transport's loop down: the peer gets ERROR 0.
      log.warn("TFTP transfer of {}: unexpected failure", filename, e);
      fail(TftpErrorCode.NOT_DEFINED, "internal error", now, out);
    }
  }

  private static String safeMessage(@Nullable String message) {
    return message == null ? "" : WireStrings.fit(message, TftpError.MAX_MESSAGE_LENGTH);
  }
}
