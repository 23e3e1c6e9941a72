package dev.netboot.server.lease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.netboot.pxe.LeaseOffer;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class AddressPoolTest {
  static Inet4Address ip(String text) {
    try {
      return (Inet4Address) InetAddress.getByName(text);
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  static AddressPool.Builder slash24(String first, String last) {
    return AddressPool.builder(ip(first), ip(last)).subnetMask(ip("255.255.255.0"));
  }

  @Test
  void offerCarriesTheParameters() {
    AddressPool pool = slash24("10.0.0.10", "10.0.0.20")
        .routers(List.of(ip("10.0.0.1")))
        .dnsServers(List.of(ip("10.0.0.2"), ip("10.0.0.3")))
        .leaseTime(Duration.ofMinutes(30))
        .build();

    LeaseOffer offer = pool.offerFor(ip("10.0.0.12"));

    assertThat(offer).isEqualTo(new LeaseOffer(ip("10.0.0.12"), ip("255.255.255.0"),
        List.of(ip("10.0.0.1")), List.of(ip("10.0.0.2"), ip("10.0.0.3")), Duration.ofMinutes(30)));
    assertThat(pool.size()).isEqualTo(11);
    assertThat(pool.first()).isEqualTo(ip("10.0.0.10"));
    assertThat(pool.last()).isEqualTo(ip("10.0.0.20"));
  }

  @Test
  void defaults() {
    AddressPool pool = slash24("10.0.0.10", "10.0.0.10").build();

    assertThat(pool.leaseTime()).isEqualTo(AddressPool.DEFAULT_LEASE_TIME).hasHours(1);
    assertThat(pool.offerHoldTime()).isEqualTo(AddressPool.DEFAULT_OFFER_HOLD_TIME);
    assertThat(pool.declineHoldTime()).isEqualTo(AddressPool.DEFAULT_DECLINE_HOLD_TIME);
    assertThat(pool.routers()).isEmpty();
    assertThat(pool.dnsServers()).isEmpty();
    assertThat(pool.size()).isEqualTo(1);
  }

  @Test
  void reservationsAcceptTextAndBytesAndMayLieOutsideTheRange() {
    AddressPool pool = slash24("10.0.0.10", "10.0.0.20")
        .reserve("52-54-00-AA-BB-CC", ip("10.0.0.200"))
        .reserve(new byte[] {2, 0, 0, 0, 0, 1}, ip("10.0.0.15"))
        .build();

    assertThat(pool.reservationFor(new byte[] {0x52, 0x54, 0, (byte) 0xaa, (byte) 0xbb,
        (byte) 0xcc})).contains(ip("10.0.0.200"));
    assertThat(pool.reservations()).containsEntry("02:00:00:00:00:01", ip("10.0.0.15"))
        .hasSize(2);
    assertThat(pool.reservationFor(new byte[] {1, 2, 3, 4, 5, 6})).isEmpty();
    assertThat(pool.inRange(ip("10.0.0.200"))).isFalse();
    assertThat(pool.inSubnet(ip("10.0.0.200"))).isTrue();
    assertThat(pool.inSubnet(ip("10.0.1.5"))).isFalse();
  }

  @Test
  void rejectsMissingOrBrokenMasks() {
    assertThatThrownBy(() -> AddressPool.builder(ip("10.0.0.10"), ip("10.0.0.20")).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected:");
    assertThatThrownBy(() -> AddressPool.builder(ip("10.0.0.10"), ip("10.0.0.20"))
        .subnetMask(ip("255.0.255.0")).build())
        .hasMessageContaining("255.0.255.0").hasMessageContaining("contiguous");
    assertThatThrownBy(() -> AddressPool.builder(ip("10.0.0.10"), ip("10.0.0.10"))
        .subnetMask(ip("255.255.255.254")).build())
        .hasMessageContaining("/1 to /30");
  }

  @Test
  void rejectsBadRanges() {
    assertThatThrownBy(() -> slash24("10.0.0.20", "10.0.0.10").build())
        .hasMessageContaining("first at most last");
    assertThatThrownBy(() -> slash24("10.0.0.10", "10.0.1.10").build())
        .hasMessageContaining("one subnet");
    assertThatThrownBy(() -> slash24("10.0.0.0", "10.0.0.10").build())
        .hasMessageContaining("network or broadcast");
    assertThatThrownBy(() -> slash24("10.0.0.10", "10.0.0.255").build())
        .hasMessageContaining("network or broadcast");
    assertThatThrownBy(() -> AddressPool.builder(ip("10.0.0.1"), ip("10.2.0.0"))
        .subnetMask(ip("255.0.0.0")).build())
        .hasMessageContaining("at most " + AddressPool.MAX_SIZE);
  }

  @Test
  void largestRangeIsAccepted() {
    AddressPool pool = AddressPool.builder(ip("10.0.0.1"), ip("10.1.0.0"))
        .subnetMask(ip("255.0.0.0")).build();

    assertThat(pool.size()).isEqualTo(AddressPool.MAX_SIZE);
  }

  @Test
  void rejectsBadReservations() {
    assertThatThrownBy(() -> slash24("10.0.0.10", "10.0.0.20")
        .reserve("52:54:00:aa:bb:cc", ip("10.0.1.5")).build())
        .hasMessageContaining("off the subnet");
    assertThatThrownBy(() -> slash24("10.0.0.10", "10.0.0.20")
        .reserve("52:54:00:aa:bb:cc", ip("10.0.0.15")).exclude(ip("10.0.0.15")).build())
        .hasMessageContaining("excluded");
    assertThatThrownBy(() -> slash24("10.0.0.10", "10.0.0.20")
        .reserve("52:54:00:aa:bb:cc", ip("10.0.0.255")).build())
        .hasMessageContaining("network or broadcast");
    AddressPool.Builder twice = slash24("10.0.0.10", "10.0.0.20")
        .reserve("52:54:00:aa:bb:cc", ip("10.0.0.15"));
    assertThatThrownBy(() -> twice.reserve("52:54:00:AA:BB:CC", ip("10.0.0.16")))
        .hasMessageContaining("one address per client");
    assertThatThrownBy(() -> twice.reserve("52:54:00:aa:bb:cd", ip("10.0.0.15")))
        .hasMessageContaining("one client per reserved address");
    assertThatThrownBy(() -> twice.reserve("52:54:00:aa:bb:c", ip("10.0.0.17")))
        .hasMessageContaining("expected: hex bytes");
    assertThatThrownBy(() -> twice.reserve("zz:54:00:aa:bb:cc", ip("10.0.0.17")))
        .hasMessageContaining("expected: hex bytes");
    assertThatThrownBy(() -> twice.reserve(new byte[0], ip("10.0.0.17")))
        .hasMessageContaining("expected: 1 to 16 bytes");
  }

  @Test
  void rejectsBadTimes() {
    AddressPool.Builder b = slash24("10.0.0.10", "10.0.0.20");
    assertThatThrownBy(() -> b.leaseTime(Duration.ZERO)).hasMessageContaining("expected: 1 to");
    assertThatThrownBy(() -> b.leaseTime(Duration.ofSeconds(0x1_0000_0000L)))
        .hasMessageContaining("4294967295");
    assertThatThrownBy(() -> b.offerHoldTime(Duration.ofMillis(10)))
        .hasMessageContaining("offer hold time");
    assertThatThrownBy(() -> b.declineHoldTime(Duration.ofSeconds(-5)))
        .hasMessageContaining("decline hold time");
  }
}
