package dev.netboot.server.lease;

import static dev.netboot.server.lease.AddressPoolTest.ip;
import static dev.netboot.server.lease.AddressPoolTest.slash24;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.netboot.pxe.LeaseOffer;
import java.net.Inet4Address;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LeasesTest {
  static final Instant T0 = Instant.parse("2026-11-22T08:00:00Z");
  static final byte[] A = mac(1);
  static final byte[] B = mac(2);
  static final byte[] C = mac(3);

  static byte[] mac(int n) {
    return new byte[] {0x52, 0x54, 0, 0, (byte) (n >> 8), (byte) n};
  }

  static Inet4Address offered(Leases leases, byte[] mac, Instant now) {
    return leases.offer(mac, null, now).map(LeaseOffer::address).orElseThrow();
  }

  static Leases threeAddresses() {
    return new Leases(slash24("10.0.0.10", "10.0.0.12").build());
  }

  @Test
  void offersTheLowestFreeAddressAndKeepsItForTheClient() {
    Leases leases = threeAddresses();

    assertThat(offered(leases, A, T0)).isEqualTo(ip("10.0.0.10"));
    assertThat(offered(leases, B, T0)).isEqualTo(ip("10.0.0.11"));
    assertThat(offered(leases, A, T0.plusSeconds(5))).isEqualTo(ip("10.0.0.10"));
    assertThat(leases.snapshot()).extracting(Lease::state)
        .containsExactly(Lease.State.OFFERED, Lease.State.OFFERED);
  }

  @Test
  void offerCarriesThePoolParameters() {
    Leases leases = new Leases(slash24("10.0.0.10", "10.0.0.12")
        .routers(List.of(ip("10.0.0.1"))).leaseTime(Duration.ofMinutes(7)).build());

    LeaseOffer offer = leases.offer(A, null, T0).orElseThrow();

    assertThat(offer.subnetMask()).isEqualTo(ip("255.255.255.0"));
    assertThat(offer.routers()).containsExactly(ip("10.0.0.1"));
    assertThat(offer.leaseTime()).isEqualTo(Duration.ofMinutes(7));
  }

  @Test
  void honoursTheRequestedAddressWhenFree() {
    Leases leases = threeAddresses();
    leases.offer(B, ip("10.0.0.11"), T0);

    assertThat(leases.offer(A, ip("10.0.0.12"), T0).map(LeaseOffer::address))
        .contains(ip("10.0.0.12"));
    assertThat(leases.offer(C, ip("10.0.0.11"), T0).map(LeaseOffer::address))
        .contains(ip("10.0.0.10"));
    assertThat(leases.offer(mac(4), ip("10.0.0.99"), T0)).isEmpty();
  }

  @Test
  void exhaustionGivesNothingUntilAnOfferEnds() {
    Leases leases = threeAddresses();
    offered(leases, A, T0);
    offered(leases, B, T0);
    offered(leases, C, T0);

    assertThat(leases.offer(mac(4), null, T0.plusSeconds(59))).isEmpty();
    assertThat(leases.snapshot()).hasSize(3);

    Instant later = T0.plus(AddressPool.DEFAULT_OFFER_HOLD_TIME);
    assertThat(leases.offer(mac(4), null, later).map(LeaseOffer::address))
        .contains(ip("10.0.0.10"));
    assertThat(leases.snapshot()).hasSize(1);
  }

  @Test
  void anExpiredLeaseIsReusedByAnotherClientOnlyWhenNeeded() {
    Leases leases = new Leases(slash24("10.0.0.10", "10.0.0.11")
        .leaseTime(Duration.ofMinutes(10)).build());
    Inet4Address a = offered(leases, A, T0);
    assertThat(leases.request(A, a, T0)).isInstanceOf(RequestResult.Ack.class);
    Instant afterLease = T0.plus(Duration.ofMinutes(10));

    // Another address is free: A's old address stays A's, for when A comes back.
    assertThat(offered(leases, B, afterLease)).isEqualTo(ip("10.0.0.11"));
    assertThat(offered(leases, A, afterLease)).isEqualTo(a);
    assertThat(leases.request(A, a, afterLease)).isInstanceOf(RequestResult.Ack.class);

    // Once A's lease ends again and nothing else is free, C gets A's address.
    Instant muchLater = afterLease.plus(Duration.ofMinutes(10));
    leases.request(B, ip("10.0.0.11"), muchLater); // B renews
    assertThat(offered(leases, C, muchLater)).isEqualTo(a);
    assertThat(leases.request(A, a, muchLater)).isInstanceOf(RequestResult.Nak.class);
  }

  @Test
  void aBoundLeaseStaysBoundWhenTheClientDiscoversAgain() {
    Leases leases = threeAddresses();
    Inet4Address a = offered(leases, A, T0);
    leases.request(A, a, T0);

    assertThat(offered(leases, A, T0.plusSeconds(100))).isEqualTo(a);

    assertThat(leases.snapshot()).singleElement().satisfies(l -> {
      assertThat(l.state()).isEqualTo(Lease.State.BOUND);
      assertThat(l.expires()).isEqualTo(T0.plus(AddressPool.DEFAULT_LEASE_TIME));
    });
  }

  @Test
  void requestAcksTheOfferAndBindsForTheLeaseTime() {
    Leases leases = threeAddresses();
    Inet4Address a = offered(leases, A, T0);

    RequestResult result = leases.request(A, a, T0.plusSeconds(2));

    assertThat(result).isEqualTo(new RequestResult.Ack(
        slash24("10.0.0.10", "10.0.0.12").build().offerFor(a)));
    assertThat(leases.snapshot()).containsExactly(
        new Lease(A, a, T0.plusSeconds(2).plus(Duration.ofHours(1)), Lease.State.BOUND));
  }

  @Test
  void requestForAnotherClientsAddressIsNakked() {
    Leases leases = threeAddresses();
    Inet4Address a = offered(leases, A, T0);

    assertThat(leases.request(B, a, T0)).isInstanceOfSatisfying(RequestResult.Nak.class,
        nak -> assertThat(nak.reason()).contains("another client"));
    leases.request(A, a, T0);
    assertThat(leases.request(B, a, T0.plusSeconds(60))).isInstanceOf(RequestResult.Nak.class);
    assertThat(leases.snapshot()).singleElement().extracting(Lease::hardwareAddress)
        .isEqualTo(A);
  }

  @Test
  void requestOutsideThePoolIsNakked() {
    Leases leases = new Leases(slash24("10.0.0.10", "10.0.0.12").exclude(ip("10.0.0.11"))
        .build());

    assertThat(nakReason(leases.request(A, ip("192.168.1.10"), T0)))
        .contains("not on this network");
    assertThat(nakReason(leases.request(A, ip("10.0.0.50"), T0))).contains("outside");
    assertThat(nakReason(leases.request(A, ip("10.0.0.11"), T0))).contains("not handed out");
    assertThat(leases.snapshot()).isEmpty();
  }

  @Test
  void initRebootRequestForAFreeAddressIsAcked() {
    Leases leases = threeAddresses();

    assertThat(leases.request(A, ip("10.0.0.12"), T0)).isInstanceOf(RequestResult.Ack.class);
    assertThat(offered(leases, B, T0)).isEqualTo(ip("10.0.0.10"));
    assertThat(offered(leases, A, T0)).isEqualTo(ip("10.0.0.12"));
  }

  @Test
  void aClientHoldsOneAddress() {
    Leases leases = threeAddresses();
    leases.request(A, ip("10.0.0.10"), T0);

    leases.request(A, ip("10.0.0.12"), T0);

    assertThat(leases.snapshot()).extracting(Lease::address).containsExactly(ip("10.0.0.12"));
    assertThat(offered(leases, B, T0)).isEqualTo(ip("10.0.0.10"));
  }

  @Test
  void reservationsWin() {
    Leases leases = new Leases(slash24("10.0.0.10", "10.0.0.11")
        .reserve(A, ip("10.0.0.11"))
        .reserve(B, ip("10.0.0.200"))
        .build());

    assertThat(offered(leases, C, T0)).isEqualTo(ip("10.0.0.10"));
    assertThat(leases.offer(mac(4), ip("10.0.0.11"), T0)).isEmpty();
    assertThat(leases.offer(A, ip("10.0.0.10"), T0).map(LeaseOffer::address))
        .contains(ip("10.0.0.11"));
    assertThat(offered(leases, B, T0)).isEqualTo(ip("10.0.0.200"));
    assertThat(leases.request(B, ip("10.0.0.200"), T0)).isInstanceOf(RequestResult.Ack.class);
    assertThat(nakReason(leases.request(C, ip("10.0.0.11"), T0))).contains("reserved");
    assertThat(nakReason(leases.request(C, ip("10.0.0.200"), T0))).contains("reserved");
    assertThat(nakReason(leases.request(A, ip("10.0.0.10"), T0))).contains("10.0.0.11");
  }

  @Test
  void aReservedAddressStaysReservedAfterItsOwnerLetsGo() {
    Leases leases = new Leases(slash24("10.0.0.10", "10.0.0.11").reserve(A, ip("10.0.0.10"))
        .build());
    leases.request(A, ip("10.0.0.10"), T0);
    leases.release(A, ip("10.0.0.10"), T0);

    assertThat(offered(leases, B, T0)).isEqualTo(ip("10.0.0.11"));
    assertThat(leases.offer(C, null, T0.plusSeconds(1))).isEmpty();
    assertThat(offered(leases, A, T0.plus(Duration.ofDays(1)))).isEqualTo(ip("10.0.0.10"));
  }

  @Test
  void aClientWithAPoolLeaseMovesToItsNewReservation() {
    InMemoryLeaseStore store = new InMemoryLeaseStore(List.of(
        new Lease(A, ip("10.0.0.10"), T0.plus(Duration.ofHours(1)), Lease.State.BOUND)));
    Leases leases = new Leases(slash24("10.0.0.10", "10.0.0.12").reserve(A, ip("10.0.0.12"))
        .build(), store);

    assertThat(nakReason(leases.request(A, ip("10.0.0.10"), T0))).contains("10.0.0.12");
    assertThat(offered(leases, A, T0)).isEqualTo(ip("10.0.0.12"));
    assertThat(leases.snapshot()).extracting(Lease::address).containsExactly(ip("10.0.0.12"));
  }

  @Test
  void releaseFreesTheAddressAtOnce() {
    Leases leases = new Leases(slash24("10.0.0.10", "10.0.0.10").build());
    Inet4Address a = offered(leases, A, T0);
    leases.request(A, a, T0);

    leases.release(B, a, T0); // not B's: ignored
    assertThat(leases.offer(B, null, T0)).isEmpty();

    leases.release(A, a, T0.plusSeconds(1));
    assertThat(leases.snapshot()).isEmpty();
    assertThat(offered(leases, B, T0.plusSeconds(1))).isEqualTo(a);
  }

  @Test
  void aDeclinedAddressRestsThenReturns() {
    Leases leases = new Leases(slash24("10.0.0.10", "10.0.0.11")
        .declineHoldTime(Duration.ofMinutes(10)).build());
    Inet4Address a = offered(leases, A, T0);
    leases.request(A, a, T0);

    leases.decline(B, a, T0); // not B's: ignored
    assertThat(leases.snapshot()).extracting(Lease::state).containsExactly(Lease.State.BOUND);
    leases.decline(A, a, T0);

    assertThat(leases.snapshot()).containsExactly(
        new Lease(A, a, T0.plus(Duration.ofMinutes(10)), Lease.State.DECLINED));
    assertThat(offered(leases, A, T0)).isEqualTo(ip("10.0.0.11"));
    assertThat(leases.offer(B, a, T0.plusSeconds(1))).isEmpty();
    assertThat(nakReason(leases.request(B, a, T0.plusSeconds(1)))).contains("declined");
    leases.release(A, a, T0.plusSeconds(2)); // a DECLINED address is nobody's to release
    assertThat(leases.snapshot()).hasSize(2);

    Instant rested = T0.plus(Duration.ofMinutes(10));
    assertThat(leases.offer(B, null, rested).map(LeaseOffer::address)).contains(a);
  }

  @Test
  void aDeclinedReservationFallsBackToTheRange() {
    Leases leases = new Leases(slash24("10.0.0.10", "10.0.0.11").reserve(A, ip("10.0.0.50"))
        .build());
    leases.request(A, ip("10.0.0.50"), T0);
    leases.decline(A, ip("10.0.0.50"), T0);

    assertThat(offered(leases, A, T0)).isEqualTo(ip("10.0.0.10"));
    assertThat(leases.request(A, ip("10.0.0.10"), T0)).isInstanceOf(RequestResult.Ack.class);
    Instant rested = T0.plus(AddressPool.DEFAULT_DECLINE_HOLD_TIME);
    assertThat(offered(leases, A, rested)).isEqualTo(ip("10.0.0.50"));
  }

  @Test
  void leaseOfFindsTheClientsLease() {
    Leases leases = threeAddresses();
    Inet4Address a = offered(leases, A, T0);

    assertThat(leases.leaseOf(A)).map(Lease::address).contains(a);
    assertThat(leases.leaseOf(B)).isEmpty();
    leases.decline(A, a, T0);
    assertThat(leases.leaseOf(A)).isEmpty();
  }

  @Test
  void choosingAnotherServerReturnsTheOffer() {
    Leases leases = new Leases(slash24("10.0.0.10", "10.0.0.10").build());
    offered(leases, A, T0);

    leases.otherServerSelected(A, T0);

    assertThat(leases.snapshot()).isEmpty();
    assertThat(offered(leases, B, T0)).isEqualTo(ip("10.0.0.10"));
    leases.request(B, ip("10.0.0.10"), T0);
    leases.otherServerSelected(B, T0);
    assertThat(leases.snapshot()).extracting(Lease::state).containsExactly(Lease.State.BOUND);
  }

  @Test
  void leasesSurviveARestartThroughTheStore() {
    AddressPool pool = slash24("10.0.0.10", "10.0.0.12").build();
    InMemoryLeaseStore store = new InMemoryLeaseStore();
    Leases before = new Leases(pool, store);
    before.request(A, offered(before, A, T0), T0);
    offered(before, B, T0);

    Leases after = new Leases(pool, store);

    assertThat(after.snapshot()).isEqualTo(before.snapshot());
    assertThat(store.loadAll()).containsExactlyInAnyOrderElementsOf(before.snapshot());
    assertThat(offered(after, A, T0)).isEqualTo(ip("10.0.0.10"));
    assertThat(offered(after, C, T0)).isEqualTo(ip("10.0.0.12"));
  }

  @Test
  void storedLeasesThatNoLongerFitAreDropped() {
    Instant end = T0.plus(Duration.ofHours(1));
    Lease fits = new Lease(A, ip("10.0.0.10"), end, Lease.State.BOUND);
    Lease outside = new Lease(B, ip("10.0.0.99"), end, Lease.State.BOUND);
    Lease excluded = new Lease(C, ip("10.0.0.11"), end, Lease.State.BOUND);
    Lease reservedForOther = new Lease(mac(4), ip("10.0.0.12"), end, Lease.State.BOUND);
    Lease olderForA = new Lease(A, ip("10.0.0.13"), T0, Lease.State.BOUND);
    InMemoryLeaseStore store = new InMemoryLeaseStore(
        List.of(olderForA, fits, outside, excluded, reservedForOther));

    Leases leases = new Leases(slash24("10.0.0.10", "10.0.0.13").exclude(ip("10.0.0.11"))
        .reserve(mac(5), ip("10.0.0.12")).build(), store);

    assertThat(leases.snapshot()).containsExactly(fits);
    assertThat(store.loadAll()).containsExactly(fits);
  }

  @Test
  void leaseValueIsCopiedAndComparedByContent() {
    byte[] mac = mac(7);
    Lease lease = new Lease(mac, ip("10.0.0.10"), T0, Lease.State.OFFERED);
    mac[0] = 0;

    assertThat(lease.macText()).isEqualTo("52:54:00:00:00:07");
    assertThat(lease).isEqualTo(new Lease(mac(7), ip("10.0.0.10"), T0, Lease.State.OFFERED))
        .hasSameHashCodeAs(new Lease(mac(7), ip("10.0.0.10"), T0, Lease.State.OFFERED));
    assertThat(lease.toString()).contains("52:54:00:00:00:07", "10.0.0.10", "OFFERED");
    assertThat(lease.isExpired(T0)).isTrue();
    assertThat(lease.isExpired(T0.minusNanos(1))).isFalse();
    lease.hardwareAddress()[0] = 0;
    assertThat(lease.macText()).startsWith("52");
  }

  @Test
  void rejectsImpossibleHardwareAddresses() {
    Leases leases = threeAddresses();
    assertThatThrownBy(
        () -> leases.offer(new byte[17], null, T0)).hasMessageContaining("expected: 1 to 16");
    assertThatThrownBy(
        () -> leases.request(new byte[0], ip("10.0.0.10"), T0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  static String nakReason(RequestResult result) {
    assertThat(result).isInstanceOf(RequestResult.Nak.class);
    return ((RequestResult.Nak) result).reason();
  }
}
