package dev.netboot.tftp;

import org.jspecify.annotations.Nullable;

/**
 * A TFTP error code (RFC 1350 section 5, RFC 2347 for 8). An open value class: codes outside
 * 0..8 that a peer sends are kept.
 */
public final class TftpErrorCode implements Comparable<TftpErrorCode> {
  /** Not defined, see error message. */
  public static final TftpErrorCode NOT_DEFINED = new TftpErrorCode(0, "NOT_DEFINED");
  /** File not found. */
  public static final TftpErrorCode FILE_NOT_FOUND = new TftpErrorCode(1, "FILE_NOT_FOUND");
  /** Access violation. */
  public static final TftpErrorCode ACCESS_VIOLATION = new TftpErrorCode(2, "ACCESS_VIOLATION");
  /** Disk full or allocation exceeded. */
  public static final TftpErrorCode DISK_FULL = new TftpErrorCode(3, "DISK_FULL");
  /** Illegal TFTP operation. */
  public static final TftpErrorCode ILLEGAL_OPERATION = new TftpErrorCode(4, "ILLEGAL_OPERATION");
  /** Unknown transfer ID: a packet from a port that is not the transfer's peer. */
  public static final TftpErrorCode UNKNOWN_TRANSFER_ID =
      new TftpErrorCode(5, "UNKNOWN_TRANSFER_ID");
  /** File already exists. */
  public static final TftpErrorCode FILE_EXISTS = new TftpErrorCode(6, "FILE_EXISTS");
  /** No such user. */
  public static final TftpErrorCode NO_SUCH_USER = new TftpErrorCode(7, "NO_SUCH_USER");
  /** Option negotiation refused (RFC 2347): the transfer ends. */
  public static final TftpErrorCode OPTION_REFUSED = new TftpErrorCode(8, "OPTION_REFUSED");

  private static final TftpErrorCode[] KNOWN = {NOT_DEFINED, FILE_NOT_FOUND, ACCESS_VIOLATION,
    DISK_FULL, ILLEGAL_OPERATION, UNKNOWN_TRANSFER_ID, FILE_EXISTS, NO_SUCH_USER, OPTION_REFUSED};

  private final int code;
  private final String name;

  private TftpErrorCode(int code, String name) {
    this.code = code;
    this.name = name;
  }

  /**
   * Returns the error code for a wire value, known or not.
   *
   * @param code the 16-bit wire value
   * @return the constant, or a new instance named {@code UNKNOWN}
   * @throws IllegalArgumentException if {@code code} is outside 0..65535
   */
  public static TftpErrorCode valueOf(int code) {
    if (code < 0 || code > 0xFFFF) {
      throw new IllegalArgumentException("error code: " + code + " (expected: 0-65535)");
    }
    return code < KNOWN.length ? KNOWN[code] : new TftpErrorCode(code, "UNKNOWN");
  }

  /** Returns the wire value. */
  public int code() {
    return code;
  }

  /** Returns the RFC's name for the code, or {@code UNKNOWN}. */
  public String name() {
    return name;
  }

  @Override
  public int compareTo(TftpErrorCode o) {
    return Integer.compare(code, o.code);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof TftpErrorCode && ((TftpErrorCode) o).code == code;
  }

  @Override
  public int hashCode() {
    return code;
  }

  /** Returns {@code NAME(code)}. */
  @Override
  public String toString() {
    return name + "(" + code + ")";
  }
}
