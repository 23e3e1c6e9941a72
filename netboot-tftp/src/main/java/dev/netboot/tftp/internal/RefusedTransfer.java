package dev.netboot.tftp.internal;

import dev.netboot.tftp.TftpErrorCode;
import dev.netboot.tftp.TftpOutbox;
import dev.netboot.tftp.TftpPacket;
import dev.netboot.tftp.TftpRetransmitSettings;

/**
 * A request the server refuses (file not found, access violation, unknown mode, upload too
 * large): {@link #start} sends the ERROR and the transfer is over (RFC 1350 section 7: an
 * ERROR is not acknowledged nor retransmitted).
 */
public final class RefusedTransfer extends TransferBase {
  private final TftpErrorCode code;
  private final String message;

  /**
   * Creates the refusal.
   *
   * @param filename the requested name
   * @param code the error to send
   * @param message its message
   * @param settings unused but for the result's shape
   */
  public RefusedTransfer(String filename, TftpErrorCode code, String message,
      TftpRetransmitSettings settings) {
    super(filename, settings);
    this.code = code;
    this.message = message;
  }

  @Override
  void begin(long now, TftpOutbox out) {
    fail(code, message, now, out);
  }

  @Override
  void handle(TftpPacket packet, long now, TftpOutbox out) {
    // over before anything can arrive
  }

  @Override
  void expire(long now, TftpOutbox out) {
    // never armed
  }

  @Override
  long phaseDeadline() {
    return Long.MAX_VALUE;
  }

  @Override
  boolean peerProven() {
    return false;
  }

  @Override
  long bytes() {
    return 0;
  }

  @Override
  int retransmissions() {
    return 0;
  }

  @Override
  void release(boolean completed) {
    // nothing was opened
  }
}
