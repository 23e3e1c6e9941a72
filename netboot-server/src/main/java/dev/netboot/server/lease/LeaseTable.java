package dev.netboot.server.lease;

import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The leases of one pool, indexed by address and by client, written through to the
 * {@link LeaseStore}. Holds at most one lease per address and one OFFERED or BOUND lease per
 * client. Not thread-safe: {@link Leases} guards it.
 */
final class LeaseTable {
  private static final Logger log = LoggerFactory.getLogger(LeaseTable.class);

  private final AddressPool pool;
  private final LeaseStore store;
  /** Every lease, by address. */
  private final Map<Integer, Lease> byAddress = new HashMap<>();
  /** The address of each client's OFFERED or BOUND lease (DECLINED leases belong to nobody). */
  private final Map<String, Integer> byMac = new HashMap<>();
  /** Per index of the range: excluded, reserved, or holding a lease (ended or not). */
  private final BitSet taken = new BitSet();
  /** No lease ends before this; saves scanning for ended leases when none can have ended. */
  private Instant earliestExpiry = Instant.MAX;

  LeaseTable(AddressPool pool, LeaseStore store) {
    this.pool = pool;
    this.store = store;
    for (int i = 0; i < pool.size(); i++) {
      if (permanentlyTaken(pool.addressAt(i))) {
        taken.set(i);
      }
    }
  }

  @Nullable Lease at(int address) {
    return byAddress.get(address);
  }

  /** The client's OFFERED or BOUND lease, ended or not, or null. */
  @Nullable Lease of(String macText) {
    Integer address = byMac.get(macText);
    return address == null ? null : byAddress.get(address);
  }

  /**
   * The lowest address of the range that holds no lease and is neither excluded nor reserved;
   * when there is none, reclaims the ended leases and looks again. Null when the pool is full.
   */
  @Nullable Integer lowestFree(Instant now) {
    int index = taken.nextClearBit(0);
    if (index >= pool.size() && reclaimEnded(now)) {
      index = taken.nextClearBit(0);
    }
    return index < pool.size() ? pool.addressAt(index) : null;
  }

  /**
   * Records {@code lease}, dropping what it replaces: the lease at its address, and the client's
   * lease of another address (a client holds one address).
   */
  void put(Lease lease) {
    int address = Ipv4.toInt(lease.address());
    Lease previous = byAddress.get(address);
    if (previous != null) {
      remove(previous);
    }
    String key = lease.macText();
    if (lease.state() != Lease.State.DECLINED) {
      Lease other = of(key);
      if (other != null) {
        remove(other);
      }
      byMac.put(key, address);
    }
    byAddress.put(address, lease);
    if (pool.inRange(address)) {
      taken.set(pool.indexOf(address));
    }
    if (lease.expires().isBefore(earliestExpiry)) {
      earliestExpiry = lease.expires();
    }
    store.save(lease);
  }

  void remove(Lease lease) {
    int address = Ipv4.toInt(lease.address());
    byAddress.remove(address);
    Integer mine = byMac.get(lease.macText());
    if (mine != null && mine == address) {
      byMac.remove(lease.macText());
    }
    if (pool.inRange(address) && !permanentlyTaken(address)) {
      taken.clear(pool.indexOf(address));
    }
    store.remove(lease);
  }

  /** Every lease in address order. */
  List<Lease> sorted() {
    List<Lease> out = new ArrayList<>(byAddress.values());
    out.sort(Comparator.comparingLong(l -> Ipv4.unsigned(Ipv4.toInt(l.address()))));
    return out;
  }

  /**
   * Takes the stored leases, the latest first, dropping from the store those that no longer fit
   * the pool: outside it, excluded, reserved for another client, or beaten by a later lease of
   * the same address or client.
   */
  void load(List<Lease> stored) {
    List<Lease> latestFirst = new ArrayList<>(stored);
    latestFirst.sort(Comparator.comparing(Lease::expires).reversed());
    for (Lease lease : latestFirst) {
      int address = Ipv4.toInt(lease.address());
      String key = lease.macText();
      boolean declined = lease.state() == Lease.State.DECLINED;
      String owner = pool.reservedFor(address);
      boolean fits = !pool.isExcluded(address)
          && (owner == null ? pool.inRange(address) : declined || owner.equals(key))
          && !byAddress.containsKey(address)
          && (declined || !byMac.containsKey(key));
      if (fits) {
        put(lease);
      } else {
        log.info("mac={} stored lease {} no longer fits {}; dropped", key, lease, pool);
        store.remove(lease);
      }
    }
  }

  /** Reclaims every ended lease; returns whether any was. */
  private boolean reclaimEnded(Instant now) {
    if (now.isBefore(earliestExpiry)) {
      return false;
    }
    List<Lease> ended = new ArrayList<>();
    Instant earliest = Instant.MAX;
    for (Lease lease : byAddress.values()) {
      if (lease.isExpired(now)) {
        ended.add(lease);
      } else if (lease.expires().isBefore(earliest)) {
        earliest = lease.expires();
      }
    }
    ended.forEach(this::remove);
    earliestExpiry = earliest;
    if (!ended.isEmpty()) {
      log.debug("reclaimed {} ended leases of {}", ended.size(), pool);
    }
    return !ended.isEmpty();
  }

  private boolean permanentlyTaken(int address) {
    return pool.isExcluded(address) || pool.reservedFor(address) != null;
  }
}
