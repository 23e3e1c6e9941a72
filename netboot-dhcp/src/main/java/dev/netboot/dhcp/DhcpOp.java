package dev.netboot.dhcp;

/**
 * The BOOTP {@code op} field. RFC 951 closes this set: a message is a request or a reply.
 */
public enum DhcpOp {
  /** A message from client to server ({@code op = 1}). */
  BOOTREQUEST(1),
  /** A message from server to client ({@code op = 2}). */
  BOOTREPLY(2);

  private final int code;

  DhcpOp(int code) {
    this.code = code;
  }

  /** Returns the wire value of this op. */
  public int code() {
    return code;
  }

  /**
   * Returns the op for a wire value.
   *
   * @throws IllegalArgumentException if {@code code} is neither 1 nor 2
   */
  public static DhcpOp valueOf(int code) {
    switch (code) {
      case 1:
        return BOOTREQUEST;
      case 2:
        return BOOTREPLY;
      default:
        throw new IllegalArgumentException("op: " + code + " (expected: 1 or 2)");
    }
  }
}
