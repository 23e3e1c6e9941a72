package dev.netboot.server;

import dev.netboot.dhcp.ClientArchitecture;
import dev.netboot.pxe.BootDecision;
import dev.netboot.pxe.ClientFamily;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Something the server did for one machine. Every event names the machine's MAC address (as
 * {@code aa:bb:cc:dd:ee:ff}) where the server knows it, so one machine's boot can be followed.
 */
public sealed interface NetbootEvent {
  /** Returns the machine's MAC address as {@code aa:bb:cc:dd:ee:ff}, or {@code null} if unknown. */
  @Nullable String mac();

  /**
   * A machine's DHCP or boot-server request was received and understood.
   *
   * @param mac the client hardware address
   * @param family how it boots
   * @param architecture its option 93 architecture, if it sent one
   * @param peer where the request came from
   * @param serverPort the port it came to (67 or 4011 by default)
   * @param interfaceName the interface it arrived on, or {@code null} on the portable transport
   */
  record MachineSeen(
      String mac, ClientFamily family, @Nullable ClientArchitecture architecture,
      InetSocketAddress peer, int serverPort, @Nullable String interfaceName)
      implements NetbootEvent {}

  /**
   * The boot policy decided what a machine boots.
   *
   * @param mac the client hardware address
   * @param decision the decision ({@link BootDecision#ignore()} included)
   */
  record BootDecided(String mac, BootDecision decision) implements NetbootEvent {}

  /**
   * A file was sent, completely or not.
   *
   * @param mac the client's MAC address when known (from the URL or the TFTP path)
   * @param protocol how it was sent
   * @param path the path requested
   * @param peer the client
   * @param bytes the bytes sent
   * @param duration how long the transfer took
   * @param success whether the whole file was sent
   */
  record FileServed(
      @Nullable String mac, Protocol protocol, String path, InetSocketAddress peer, long bytes,
      Duration duration, boolean success)
      implements NetbootEvent {}

  /**
   * A file is still going out: sent about once a second for a transfer that lasts longer, so
   * that a person watching a large kernel or initrd sees it move.
   *
   * @param mac the client's MAC address when known
   * @param protocol how it is sent
   * @param path the path requested
   * @param peer the client
   * @param bytes the bytes sent so far (acknowledged, for TFTP)
   * @param totalBytes the file's size, or -1 when not known in advance
   */
  record TransferProgress(
      @Nullable String mac, Protocol protocol, String path, InetSocketAddress peer, long bytes,
      long totalBytes)
      implements NetbootEvent {}

  /**
   * The last file of a Linux decision (the last initrd, or the kernel when there is none) was sent
   * over HTTP to the machine: from here on the boot is the kernel's business.
   *
   * @param mac the client hardware address
   * @param peer the client
   */
  record BootFinished(String mac, InetSocketAddress peer) implements NetbootEvent {}

  /**
   * A service failed or refused something: a send failed, a policy failed, a decision timed out.
   *
   * @param mac the machine concerned, if any
   * @param service the service, such as {@code dhcp}, {@code bootserver}, {@code tftp}, {@code http}
   * @param message what went wrong
   */
  record ServiceError(@Nullable String mac, String service, String message)
      implements NetbootEvent {}

  /** How a file was sent. */
  enum Protocol {
    /** TFTP (RFC 1350). */
    TFTP,
    /** HTTP/1.1. */
    HTTP
  }
}
