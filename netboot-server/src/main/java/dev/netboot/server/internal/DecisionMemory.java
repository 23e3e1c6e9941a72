package dev.netboot.server.internal;

import dev.netboot.pxe.BootDecision;
import dev.netboot.pxe.PxeClient;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The last boot decision per machine, for the routes that come after DHCP: the iPXE script URL
 * and the generated {@code pxelinux.cfg/01-<mac>} carry only the MAC, and an HTTP or TFTP peer is
 * known only by its IP address. Bounded (oldest entries go first) and entries expire, so a storm
 * of forged MACs cannot grow it.
 */
public final class DecisionMemory {
  /** The default number of machines remembered. */
  public static final int DEFAULT_CAPACITY = 16_384;
  /** The default time a decision is remembered: longer than any boot takes to reach its kernel. */
  public static final Duration DEFAULT_TTL = Duration.ofMinutes(30);

  /**
   * A remembered decision.
   *
   * @param client the machine's last request
   * @param decision what it boots
   * @param serverAddress the address the server answered it as
   * @param decidedAt when
   */
  public record Remembered(
      PxeClient client, BootDecision decision, Inet4Address serverAddress, Instant decidedAt) {}

  private final int capacity;
  private final Duration ttl;
  private final LinkedHashMap<String, Remembered> byMac = new LinkedHashMap<>(16, 0.75f, true);
  private final LinkedHashMap<InetAddress, String> macByIp = new LinkedHashMap<>(16, 0.75f, true);

  /**
   * Creates an empty memory.
   *
   * @param capacity machines remembered at most
   * @param ttl how long a decision is remembered
   */
  public DecisionMemory(int capacity, Duration ttl) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity: " + capacity + " (expected: >= 1)");
    }
    this.capacity = capacity;
    this.ttl = ttl;
  }

  /** Returns a MAC address as {@code aa:bb:cc:dd:ee:ff}. */
  public static String macText(byte[] mac) {
    return HexFormat.ofDelimiter(":").formatHex(mac);
  }

  /**
   * Parses a MAC address written with {@code -} or {@code :} between the bytes.
   *
   * @return the normalised {@code aa:bb:..} text, or empty if it is not a MAC address
   */
  public static Optional<String> parseMac(String text) {
    String t = text.trim().toLowerCase(java.util.Locale.ROOT).replace('-', ':');
    if (t.length() < 2 || t.length() > 16 * 3 - 1 || (t.length() + 1) % 3 != 0) {
      return Optional.empty();
    }
    try {
      return Optional.of(macText(HexFormat.ofDelimiter(":").parseHex(t)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** Remembers a decision for the client's MAC. */
  public synchronized void remember(Remembered entry) {
    String mac = macText(entry.client().hardwareAddress());
    byMac.put(mac, entry);
    trim(byMac);
  }

  /** Notes that this IP address belongs to this machine, for HTTP and TFTP events. */
  public synchronized void noteAddress(InetAddress address, String mac) {
    if (!address.isAnyLocalAddress()) {
      macByIp.put(address, mac);
      trim(macByIp);
    }
  }

  /** Returns the decision remembered for a MAC ({@code aa:bb:..}), if still fresh. */
  public synchronized Optional<Remembered> recall(String mac, Instant now) {
    Remembered r = byMac.get(mac);
    if (r == null) {
      return Optional.empty();
    }
    if (r.decidedAt().plus(ttl).isBefore(now)) {
      byMac.remove(mac);
      return Optional.empty();
    }
    return Optional.of(r);
  }

  /** Returns the MAC last seen with this IP address, if any. */
  public synchronized @Nullable String macOf(InetAddress address) {
    return macByIp.get(address);
  }

  /** Returns the number of machines remembered. */
  public synchronized int size() {
    return byMac.size();
  }

  private <K, V> void trim(LinkedHashMap<K, V> map) {
    Iterator<Map.Entry<K, V>> it = map.entrySet().iterator();
    while (map.size() > capacity && it.hasNext()) {
      it.next();
      it.remove();
    }
  }
}
