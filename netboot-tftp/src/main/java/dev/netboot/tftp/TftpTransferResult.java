package dev.netboot.tftp;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How a transfer ended: what for embedders' "transfer completed / failed" events and logs.
 *
 * @param outcome how it ended
 * @param errorCode the error sent or received, or {@code null} when none was
 * @param errorMessage the error's message, or empty
 * @param filename the file name as requested
 * @param options the options in force ({@link TftpOptions#DEFAULTS} without an OACK)
 * @param bytesTransferred data bytes delivered: acknowledged by the peer when sending, accepted
 *     when receiving (the octets on the wire, so netascii counts its CR LF pairs)
 * @param retransmissions how many packets were sent again
 * @param startNanos when the transfer started, on the transport's monotonic clock
 * @param endNanos when its outcome became known
 */
public record TftpTransferResult(
    Outcome outcome,
    @Nullable TftpErrorCode errorCode,
    String errorMessage,
    String filename,
    TftpOptions options,
    long bytesTransferred,
    int retransmissions,
    long startNanos,
    long endNanos) {

  /** How a transfer ended. */
  public enum Outcome {
    /** Every byte was delivered and acknowledged. */
    COMPLETED,
    /**
     * The client ended the transfer with an ERROR right after the OACK: firmware (OVMF, some
     * PXE ROMs) asks for {@code tsize} this way before the real download (RFC 2349). Not a
     * failure.
     */
    ENDED_AFTER_OPTIONS,
    /** This side sent an ERROR: a refused request, a bad packet, a file error. */
    ERROR_SENT,
    /** The peer sent an ERROR. */
    ERROR_RECEIVED,
    /** The peer stopped answering: retries or the idle limit ran out; nothing was sent. */
    TIMED_OUT,
    /** {@link TftpTransfer#abort} ended it. */
    ABORTED
  }

  /** Checks that the strings and options are present. */
  public TftpTransferResult {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(errorMessage, "errorMessage");
    Objects.requireNonNull(filename, "filename");
    Objects.requireNonNull(options, "options");
  }

  /** Returns whether the transfer did what was asked: completed, or a tsize probe answered. */
  public boolean isSuccess() {
    return outcome == Outcome.COMPLETED || outcome == Outcome.ENDED_AFTER_OPTIONS;
  }

  /** Returns the transfer's duration in nanoseconds. */
  public long durationNanos() {
    return endNanos - startNanos;
  }
}
