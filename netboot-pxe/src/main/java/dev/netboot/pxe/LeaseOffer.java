package dev.netboot.pxe;

import java.net.Inet4Address;
import java.time.Duration;
import java.util.List;

/**
 * The address part of a full DHCP server's answer, decided by the server's lease logic (not by
 * this module): the address and the network parameters that go with it.
 *
 * @param address the client's address (yiaddr)
 * @param subnetMask option 1
 * @param routers option 3; may be empty
 * @param dnsServers option 6; may be empty
 * @param leaseTime option 51, whole seconds up to 0xFFFFFFFF
 */
public record LeaseOffer(
    Inet4Address address, Inet4Address subnetMask, List<Inet4Address> routers,
    List<Inet4Address> dnsServers, Duration leaseTime) {
  /**
   * Copies the lists and checks the lease time.
   *
   * @throws IllegalArgumentException if the lease time is negative or too long for option 51
   */
  public LeaseOffer {
    routers = List.copyOf(routers);
    dnsServers = List.copyOf(dnsServers);
    if (leaseTime.isNegative() || leaseTime.getSeconds() > 0xFFFFFFFFL) {
      throw new IllegalArgumentException(
          "lease time: " + leaseTime + " (expected: 0 to 4294967295 seconds)");
    }
  }
}
