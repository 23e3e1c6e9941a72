package dev.netboot.server.lease;

import java.net.Inet4Address;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link LeaseStore} that keeps leases in memory only: a restart forgets every binding. */
public final class InMemoryLeaseStore implements LeaseStore {
  private final Map<Inet4Address, Lease> leases = new ConcurrentHashMap<>();

  /** Creates an empty store. */
  public InMemoryLeaseStore() {}

  /**
   * Creates a store holding {@code leases}, as a restarted server would find them.
   *
   * @param leases the initial leases; a later lease for the same address replaces an earlier one
   */
  public InMemoryLeaseStore(List<Lease> leases) {
    leases.forEach(this::save);
  }

  @Override
  public List<Lease> loadAll() {
    return List.copyOf(leases.values());
  }

  @Override
  public void save(Lease lease) {
    leases.put(lease.address(), lease);
  }

  @Override
  public void remove(Lease lease) {
    leases.remove(lease.address(), lease);
  }
}
