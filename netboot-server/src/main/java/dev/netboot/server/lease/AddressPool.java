package dev.netboot.server.lease;

import dev.netboot.pxe.LeaseOffer;
import java.net.Inet4Address;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The addresses a full-DHCP server hands out on one subnet, and the parameters that go with them:
 * a range {@code first..last}, static reservations (which may lie outside the range but not
 * outside the subnet), excluded addresses, and the lease and hold times. Immutable.
 *
 * <pre>{@code
 * AddressPool pool = AddressPool.builder(ip("192.168.50.100"), ip("192.168.50.199"))
 *     .subnetMask(ip("255.255.255.0"))
 *     .routers(List.of(ip("192.168.50.1")))
 *     .reserve("52:54:00:12:34:56", ip("192.168.50.20"))
 *     .exclude(ip("192.168.50.150"))
 *     .build();
 * }</pre>
 */
public final class AddressPool {
  /**
   * The most addresses in one range (a /16): {@link Leases} keeps a bit per address of the range
   * and a record per lease, so this bounds its memory.
   */
  public static final int MAX_SIZE = 1 << 16;
  /** The lease time when the builder is given none. */
  public static final Duration DEFAULT_LEASE_TIME = Duration.ofHours(1);
  /** How long an unanswered offer keeps its address when the builder is given no other time. */
  public static final Duration DEFAULT_OFFER_HOLD_TIME = Duration.ofSeconds(60);
  /** How long a declined address rests when the builder is given no other time. */
  public static final Duration DEFAULT_DECLINE_HOLD_TIME = Duration.ofMinutes(10);

  private final int first;
  private final int last;
  private final int mask;
  private final List<Inet4Address> routers;
  private final List<Inet4Address> dnsServers;
  private final Duration leaseTime;
  private final Duration offerHoldTime;
  private final Duration declineHoldTime;
  private final Map<String, Integer> reservationsByMac;
  private final Map<Integer, String> reservationsByAddress;
  private final Set<Integer> excluded;

  private AddressPool(Builder b, int mask) {
    this.first = b.first;
    this.last = b.last;
    this.mask = mask;
    this.routers = List.copyOf(b.routers);
    this.dnsServers = List.copyOf(b.dnsServers);
    this.leaseTime = b.leaseTime;
    this.offerHoldTime = b.offerHoldTime;
    this.declineHoldTime = b.declineHoldTime;
    this.reservationsByMac = Map.copyOf(b.reservations);
    Map<Integer, String> byAddress = new HashMap<>();
    b.reservations.forEach((mac, address) -> byAddress.put(address, mac));
    this.reservationsByAddress = Map.copyOf(byAddress);
    this.excluded = Set.copyOf(b.excluded);
  }

  /**
   * Starts a pool of the addresses {@code first} to {@code last}, both included.
   *
   * @param first the lowest address handed out
   * @param last the highest address handed out
   * @return the builder; {@link Builder#subnetMask} is required
   */
  public static Builder builder(Inet4Address first, Inet4Address last) {
    return new Builder(Ipv4.toInt(first), Ipv4.toInt(last));
  }

  /** Returns the lowest address of the range. */
  public Inet4Address first() {
    return Ipv4.of(first);
  }

  /** Returns the highest address of the range. */
  public Inet4Address last() {
    return Ipv4.of(last);
  }

  /** Returns the number of addresses in the range, excluded and reserved ones included. */
  public int size() {
    return (int) (Ipv4.unsigned(last) - Ipv4.unsigned(first) + 1);
  }

  /** Returns the subnet mask (option 1). */
  public Inet4Address subnetMask() {
    return Ipv4.of(mask);
  }

  /** Returns the routers (option 3), maybe none. */
  public List<Inet4Address> routers() {
    return routers;
  }

  /** Returns the DNS servers (option 6), maybe none. */
  public List<Inet4Address> dnsServers() {
    return dnsServers;
  }

  /** Returns the lease time of a bound address (option 51). */
  public Duration leaseTime() {
    return leaseTime;
  }

  /** Returns how long an offered address waits for the client's REQUEST. */
  public Duration offerHoldTime() {
    return offerHoldTime;
  }

  /** Returns how long a declined address is given to nobody. */
  public Duration declineHoldTime() {
    return declineHoldTime;
  }

