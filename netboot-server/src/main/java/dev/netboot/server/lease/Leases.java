package dev.netboot.server.lease;

import dev.netboot.pxe.LeaseOffer;
import java.net.Inet4Address;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lease logic of RFC 2131 section 4.3 for one {@link AddressPool}: which address each client
 * gets, and when an address returns to the pool. Thread-safe; every method is short and runs
 * under one lock, so the DHCP service may call it from its event loops.
 *
 * <p>Rules: a client keeps its address while its binding lives (and after, until another client
 * needs the address); a reservation wins over everything else; an offer that is not followed by
 * a REQUEST returns its address after {@link AddressPool#offerHoldTime()}; a declined address
 * rests for {@link AddressPool#declineHoldTime()}. Ended bindings are reclaimed lazily, when the
 * range has no address left that was never leased or already reclaimed, so that a returning
 * client finds its old address (RFC 2131 section 4.3.1). Memory is bounded: at most one lease per
 * address of the range or reservation, and a client holds at most one address.
 *
 * <p>The caller times everything with {@code now}; this class reads no clock.
 */
public final class Leases {
  private static final Logger log = LoggerFactory.getLogger(Leases.class);

  private final AddressPool pool;
  private final ReentrantLock lock = new ReentrantLock();
  private final LeaseTable table;
  /** Warn once per exhaustion, not once per DISCOVER of a boot storm. */
  private boolean exhaustionReported;

  /**
   * Creates the lease logic with leases kept in memory only.
   *
   * @param pool the addresses and their parameters
   */
  public Leases(AddressPool pool) {
    this(pool, new InMemoryLeaseStore());
  }

  /**
   * Creates the lease logic and loads the stored leases; those that no longer fit the pool are
   * dropped from the store (see {@link LeaseStore#loadAll()}).
   *
   * @param pool the addresses and their parameters
   * @param store where leases are kept
   */
  public Leases(AddressPool pool, LeaseStore store) {
    this.pool = pool;
    this.table = new LeaseTable(pool, store);
    table.load(store.loadAll());
  }

  /** Returns the pool these leases come from. */
  public AddressPool pool() {
    return pool;
  }

  /**
   * Chooses the address for a DISCOVER (RFC 2131 section 4.3.1), in this order: the client's
   * reservation; the address of its current or past binding, while recorded; the address it
   * asks for (option 50) if free; else the lowest free address of the range. The address is held
   * for the client as {@link Lease.State#OFFERED} for {@link AddressPool#offerHoldTime()}; a
   * bound lease that has not ended stays bound.
   *
   * @param mac the client's hardware address ({@code chaddr})
   * @param requested option 50, or null
   * @param now the time
   * @return the offer, or empty when the pool is exhausted
   */
  public Optional<LeaseOffer> offer(byte[] mac, @Nullable Inet4Address requested, Instant now) {
    String key = Ipv4.macText(Lease.checkedMac(mac));
    lock.lock();
    try {
      @Nullable Integer address = chooseForOffer(key, requested, now);
      if (address == null) {
        if (!exhaustionReported) {
          log.warn("mac={} no address to offer: pool {} exhausted", key, pool);
          exhaustionReported = true;
        } else {
          log.debug("mac={} no address to offer: pool {} still exhausted", key, pool);
        }
        return Optional.empty();
      }
      exhaustionReported = false;
      Lease current = table.at(address);
      boolean stillBound = current != null && current.state() == Lease.State.BOUND
          && current.macText().equals(key) && !current.isExpired(now);
      if (!stillBound) {
        Instant until = now.plus(pool.offerHoldTime());
        table.put(new Lease(mac, Ipv4.of(address), until, Lease.State.OFFERED));
      }
      log.debug("mac={} offered {}", key, Ipv4.text(address));
      return Optional.of(pool.offerFor(Ipv4.of(address)));
    } finally {
      lock.unlock();
    }
  }

  /**
   * Decides a REQUEST (RFC 2131 section 4.3.2) for {@code requested}, which is option 50 in the
   * SELECTING and INIT-REBOOT states, {@code ciaddr} when renewing or rebinding. ACK binds the
   * address for {@link AddressPool#leaseTime()} when it is the client's offered or bound address,
   * or a free address it may have (a free range address, or its reservation); NAK when another
   * client holds it, it is outside the range, excluded, resting after a DECLINE, or the client
   * has a reservation elsewhere.
   *
   * <p>A REQUEST whose server identifier (option 54) names another server is no business of this
   * method: the caller stays silent and calls {@link #otherServerSelected}.
   *
   * @param mac the client's hardware address ({@code chaddr})
   * @param requested the address the client asks for
   * @param now the time
   * @return ACK with the lease, or NAK with a reason
   */
  public RequestResult request(byte[] mac, Inet4Address requested, Instant now) {
    String key = Ipv4.macText(Lease.checkedMac(mac));
    int address = Ipv4.toInt(requested);
    lock.lock();
    try {
      @Nullable String refusal = refusal(key, address, now);
      if (refusal != null) {
        log.debug("mac={} NAK for {}: {}", key, Ipv4.text(address), refusal);
        return new RequestResult.Nak(refusal);
      }
      table.put(new Lease(mac, requested, now.plus(pool.leaseTime()), Lease.State.BOUND));
      log.debug("mac={} bound {} for {}", key, Ipv4.text(address), pool.leaseTime());
      return new RequestResult.Ack(pool.offerFor(requested));
    } finally {
      lock.unlock();
    }
  }

  /**
   * Frees the client's address at once (DHCPRELEASE, RFC 2131 section 4.3.4). Does nothing when
   * the address is not the client's.
   *
   * @param mac the client's hardware address
   * @param address {@code ciaddr} of the RELEASE
   * @param now the time
   */
  public void release(byte[] mac, Inet4Address address, Instant now) {
    String key = Ipv4.macText(Lease.checkedMac(mac));
    lock.lock();
    try {
      Lease lease = ownLease(key, Ipv4.toInt(address));
      if (lease == null) {
        log.debug("mac={} released {}, which it does not hold", key, address.getHostAddress());
        return;
      }
      table.remove(lease);
      log.debug("mac={} released {}", key, address.getHostAddress());
    } finally {
      lock.unlock();
    }
  }

  /**
   * Takes the client's address out of use because something else answers on it (DHCPDECLINE, RFC
   * 2131 section 4.3.3): nobody gets it for {@link AddressPool#declineHoldTime()}. Does nothing
   * when the address is not the client's, so a client cannot quarantine others' addresses.
   *
   * @param mac the client's hardware address
   * @param address option 50 of the DECLINE
   * @param now the time
   */
  public void decline(byte[] mac, Inet4Address address, Instant now) {
    String key = Ipv4.macText(Lease.checkedMac(mac));
    lock.lock();
    try {
      Lease lease = ownLease(key, Ipv4.toInt(address));
      if (lease == null) {
        log.debug("mac={} declined {}, which it does not hold", key, address.getHostAddress());
        return;
      }
      Instant until = now.plus(pool.declineHoldTime());
      table.put(new Lease(lease.hardwareAddress(), address, until, Lease.State.DECLINED));
      log.warn("mac={} declined {}: another host uses it; not handed out until {}", key,
          address.getHostAddress(), until);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Returns the client's offered address to the pool because it chose another server's offer
   * (a REQUEST whose option 54 names another server, RFC 2131 section 4.3.2). A bound lease stays.
   *
   * @param mac the client's hardware address
   * @param now the time
   */
  public void otherServerSelected(byte[] mac, Instant now) {
    String key = Ipv4.macText(Lease.checkedMac(mac));
    lock.lock();
    try {
      Lease lease = table.of(key);
      if (lease != null && lease.state() == Lease.State.OFFERED) {
        table.remove(lease);
        log.debug("mac={} chose another server; {} back in the pool", key,
            lease.address().getHostAddress());
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * Returns the client's offered or bound lease, ended or not, while it is on record.
   *
   * @param mac the client's hardware address
   * @return the lease, or empty when the client holds none
   */
  public Optional<Lease> leaseOf(byte[] mac) {
    String key = Ipv4.macText(Lease.checkedMac(mac));
    lock.lock();
    try {
      return Optional.ofNullable(table.of(key));
    } finally {
      lock.unlock();
    }
  }

  /**
   * Returns every lease, ended ones not yet reclaimed included, in address order.
   *
   * @return a copy
   */
  public List<Lease> snapshot() {
    lock.lock();
    try {
      return table.sorted();
    } finally {
      lock.unlock();
    }
  }

  private @Nullable Integer chooseForOffer(String key, @Nullable Inet4Address requested,
      Instant now) {
    Integer reserved = pool.reservedAddress(key);
    if (reserved != null && usableBy(key, reserved, now)) {
      return reserved;
    }
    Lease current = table.of(key);
    if (current != null) {
      return Ipv4.toInt(current.address());
    }
    if (requested != null) {
      int r = Ipv4.toInt(requested);
      if (pool.inRange(r) && usableBy(key, r, now)) {
        return r;
      }
    }
    return table.lowestFree(now);
  }

  /** Why {@code key} may not bind {@code address}, or null when it may. */
  private @Nullable String refusal(String key, int address, Instant now) {
    String text = Ipv4.text(address);
    Integer reserved = pool.reservedAddress(key);
    if (reserved != null && reserved != address && usableBy(key, reserved, now)) {
      return "this client's address is " + Ipv4.text(reserved);
    }
    if (!pool.inSubnet(address)) {
      return text + " is not on this network";
    }
    if (pool.isExcluded(address)) {
      return text + " is not handed out";
    }
    String owner = pool.reservedFor(address);
    if (owner != null && !owner.equals(key)) {
      return text + " is reserved for another client";
    }
    if (owner == null && !pool.inRange(address)) {
      return text + " is outside this server's range";
    }
    Lease lease = table.at(address);
    if (lease != null && !lease.isExpired(now)) {
      if (lease.state() == Lease.State.DECLINED) {
        return text + " was declined: another host uses it";
      }
      if (!lease.macText().equals(key)) {
        return text + " is leased to another client";
      }
    }
    return null;
  }

  /** Whether {@code key} may take {@code address} now (ended leases of others do not count). */
  private boolean usableBy(String key, int address, Instant now) {
    if (pool.isExcluded(address)) {
      return false;
    }
    String owner = pool.reservedFor(address);
    if (owner == null ? !pool.inRange(address) : !owner.equals(key)) {
      return false;
    }
    Lease lease = table.at(address);
    return lease == null || lease.isExpired(now)
        || lease.state() != Lease.State.DECLINED && lease.macText().equals(key);
  }

  private @Nullable Lease ownLease(String key, int address) {
    Lease lease = table.at(address);
    return lease != null && lease.state() != Lease.State.DECLINED && lease.macText().equals(key)
        ? lease : null;
  }
}
