package dev.netboot.tftp;

import org.jspecify.annotations.Nullable;

/**
 * A TFTP opcode. An {@code enum} because the RFCs close the set: RFC 1350 section 5 defines 1 to
 * 5 and RFC 2347 adds 6; a packet with any other opcode is malformed.
 */
public enum TftpOpcode {
  /** Read request (RFC 1350). */
  RRQ(1),
  /** Write request (RFC 1350). */
  WRQ(2),
  /** Data (RFC 1350). */
  DATA(3),
  /** Acknowledgment (RFC 1350). */
  ACK(4),
  /** Error (RFC 1350). */
  ERROR(5),
  /** Option acknowledgment (RFC 2347). */
  OACK(6);

  private static final TftpOpcode[] BY_CODE = {null, RRQ, WRQ, DATA, ACK, ERROR, OACK};

  private final int code;

  TftpOpcode(int code) {
    this.code = code;
  }

  /** Returns the 16-bit wire value. */
  public int code() {
    return code;
  }

  /**
   * Returns the opcode for a wire value.
   *
   * @param code the 16-bit wire value
   * @return the opcode, or {@code null} when the RFCs define none for {@code code}
   */
  public static @Nullable TftpOpcode forCode(int code) {
    return code > 0 && code < BY_CODE.length ? BY_CODE[code] : null;
  }

  /** Returns {@code NAME(code)}. */
  @Override
  public String toString() {
    return name() + "(" + code + ")";
  }
}