  /** Returns the static reservations: MAC text ({@code aa:bb:cc:dd:ee:ff}) to address. */
  public Map<String, Inet4Address> reservations() {
    Map<String, Inet4Address> out = new LinkedHashMap<>();
    reservationsByMac.forEach((mac, address) -> out.put(mac, Ipv4.of(address)));
    return Map.copyOf(out);
  }

  /** Returns the excluded addresses. */
  public Set<Inet4Address> excluded() {
    Set<Inet4Address> out = new HashSet<>();
    excluded.forEach(a -> out.add(Ipv4.of(a)));
    return Set.copyOf(out);
  }

  /**
   * Returns the address reserved for a client.
   *
   * @param mac the client's hardware address
   * @return the reserved address, or empty when the client has none
   */
  public Optional<Inet4Address> reservationFor(byte[] mac) {
    return Optional.ofNullable(reservationsByMac.get(Ipv4.macText(mac))).map(Ipv4::of);
  }

  /**
   * Tells whether {@code address} lies in {@code first..last}.
   *
   * @param address an address
   * @return true when in the range, excluded or reserved or not
   */
  public boolean inRange(Inet4Address address) {
    return inRange(Ipv4.toInt(address));
  }

  /**
   * Tells whether {@code address} lies in this pool's subnet.
   *
   * @param address an address
   * @return true when on the subnet, network and broadcast addresses included
   */
  public boolean inSubnet(Inet4Address address) {
    return inSubnet(Ipv4.toInt(address));
  }

  /**
   * Returns what a client with {@code address} is told: the address with this pool's mask,
   * routers, DNS servers and lease time.
   *
   * @param address the client's address
   * @return the offer for {@code FullDhcpReplies}
   */
  public LeaseOffer offerFor(Inet4Address address) {
    return new LeaseOffer(address, subnetMask(), routers, dnsServers, leaseTime);
  }

  boolean inRange(int address) {
    long a = Ipv4.unsigned(address);
    return a >= Ipv4.unsigned(first) && a <= Ipv4.unsigned(last);
  }

  boolean inSubnet(int address) {
    return (address & mask) == (first & mask);
  }

  int firstInt() {
    return first;
  }

  /** The index of an address of the range, from 0 for {@code first}. */
  int indexOf(int address) {
    return (int) (Ipv4.unsigned(address) - Ipv4.unsigned(first));
  }

  int addressAt(int index) {
    return first + index;
  }

  boolean isExcluded(int address) {
    return excluded.contains(address);
  }

  @Nullable Integer reservedAddress(String macText) {
    return reservationsByMac.get(macText);
  }

  @Nullable String reservedFor(int address) {
    return reservationsByAddress.get(address);
  }

  @Override
  public String toString() {
    return "AddressPool(" + Ipv4.text(first) + ".." + Ipv4.text(last) + "/" + Ipv4.text(mask)
        + ", " + reservationsByMac.size() + " reserved, " + excluded.size() + " excluded)";
  }

  /** Builds an {@link AddressPool}; {@link #subnetMask} is required. */
  public static final class Builder {
    private final int first;
    private final int last;
    private @Nullable Inet4Address subnetMask;
    private List<Inet4Address> routers = List.of();
    private List<Inet4Address> dnsServers = List.of();
    private Duration leaseTime = DEFAULT_LEASE_TIME;
    private Duration offerHoldTime = DEFAULT_OFFER_HOLD_TIME;
    private Duration declineHoldTime = DEFAULT_DECLINE_HOLD_TIME;
    private final Map<String, Integer> reservations = new LinkedHashMap<>();
    private final Set<Integer> excluded = new HashSet<>();

    private Builder(int first, int last) {
      this.first = first;
      this.last = last;
    }

    /**
     * Sets the subnet mask; {@code first..last} and every reservation must lie in one subnet.
     *
     * @param mask a contiguous mask of /1 to /30
     * @return this builder
     */
    public Builder subnetMask(Inet4Address mask) {
      this.subnetMask = Objects.requireNonNull(mask);
      return this;
    }

    /**
     * Sets the routers (option 3), in order of preference.
     *
     * @param routers the routers, maybe none (the default)
     * @return this builder
     */
    public Builder routers(List<Inet4Address> routers) {
      this.routers = List.copyOf(routers);
      return this;
    }

