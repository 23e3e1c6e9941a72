package dev.netboot.tftp.udp;

import dev.netboot.tftp.TftpOptions;
import dev.netboot.tftp.TftpTransferResult;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link TftpTransferListener} learns about one transfer of a {@link TftpServer}: the
 * request, the two ends, and once it is over, its {@linkplain TftpTransferResult result}
 * (outcome, options in force, bytes, duration).
 *
 * @param direction whether the client reads (RRQ) or writes (WRQ), RFC 1350 section 2
 * @param filename the file name as the client sent it
 * @param mode the transfer mode, lower-cased ({@code octet} or {@code netascii})
 * @param peer the client's address and port: its transfer ID
 * @param localAddress the server's address and port for this transfer: its transfer ID
 * @param requestedOptions the options the client asked for (RFC 2347), names lower-cased
 * @param result how it ended; {@code null} in {@link TftpTransferListener#transferStarted}
 */
public record TftpTransferEvent(
    Direction direction,
    String filename,
    String mode,
    InetSocketAddress peer,
    InetSocketAddress localAddress,
    Map<String, String> requestedOptions,
    @Nullable TftpTransferResult result) {

  /** Which way the file goes. RFC 1350 defines exactly two requests, hence an enum. */
  public enum Direction {
    /** A read request: the server sends the file. */
    READ,
    /** A write request: the server receives the file. */
    WRITE
  }

  /** Checks the fields and copies the options so that the event stays immutable. */
  public TftpTransferEvent {
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(filename, "filename");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(peer, "peer");
    Objects.requireNonNull(localAddress, "localAddress");
    requestedOptions = Collections.unmodifiableMap(new LinkedHashMap<>(requestedOptions));
  }

  /** Returns the options in force, or plain RFC 1350's while the transfer has not ended. */
  public TftpOptions options() {
    return result != null ? result.options() : TftpOptions.DEFAULTS;
  }

  /** Returns the data bytes delivered, 0 while the transfer has not ended. */
  public long bytes() {
    return result != null ? result.bytesTransferred() : 0;
  }

  /** Returns how long the transfer took, zero while it has not ended. */
  public Duration duration() {
    return result != null ? Duration.ofNanos(result.durationNanos()) : Duration.ZERO;
  }

  /** Returns whether the transfer ended and did what was asked. */
  public boolean isSuccess() {
    return result != null && result.isSuccess();
  }

  /** Returns this event with the transfer's result. */
  TftpTransferEvent withResult(TftpTransferResult ended) {
    return new TftpTransferEvent(
        direction, filename, mode, peer, localAddress, requestedOptions, ended);
  }
}
