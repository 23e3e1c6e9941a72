package dev.netboot.pxe;

import java.net.Inet4Address;
import java.util.List;

/**
 * One entry of sub-option 43.8, boot servers: a boot server type and the addresses that serve it
 * (PXE 2.1 table 2-1). A client that may not broadcast or multicast its discovery sends its
 * boot server request (43.71) to these addresses, UDP port 4011.
 *
 * @param type the boot server type
 * @param addresses the servers, at most 255
 */
public record BootServer(BootServerType type, List<Inet4Address> addresses) {
  /**
   * Copies the list and checks its size.
   *
   * @throws IllegalArgumentException if there are more than 255 addresses
   */
  public BootServer {
    addresses = List.copyOf(addresses);
    if (addresses.size() > 255) {
      throw new IllegalArgumentException(
          "boot server addresses: " + addresses.size() + " (expected: 0-255)");
    }
  }
}
