package dev.netboot.server.lease;

import static dev.netboot.server.lease.AddressPoolTest.slash24;
import static org.assertj.core.api.Assertions.assertThat;

import dev.netboot.pxe.LeaseOffer;
import java.net.Inet4Address;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LeasesConcurrencyTest {
  private static final int THREADS = 16;
  private static final int CLIENTS_PER_THREAD = 40;
  private static final Instant NOW = Instant.parse("2026-11-22T08:00:00Z");

  @Test
  void concurrentClientsNeverShareAnAddress() throws Exception {
    // 640 clients race for 200 addresses: each offers, requests, and sometimes releases.
    Leases leases = new Leases(slash24("10.0.0.10", "10.0.0.209").build());
    Map<Inet4Address, String> boundTo = new ConcurrentHashMap<>();
    List<String> clashes = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<Integer>> acks = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        acks.add(pool.submit(() -> {
          start.await();
          int acked = 0;
          for (int c = 0; c < CLIENTS_PER_THREAD; c++) {
            byte[] mac = LeasesTest.mac(thread * CLIENTS_PER_THREAD + c);
            String text = Ipv4.macText(mac);
            var offer = leases.offer(mac, null, NOW).map(LeaseOffer::address);
            if (offer.isEmpty()) {
              continue;
            }
            if (leases.request(mac, offer.get(), NOW) instanceof RequestResult.Ack ack) {
              String other = boundTo.putIfAbsent(ack.offer().address(), text);
              if (other != null) {
                clashes.add(ack.offer().address() + " to " + other + " and " + text);
              }
              acked++;
              if (c % 5 == 0) {
                // Forget it first: once released, another client may rightly be acked it.
                boundTo.remove(ack.offer().address(), text);
                leases.release(mac, ack.offer().address(), NOW);
              }
            }
          }
          return acked;
        }));
      }
      start.countDown();
      int total = 0;
      for (Future<Integer> f : acks) {
        total += f.get(30, TimeUnit.SECONDS);
      }

      assertThat(clashes).isEmpty();
      assertThat(total).isGreaterThanOrEqualTo(200);
      Map<Inet4Address, Integer> perAddress = new HashMap<>();
      List<Lease> snapshot = leases.snapshot();
      snapshot.forEach(l -> perAddress.merge(l.address(), 1, Integer::sum));
      assertThat(perAddress.values()).allMatch(n -> n == 1);
      assertThat(snapshot).hasSize(200).allMatch(l -> l.state() == Lease.State.BOUND);
      assertThat(snapshot).extracting(Lease::macText).doesNotHaveDuplicates();
      assertThat(boundTo).hasSize(200);
    } finally {
      pool.shutdownNow();
      assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }
  }
}