    /**
     * Sets the DNS servers (option 6), in order of preference.
     *
     * @param dnsServers the servers, maybe none (the default)
     * @return this builder
     */
    public Builder dnsServers(List<Inet4Address> dnsServers) {
      this.dnsServers = List.copyOf(dnsServers);
      return this;
    }

    /**
     * Sets the lease time of a bound address (option 51).
     *
     * @param leaseTime from 1 second to 4294967295 seconds; {@link #DEFAULT_LEASE_TIME} if unset
     * @return this builder
     */
    public Builder leaseTime(Duration leaseTime) {
      this.leaseTime = PoolChecks.positive("lease time", leaseTime, 0xFFFFFFFFL);
      return this;
    }

    /**
     * Sets how long an offer keeps its address for the client before the address returns to the
     * pool (RFC 2131 section 4.3.1 leaves it to the server).
     *
     * @param holdTime from 1 second to a day; {@link #DEFAULT_OFFER_HOLD_TIME} if unset
     * @return this builder
     */
    public Builder offerHoldTime(Duration holdTime) {
      this.offerHoldTime =
          PoolChecks.positive("offer hold time", holdTime, Duration.ofDays(1).getSeconds());
      return this;
    }

    /**
     * Sets how long a declined address is given to nobody (RFC 2131 section 4.3.3).
     *
     * @param holdTime from 1 second to 4294967295 seconds; {@link #DEFAULT_DECLINE_HOLD_TIME} if
     *     unset
     * @return this builder
     */
    public Builder declineHoldTime(Duration holdTime) {
      this.declineHoldTime = PoolChecks.positive("decline hold time", holdTime, 0xFFFFFFFFL);
      return this;
    }

    /**
     * Reserves {@code address} for the client with hardware address {@code mac}: that client
     * always gets it, and no other client does. The address may lie outside
     * {@code first..last} but must be a host address of the subnet.
     *
     * @param mac hex bytes separated by colons or dashes, as {@code 52:54:00:12:34:56}
     * @param address the client's address
     * @return this builder
     * @throws IllegalArgumentException if {@code mac} is not hex bytes
     */
    public Builder reserve(String mac, Inet4Address address) {
      return reserve(PoolChecks.parseMac(mac), address);
    }

    /**
     * Reserves {@code address} for the client with hardware address {@code mac}; see
     * {@link #reserve(String, Inet4Address)}.
     *
     * @param mac the client's hardware address, 1 to 16 bytes (6 for Ethernet)
     * @param address the client's address
     * @return this builder
     * @throws IllegalArgumentException if the MAC or the address is reserved already
     */
    public Builder reserve(byte[] mac, Inet4Address address) {
      String key = Ipv4.macText(Lease.checkedMac(mac));
      int a = Ipv4.toInt(address);
      if (reservations.containsKey(key)) {
        throw new IllegalArgumentException(
            "second reservation for " + key + " (expected: one address per client)");
      }
      if (reservations.containsValue(a)) {
        throw new IllegalArgumentException("address " + Ipv4.text(a)
            + " reserved twice (expected: one client per reserved address)");
      }
      reservations.put(key, a);
      return this;
    }

    /**
     * Keeps {@code address} from being handed out, as the server's own address or a printer's.
     * An address outside the range is accepted and changes nothing.
     *
     * @param address the address
     * @return this builder
     */
    public Builder exclude(Inet4Address address) {
      excluded.add(Ipv4.toInt(address));
      return this;
    }

    /**
     * Builds the pool.
     *
     * @return the pool
     * @throws IllegalArgumentException if the mask is missing or not contiguous, the range is
     *     empty, larger than {@link #MAX_SIZE}, crosses the subnet or holds its network or
     *     broadcast address, or a reservation is off the subnet or excluded
     */
    public AddressPool build() {
      if (subnetMask == null) {
        throw new IllegalArgumentException("no subnet mask (expected: subnetMask(...) set)");
      }
      int mask = Ipv4.toInt(subnetMask);
      PoolChecks.check(first, last, mask, reservations, excluded);
      return new AddressPool(this, mask);
    }
  }
}
