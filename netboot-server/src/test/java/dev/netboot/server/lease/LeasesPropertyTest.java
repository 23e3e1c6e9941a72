package dev.netboot.server.lease;

import static dev.netboot.server.lease.AddressPoolTest.ip;
import static dev.netboot.server.lease.AddressPoolTest.slash24;
import static org.assertj.core.api.Assertions.assertThat;

import dev.netboot.pxe.LeaseOffer;
import java.net.Inet4Address;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Random sequences of DISCOVER, REQUEST, RELEASE, DECLINE, other-server choices, restarts and
 * the passing of time, checked against a model of who may hold what. Replay a failure with
 * {@code -Dnetboot.seed=N} (and {@code -Dnetboot.cases=N} for longer runs).
 */
class LeasesPropertyTest {
  private static final int CASES = 500;
  private static final int STEPS = 120;
  private static final int CLIENTS = 9;
  private static final Instant T0 = Instant.parse("2026-11-22T08:00:00Z");

  /** .10 to .16; .12 reserved for client 0, .50 (outside) for client 1, .13 excluded. */
  private static final AddressPool POOL = slash24("10.0.0.10", "10.0.0.16")
      .reserve(LeasesTest.mac(0), ip("10.0.0.12"))
      .reserve(LeasesTest.mac(1), ip("10.0.0.50"))
      .exclude(ip("10.0.0.13"))
      .leaseTime(Duration.ofMinutes(10))
      .offerHoldTime(Duration.ofSeconds(60))
      .declineHoldTime(Duration.ofMinutes(5))
      .build();

  private static final Map<String, Inet4Address> RESERVED = POOL.reservations();
  private static final Set<Inet4Address> EXCLUDED = POOL.excluded();

  /** What the model knows a client holds: offered or bound, until when. */
  private record Held(Inet4Address address, Instant until, boolean bound) {}

  @Test
  void noAddressIsEverHeldByTwoClients() {
    long seed = Long.getLong("netboot.seed", new SplittableRandom().nextLong());
    int cases = Integer.getInteger("netboot.cases", CASES);
    SplittableRandom master = new SplittableRandom(seed);
    for (int i = 0; i < cases; i++) {
      long caseSeed = master.nextLong();
      List<Supplier<String>> trace = new ArrayList<>();
      try {
        runCase(new SplittableRandom(caseSeed), trace);
      } catch (AssertionError | RuntimeException e) {
        int from = Math.max(0, trace.size() - 25);
        throw new AssertionError("lease property failed on case " + (i + 1) + " of " + cases
            + " (replay: -Dnetboot.seed=" + seed + "; case seed " + caseSeed + "); last steps:\n  "
            + String.join("\n  ", trace.subList(from, trace.size()).stream().map(Supplier::get)
                .toList()), e);
      }
    }
  }

  private static void runCase(SplittableRandom random, List<Supplier<String>> trace) {
    InMemoryLeaseStore store = new InMemoryLeaseStore();
    Leases leases = new Leases(POOL, store);
    Map<Integer, Held> held = new HashMap<>();
    Map<Inet4Address, Instant> declined = new HashMap<>();
    Instant now = T0;
    for (int step = 0; step < STEPS; step++) {
      int client = random.nextInt(CLIENTS);
      Instant at = now; // the trace's lines are built only on failure
      byte[] mac = LeasesTest.mac(client);
      Held mine = held.get(client);
      boolean mineLive = mine != null && now.isBefore(mine.until());
      int op = random.nextInt(100);
      if (op < 30) {
        Inet4Address requested = random.nextInt(3) == 0 ? null : someAddress(random);
        Optional<Inet4Address> got = leases.offer(mac, requested, now).map(LeaseOffer::address);
        trace.add(() -> at + " offer " + client + " asking " + requested + " -> " + got);
        if (got.isPresent()) {
          Inet4Address a = got.get();
          checkGrantable(client, a, held, declined, now);
          if (mineLive && POOL.reservationFor(mac).isEmpty()) {
            assertThat(a).as("a live client keeps its address").isEqualTo(mine.address());
          }
          boolean staysBound = mineLive && mine.bound() && mine.address().equals(a);
          held.put(client, staysBound ? mine
              : new Held(a, now.plus(POOL.offerHoldTime()), false));
        } else {
          checkExhausted(leases, client, now);
        }
      } else if (op < 60) {
        Inet4Address requested = mine != null && random.nextInt(4) != 0
            ? mine.address() : someAddress(random);
        RequestResult result = leases.request(mac, requested, now);
        trace.add(() -> at + " request " + client + " " + requested + " -> " + result);
        if (result instanceof RequestResult.Ack ack) {
          assertThat(ack.offer().address()).isEqualTo(requested);
          checkGrantable(client, requested, held, declined, now);
          held.put(client, new Held(requested, now.plus(POOL.leaseTime()), true));
        } else if (mineLive && mine.address().equals(requested)
            && POOL.reservationFor(mac).isEmpty()) {
          throw new AssertionError("NAK for the client's own live address: " + result);
        }
      } else if (op < 70) {
        Inet4Address address = mine != null ? mine.address() : someAddress(random);
        leases.release(mac, address, now);
        trace.add(() -> at + " release " + client + " " + address);
        if (mine != null && mine.address().equals(address)) {
          held.remove(client);
        }
      } else if (op < 76) {
        Inet4Address address = mineLive ? mine.address() : someAddress(random);
        leases.decline(mac, address, now);
        trace.add(() -> at + " decline " + client + " " + address);
        if (mineLive) {
          held.remove(client);
          declined.put(address, now.plus(POOL.declineHoldTime()));
        } else if (mine != null && mine.address().equals(address)) {
          held.remove(client); // an ended binding may or may not still be on record
        }
      } else if (op < 80) {
        leases.otherServerSelected(mac, now);
        trace.add(() -> at + " other server " + client);
        if (mine != null && !mine.bound()) {
          held.remove(client);
        }
      } else if (op < 83) {
        List<Lease> before = leases.snapshot();
        leases = new Leases(POOL, store);
        trace.add(() -> at + " restart");
        assertThat(leases.snapshot()).isEqualTo(before);
      } else {
        now = now.plusSeconds(random.nextInt(random.nextBoolean() ? 90 : 900));
        Instant later = now;
        trace.add(() -> "time " + later);
      }
      checkInvariants(leases, store, now);
    }
  }

