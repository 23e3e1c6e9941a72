package dev.netboot.tftp.udp;

import dev.netboot.tftp.TftpErrorCode;
import dev.netboot.tftp.TftpTransferResult;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * A {@link TftpClient} transfer that did not complete: the server refused or broke it off with
 * an ERROR (RFC 1350 section 5), this side gave up on a silent server, or it was aborted. The
 * {@linkplain #result() result} says which.
 */
public final class TftpTransferException extends IOException {
  private static final long serialVersionUID = 1L;

  private final transient TftpTransferResult result;

  /**
   * Creates the exception for a transfer that ended without success.
   *
   * @param result how it ended
   */
  public TftpTransferException(TftpTransferResult result) {
    super(message(result));
    this.result = result;
  }

  /** Returns how the transfer ended. */
  public TftpTransferResult result() {
    return result;
  }

  /** Returns the TFTP error sent or received, or null when none was (a silent peer). */
  public @Nullable TftpErrorCode errorCode() {
    return result.errorCode();
  }

  private static String message(TftpTransferResult result) {
    StringBuilder m = new StringBuilder("TFTP transfer of ").append(result.filename())
        .append(' ').append(result.outcome());
    if (result.errorCode() != null) {
      m.append(": ").append(result.errorCode());
      if (!result.errorMessage().isEmpty()) {
        m.append(" \"").append(result.errorMessage()).append('"');
      }
    }
    return m.toString();
  }
}
