package dev.netboot.server.lease;

import java.util.List;

/**
 * Where {@link Leases} keeps its bindings, so that a restarted server gives each client the
 * address it had (RFC 2131 section 4.3.1 asks the server to remember them). The default,
 * {@link InMemoryLeaseStore}, forgets them at exit.
 *
 * <p>{@link Leases} calls these methods under its lock, on the DHCP service's event loop: keep
 * them fast (write behind, or append to a journal), and do not call back into {@link Leases}. A
 * store holds at most one lease per address.
 */
public interface LeaseStore {
  /**
   * Returns the stored leases, once, when {@link Leases} is created. Leases that no longer fit
   * the pool (outside it, excluded, reserved for another client, or clashing with a later lease)
   * are dropped with {@link #remove}.
   *
   * @return the leases, in any order
   */
  List<Lease> loadAll();

  /**
   * Stores {@code lease}, replacing the lease of the same address if there is one.
   *
   * @param lease the new or changed lease
   */
  void save(Lease lease);

  /**
   * Forgets {@code lease}; does nothing if the address now holds another lease.
   *
   * @param lease a lease that was saved before
   */
  void remove(Lease lease);
}
