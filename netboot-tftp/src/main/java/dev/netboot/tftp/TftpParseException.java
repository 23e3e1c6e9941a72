package dev.netboot.tftp;

import org.jspecify.annotations.Nullable;

/**
 * Malformed TFTP input: the only exception {@link TftpPacketDecoder} throws for bad bytes.
 *
 * <p>It carries the byte offset where decoding stopped and, when the first two bytes were read,
 * the opcode: a server answers a malformed request with ERROR 4 (RFC 1350 section 5) and drops
 * malformed packets of a running transfer.
 */
public final class TftpParseException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String reason;
  private final int offset;
  private final @Nullable TftpOpcode opcode;

  /**
   * Creates an exception for input rejected at {@code offset}.
   *
   * @param reason what was wrong, in a few words
   * @param offset byte offset from the start of the packet
   * @param opcode the packet's opcode, or {@code null} when it was not read or is not one
   */
  public TftpParseException(String reason, int offset, @Nullable TftpOpcode opcode) {
    super(reason + " (at offset " + offset + (opcode != null ? ", in " + opcode : "") + ")");
    this.reason = reason;
    this.offset = offset;
    this.opcode = opcode;
  }

  /** Returns what was wrong, without the offset. */
  public String reason() {
    return reason;
  }

  /** Returns the byte offset, from the start of the packet, where decoding stopped. */
  public int offset() {
    return offset;
  }

  /** Returns the opcode of the rejected packet, or {@code null} when unknown. */
  public @Nullable TftpOpcode opcode() {
    return opcode;
  }
}
