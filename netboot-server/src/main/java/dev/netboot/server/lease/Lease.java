package dev.netboot.server.lease;

import java.net.Inet4Address;
import java.time.Instant;
import java.util.Arrays;

/**
 * One address's binding: which client holds it, until when, and how far the handshake went.
 *
 * @param hardwareAddress the client's hardware address ({@code chaddr}, {@code hlen} bytes)
 * @param address the address
 * @param expires when the binding ends: the end of the lease for {@link State#BOUND}, of the
 *     offer's hold time for {@link State#OFFERED}, of the quarantine for {@link State#DECLINED}
 * @param state how far the handshake went
 */
public record Lease(byte[] hardwareAddress, Inet4Address address, Instant expires, State state) {
  /** The longest hardware address: the 16 bytes of {@code chaddr} (RFC 2131 section 2). */
  public static final int MAX_HARDWARE_ADDRESS_LENGTH = 16;

  /** How far a client's handshake for an address went (RFC 2131 section 4.3). */
  public enum State {
    /** Offered in answer to a DISCOVER, held for the client until the offer's hold time ends. */
    OFFERED,
    /** Acknowledged in answer to a REQUEST: the client uses the address until the lease ends. */
    BOUND,
    /**
     * Declined by the client because something else answers on it (RFC 2131 section 4.3.3):
     * given to nobody until the quarantine ends.
     */
    DECLINED
  }

  /**
   * Copies the hardware address and checks its length.
   *
   * @throws IllegalArgumentException if the hardware address is empty or longer than
   *     {@link #MAX_HARDWARE_ADDRESS_LENGTH}
   */
  public Lease {
    hardwareAddress = checkedMac(hardwareAddress).clone();
  }

  /** Returns a copy of the client's hardware address. */
  @Override
  public byte[] hardwareAddress() {
    return hardwareAddress.clone();
  }

  /** Returns the hardware address as lowercase hex with colons, as in {@code 52:54:00:12:34:56}. */
  public String macText() {
    return Ipv4.macText(hardwareAddress);
  }

  /**
   * Tells whether the binding has ended at {@code now}.
   *
   * @param now the time
   * @return true from {@link #expires()} on
   */
  public boolean isExpired(Instant now) {
    return !now.isBefore(expires);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Lease l
        && Arrays.equals(hardwareAddress, l.hardwareAddress)
        && address.equals(l.address)
        && expires.equals(l.expires)
        && state == l.state;
  }

  @Override
  public int hashCode() {
    return ((Arrays.hashCode(hardwareAddress) * 31 + address.hashCode()) * 31
        + expires.hashCode()) * 31 + state.hashCode();
  }

  @Override
  public String toString() {
    return "Lease(" + macText() + ", " + address.getHostAddress() + ", " + state + " until "
        + expires + ")";
  }

  static byte[] checkedMac(byte[] mac) {
    if (mac.length == 0 || mac.length > MAX_HARDWARE_ADDRESS_LENGTH) {
      throw new IllegalArgumentException("hardware address of " + mac.length
          + " bytes (expected: 1 to " + MAX_HARDWARE_ADDRESS_LENGTH + " bytes)");
    }
    return mac;
  }
}
