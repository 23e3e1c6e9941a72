package dev.netboot.server.lease;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The checks of {@link AddressPool.Builder}, each failing with an "(expected: ...)" hint. */
final class PoolChecks {
  private PoolChecks() {}

  static void check(int first, int last, int mask, Map<String, Integer> reservations,
      Set<Integer> excluded) {
    int prefix = Integer.bitCount(mask);
    if (prefix < 1 || prefix > 30 || mask != -1 << (32 - prefix)) {
      throw new IllegalArgumentException("subnet mask " + Ipv4.text(mask)
          + " (expected: a contiguous mask of /1 to /30)");
    }
    String range = Ipv4.text(first) + ".." + Ipv4.text(last);
    if (Ipv4.unsigned(first) > Ipv4.unsigned(last)) {
      throw new IllegalArgumentException("range " + range + " (expected: first at most last)");
    }
    if ((first & mask) != (last & mask)) {
      throw new IllegalArgumentException("range " + range + " crosses the /" + prefix
          + " subnet (expected: first and last in one subnet)");
    }
    if (Ipv4.unsigned(last) - Ipv4.unsigned(first) + 1 > AddressPool.MAX_SIZE) {
      throw new IllegalArgumentException(
          "range " + range + " (expected: at most " + AddressPool.MAX_SIZE + " addresses)");
    }
    host("range start", first, mask, prefix);
    host("range end", last, mask, prefix);
    List<String> problems = new ArrayList<>();
    reservations.forEach((mac, address) -> {
      String what = "reservation " + Ipv4.text(address) + " for " + mac;
      if ((address & mask) != (first & mask)) {
        problems.add(what + " is off the subnet (expected: an address of "
            + Ipv4.text(first & mask) + "/" + prefix + ")");
      } else if (excluded.contains(address)) {
        problems.add(what + " is excluded (expected: a reserved address not excluded)");
      }
    });
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    reservations.values().forEach(a -> host("reservation", a, mask, prefix));
  }

  /** A client's address may be neither the subnet's network nor its broadcast address. */
  private static void host(String what, int address, int mask, int prefix) {
    if ((address & ~mask) == 0 || (address & ~mask) == ~mask) {
      throw new IllegalArgumentException(what + " " + Ipv4.text(address)
          + " is the network or broadcast address of its /" + prefix
          + " (expected: a host address)");
    }
  }

  static Duration positive(String what, Duration value, long maxSeconds) {
    if (value.compareTo(Duration.ofSeconds(1)) < 0 || value.getSeconds() > maxSeconds) {
      throw new IllegalArgumentException(
          what + ": " + value + " (expected: 1 to " + maxSeconds + " seconds)");
    }
    return value;
  }

  static byte[] parseMac(String mac) {
    String hex = mac.replace(":", "").replace("-", "").toLowerCase(Locale.ROOT);
    if (hex.isEmpty() || hex.length() % 2 != 0
        || hex.length() > 2 * Lease.MAX_HARDWARE_ADDRESS_LENGTH
        || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
      throw new IllegalArgumentException(
          "MAC address: \"" + mac + "\" (expected: hex bytes, as 52:54:00:12:34:56)");
    }
    return HexFormat.of().parseHex(hex);
  }
}
