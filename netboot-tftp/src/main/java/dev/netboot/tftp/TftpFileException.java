package dev.netboot.tftp;

/** A file source's refusal, with the TFTP error to send the client (RFC 1350 section 5). */
public final class TftpFileException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient TftpErrorCode errorCode;

  /**
   * Creates a refusal.
   *
   * @param errorCode the TFTP error code to send
   * @param message the error message to send; keep it short and free of local paths
   */
  public TftpFileException(TftpErrorCode errorCode, String message) {
    super(message);
    this.errorCode = errorCode;
  }

  /** Returns the TFTP error code to send. */
  public TftpErrorCode errorCode() {
    return errorCode;
  }
}