  private static Inet4Address someAddress(SplittableRandom random) {
    int last = random.nextInt(10) == 0 ? 50 : 8 + random.nextInt(11); // .8 to .18, sometimes .50
    return ip("10.0.0." + last);
  }

  /** Nobody else holds {@code a} (as far as the model knows) and {@code a} may be handed out. */
  private static void checkGrantable(int client, Inet4Address a, Map<Integer, Held> held,
      Map<Inet4Address, Instant> declined, Instant now) {
    held.forEach((other, h) -> {
      if (other != client && h.address().equals(a) && now.isBefore(h.until())) {
        throw new AssertionError(a + " given to " + client + " while " + other + " holds it");
      }
    });
    Instant rest = declined.get(a);
    check(rest == null || !now.isBefore(rest), () -> a + " given while declined");
    Inet4Address reservation = RESERVED.get(Ipv4.macText(LeasesTest.mac(client)));
    check(!EXCLUDED.contains(a), () -> a + " is excluded");
    check(POOL.inRange(a) || a.equals(reservation), () -> a + " neither in range nor reserved");
    check(!RESERVED.containsValue(a) || a.equals(reservation), () -> a + " reserved for another");
  }

  /** An empty offer means every address the client could have is held by a live lease. */
  private static void checkExhausted(Leases leases, int client, Instant now) {
    Set<Inet4Address> live = new HashSet<>();
    leases.snapshot().stream().filter(l -> !l.isExpired(now)).forEach(l -> live.add(l.address()));
    for (int last = 10; last <= 16; last++) {
      Inet4Address a = ip("10.0.0." + last);
      boolean possible = !EXCLUDED.contains(a) && !RESERVED.containsValue(a);
      check(!possible || live.contains(a), () -> "no offer, yet " + a + " is free");
    }
    Inet4Address reservation = RESERVED.get(Ipv4.macText(LeasesTest.mac(client)));
    check(reservation == null || live.contains(reservation), () ->
        "no offer, yet the client's reservation is free");
  }

  private static void checkInvariants(Leases leases, InMemoryLeaseStore store, Instant now) {
    List<Lease> snapshot = leases.snapshot();
    Set<Inet4Address> addresses = new HashSet<>();
    Set<String> holders = new HashSet<>();
    for (Lease l : snapshot) {
      check(addresses.add(l.address()), () -> "two leases of one address: " + l);
      check(!EXCLUDED.contains(l.address()), () -> "lease of an excluded address: " + l);
      if (l.state() != Lease.State.DECLINED) {
        check(holders.add(l.macText()), () -> "two addresses held by one client: " + l);
        Inet4Address reservation = RESERVED.get(l.macText());
        check(POOL.inRange(l.address()) || l.address().equals(reservation), () ->
            "held address neither in range nor reserved: " + l);
        check(!RESERVED.containsValue(l.address()) || l.address().equals(reservation), () ->
            "reserved address held by another client: " + l);
      }
    }
    // 7 in the range, less 1 excluded, plus 1 reserved outside: never more than the range size.
    check(snapshot.size() <= POOL.size(), () -> "more leases than addresses: " + snapshot);
    check(new HashSet<>(store.loadAll()).equals(new HashSet<>(snapshot)), () ->
        "store " + store.loadAll() + " differs from " + snapshot);
  }

  /** Builds the message only on failure: the checks run after every one of 60,000 steps. */
  private static void check(boolean condition, Supplier<String> failure) {
    if (!condition) {
      throw new AssertionError(failure.get());
    }
  }
}
