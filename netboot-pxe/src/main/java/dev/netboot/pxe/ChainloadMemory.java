package dev.netboot.pxe;

import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Remembers, per MAC address and for a while, that a client was just given an iPXE binary, so
 * that the iPXE it runs gets the script and not iPXE again.
 *
 * <h2>Why memory</h2>
 *
 * <p>Pixiecore builds its own iPXE with an embedded script that sets user class
 * {@code pixiecore}, and tells "our iPXE" by that class ({@code NewFirmwareFromDHCP}). With the
 * stock {@code undionly.kpxe} and {@code ipxe.efi} that is impossible, and the request itself
 * cannot tell: QEMU's BIOS ROM is iPXE too, sends the same option 175, and the chainloaded
 * {@code undionly.kpxe} sends the ROM's full vendor class again in its 4011 request (see the
 * {@code undionly-ipxe} capture). So the responders remember what they served. Entries expire
 * after {@link #ttl()}, and the oldest go first beyond {@link #capacity()}, so a stream of
 * forged MACs cannot grow it without bound.
 *
 * <h2>Why the transaction id</h2>
 *
 * <p>A client that gets the binary in a full DHCP OFFER asks again with a REQUEST of the same
 * exchange (same {@code xid}), and its ACK must name the same binary: the ROM loads the file the
 * ACK names. Only a later exchange, which is the chainloaded iPXE's own DHCP with a fresh
 * {@code xid}, counts as "iPXE already served". The same holds for a retransmitted 4011 request.
 *
 * <p>Thread-safe. It holds no clock: callers pass the time.
 */
public final class ChainloadMemory {
  /** The default time an entry lives: a TCG guest takes up to a minute between stages. */
  public static final Duration DEFAULT_TTL = Duration.ofMinutes(5);
  /** The default most entries. */
  public static final int DEFAULT_CAPACITY = 4096;

  private final Duration ttl;
  private final int capacity;
  private final LinkedHashMap<String, Served> servedAt;

  /** When a client got the binary, and in which exchange. */
  private record Served(Instant at, int transactionId) {}

  private ChainloadMemory(Duration ttl, int capacity) {
    if (ttl.isNegative() || ttl.isZero() || capacity < 1) {
      throw new IllegalArgumentException(
          "ttl " + ttl + ", capacity " + capacity + " (expected: positive both)");
    }
    this.ttl = ttl;
    this.capacity = capacity;
    this.servedAt = new LinkedHashMap<>(16, 0.75f, false) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Served> eldest) {
        return size() > ChainloadMemory.this.capacity;
      }
    };
  }

  /** Returns a memory with the default time to live and capacity. */
  public static ChainloadMemory create() {
    return new ChainloadMemory(DEFAULT_TTL, DEFAULT_CAPACITY);
  }

  /**
   * Returns a memory whose entries live for {@code ttl}, holding at most {@code capacity}.
   *
   * @throws IllegalArgumentException if either is not positive
   */
  public static ChainloadMemory create(Duration ttl, int capacity) {
    return new ChainloadMemory(ttl, capacity);
  }

  /** Returns how long an entry lives. */
  public Duration ttl() {
    return ttl;
  }

  /** Returns the most entries held. */
  public int capacity() {
    return capacity;
  }

  /**
   * Records that the client with this hardware address was given an iPXE binary at {@code now},
   * in the exchange with this transaction id.
   */
  public synchronized void remember(byte[] hardwareAddress, int transactionId, Instant now) {
    String key = HexFormat.of().formatHex(hardwareAddress);
    servedAt.remove(key); // re-insert so that insertion order is age order
    servedAt.put(key, new Served(now, transactionId));
  }

  /**
   * Returns whether this client was given an iPXE binary less than {@link #ttl()} before
   * {@code now}, in any exchange.
   */
  public synchronized boolean recalls(byte[] hardwareAddress, Instant now) {
    return live(hardwareAddress, now) != null;
  }

  /**
   * Returns whether this client was given an iPXE binary less than {@link #ttl()} before
   * {@code now} in an exchange other than {@code transactionId}: whether the request comes from
   * the iPXE it was given rather than from the firmware finishing the exchange that got it.
   */
  public synchronized boolean recalls(byte[] hardwareAddress, int transactionId, Instant now) {
    Served served = live(hardwareAddress, now);
    return served != null && served.transactionId() != transactionId;
  }

  private @Nullable Served live(byte[] hardwareAddress, Instant now) {
    String key = HexFormat.of().formatHex(hardwareAddress);
    Served served = servedAt.get(key);
    if (served != null && !now.isBefore(served.at().plus(ttl))) {
      servedAt.remove(key);
      return null;
    }
    return served;
  }

  /** Forgets a client, as after it booted its target. */
  public synchronized void forget(byte[] hardwareAddress) {
    servedAt.remove(HexFormat.of().formatHex(hardwareAddress));
  }

  /** Returns the number of entries held, expired or not. */
  public synchronized int size() {
    return servedAt.size();
  }
}
