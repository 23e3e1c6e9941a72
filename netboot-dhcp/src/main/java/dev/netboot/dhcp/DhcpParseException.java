package dev.netboot.dhcp;

import org.jspecify.annotations.Nullable;

/**
 * Malformed DHCP input: the only exception the decoders of this module throw for bad bytes.
 *
 * <p>It carries the byte offset where decoding stopped and, when the header was read far
 * enough, the transaction id, so that a server can log the offender or answer it.
 */
public final class DhcpParseException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String reason;
  private final int offset;
  private final @Nullable Integer transactionId;

  /**
   * Creates an exception for input rejected at {@code offset}.
   *
   * @param reason what was wrong, in a few words
   * @param offset byte offset from the start of the decoded region
   */
  public DhcpParseException(String reason, int offset) {
    this(reason, offset, null);
  }

  /**
   * Creates an exception for input rejected at {@code offset} of a message whose transaction id
   * is known.
   *
   * @param reason what was wrong, in a few words
   * @param offset byte offset from the start of the decoded region
   * @param transactionId the message's {@code xid}, or {@code null} when it was not read
   */
  public DhcpParseException(String reason, int offset, @Nullable Integer transactionId) {
    super(reason + " (at offset " + offset + ")");
    this.reason = reason;
    this.offset = offset;
    this.transactionId = transactionId;
  }

  /** Returns what was wrong, without the offset. */
  public String reason() {
    return reason;
  }

  /** Returns the byte offset, from the start of the decoded region, where decoding stopped. */
  public int offset() {
    return offset;
  }

  /** Returns the transaction id of the rejected message, or {@code null} when unknown. */
  public @Nullable Integer transactionId() {
    return transactionId;
  }

  /** Returns a copy of this exception with the transaction id set, for re-throwing upward. */
  DhcpParseException withTransactionId(int xid) {
    DhcpParseException e = new DhcpParseException(reason, offset, xid);
    e.setStackTrace(getStackTrace());
    return e;
  }

  /** Returns a copy of this exception whose offset is shifted by {@code base}. */
  DhcpParseException shiftedBy(int base) {
    DhcpParseException e = new DhcpParseException(reason, offset + base, transactionId);
    e.setStackTrace(getStackTrace());
    return e;
  }
}
