package dev.netboot.server.internal;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.slf4j.LoggerFactory;

/**
 * This host's IPv4 addresses with their prefixes, read once: a socket bound to 0.0.0.0 does not
 * say which address a datagram came to, so the answer names the address on the sender's subnet.
 */
public final class LocalAddresses {
  private record Entry(Inet4Address address, int prefixLength, boolean loopback) {}

  private final List<Entry> entries;

  private LocalAddresses(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  /** Reads the addresses of the interfaces that are up. */
  public static LocalAddresses read() {
    List<Entry> entries = new ArrayList<>();
    try {
      for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        if (!nif.isUp()) {
          continue;
        }
        for (InterfaceAddress ia : nif.getInterfaceAddresses()) {
          if (ia.getAddress() instanceof Inet4Address a) {
            entries.add(new Entry(a, ia.getNetworkPrefixLength(), nif.isLoopback()));
          }
        }
      }
    } catch (SocketException e) {
      // No interface list (rare: a sandbox without netlink): answers name the loopback address,
      // which a real client cannot use, so say so.
      LoggerFactory.getLogger(LocalAddresses.class)
          .warn("cannot list network interfaces; bind a specific address instead: {}", e.toString());
    }
    return new LocalAddresses(entries);
  }

  /** Returns whether {@code address} is assigned to an interface of this host. */
  public boolean isLocal(InetAddress address) {
    return entries.stream().anyMatch(e -> e.address().equals(address));
  }

  /**
   * Returns the address of an interface by name.
   *
   * @throws IOException if there is no such interface or it has no IPv4 address
   */
  public static Inet4Address ofInterface(String name) throws IOException {
    NetworkInterface nif = NetworkInterface.getByName(name);
    if (nif == null) {
      throw new IOException("interface " + name + " does not exist on this host");
    }
    for (InterfaceAddress ia : nif.getInterfaceAddresses()) {
      if (ia.getAddress() instanceof Inet4Address a) {
        return a;
      }
    }
    throw new IOException("interface " + name + " has no IPv4 address");
  }

  /**
   * Returns the address to answer {@code sender} as: the loopback address for a loopback sender,
   * the address whose subnet holds the sender, else the first non-loopback address.
   */
  public Inet4Address forSender(InetAddress sender) {
    if (sender.isLoopbackAddress() && sender instanceof Inet4Address s) {
      return s.getAddress()[0] == 127 ? Ipv4Text.parse("127.0.0.1") : s;
    }
    Optional<Entry> sameSubnet = entries.stream()
        .filter(e -> !sender.isAnyLocalAddress() && sameSubnet(e, sender))
        .findFirst();
    return sameSubnet
        .or(() -> entries.stream().filter(e -> !e.loopback()).findFirst())
        .map(Entry::address)
        .orElse(Ipv4Text.parse("127.0.0.1"));
  }

  private static boolean sameSubnet(Entry e, InetAddress other) {
    if (!(other instanceof Inet4Address)) {
      return false;
    }
    int mask = e.prefixLength() == 0 ? 0 : -1 << (32 - e.prefixLength());
    return (toInt(e.address()) & mask) == (toInt(other) & mask);
  }

  private static int toInt(InetAddress a) {
    byte[] b = a.getAddress();
    return (b[0] & 0xFF) << 24 | (b[1] & 0xFF) << 16 | (b[2] & 0xFF) << 8 | (b[3] & 0xFF);
  }
}
