package dev.netboot.tftp;

import dev.netboot.tftp.internal.WireStrings;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An ERROR packet (RFC 1350 section 5): {@code | 05 | code | message | 0 |}. It ends the
 * transfer and is neither acknowledged nor retransmitted.
 */
public final class TftpError extends TftpPacket {
  /** The longest message this module writes or keeps, in bytes of UTF-8. */
  public static final int MAX_MESSAGE_LENGTH = 512;

  private final TftpErrorCode code;
  private final String message;

  private TftpError(TftpErrorCode code, String message) {
    this.code = code;
    this.message = message;
  }

  /**
   * Returns an ERROR packet.
   *
   * @param code the error code
   * @param message a short message for a human, without NUL
   * @return the packet
   * @throws IllegalArgumentException if the message contains NUL or is longer than
   *     {@link #MAX_MESSAGE_LENGTH} bytes of UTF-8
   */
  public static TftpError of(TftpErrorCode code, String message) {
    Objects.requireNonNull(code, "code");
    WireStrings.check("message", message, MAX_MESSAGE_LENGTH);
    return new TftpError(code, message);
  }

  @Override
  public TftpOpcode opcode() {
    return TftpOpcode.ERROR;
  }

  /** Returns the error code. */
  public TftpErrorCode code() {
    return code;
  }

  /** Returns the message, possibly empty. */
  public String message() {
    return message;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof TftpError
        && ((TftpError) o).code.equals(code)
        && ((TftpError) o).message.equals(message);
  }

  @Override
  public int hashCode() {
    return code.hashCode() * 31 + message.hashCode();
  }

  @Override
  public String toString() {
    return "ERROR(" + code + ", \"" + message + "\")";
  }
}
