package dev.netboot.pxe;

/**
 * Malformed PXE input: the only exception the option 43 decoder throws for bad bytes.
 *
 * <p>It carries the byte offset, from the start of option 43's value, where decoding stopped, so
 * that a server can log what the client sent.
 */
public final class PxeParseException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String reason;
  private final int offset;

  /**
   * Creates an exception for input rejected at {@code offset}.
   *
   * @param reason what was wrong, in a few words
   * @param offset byte offset from the start of option 43's value
   */
  public PxeParseException(String reason, int offset) {
    super(reason + " (at offset " + offset + " of option 43)");
    this.reason = reason;
    this.offset = offset;
  }

  /** Returns what was wrong, without the offset. */
  public String reason() {
    return reason;
  }

  /** Returns the byte offset, from the start of option 43's value, where decoding stopped. */
  public int offset() {
    return offset;
  }
}
