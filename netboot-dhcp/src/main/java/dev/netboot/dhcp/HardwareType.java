package dev.netboot.dhcp;

import dev.netboot.dhcp.internal.CodeRegistry;
import java.util.List;

/**
 * The BOOTP {@code htype} field: an ARP hardware type from IANA's "Hardware Types" registry
 * (RFC 1700, RFC 5494).
 */
public final class HardwareType extends NamedCode<HardwareType> {
  /** Ethernet (10Mb and faster), the type of every PXE client. */
  public static final HardwareType ETHERNET = new HardwareType(1, "ETHERNET");
  /** Experimental Ethernet (3Mb). */
  public static final HardwareType EXPERIMENTAL_ETHERNET = new HardwareType(2, "EXPERIMENTAL_ETHERNET");
  /** IEEE 802 networks (Token Ring). */
  public static final HardwareType IEEE802 = new HardwareType(6, "IEEE802");
  /** ARCNET. */
  public static final HardwareType ARCNET = new HardwareType(7, "ARCNET");
  /** Frame Relay. */
  public static final HardwareType FRAME_RELAY = new HardwareType(15, "FRAME_RELAY");
  /** Asynchronous Transmission Mode. */
  public static final HardwareType ATM = new HardwareType(16, "ATM");
  /** Fibre Channel. */
  public static final HardwareType FIBRE_CHANNEL = new HardwareType(18, "FIBRE_CHANNEL");
  /** InfiniBand (RFC 4390: {@code hlen} is 0 and {@code chaddr} is empty). */
  public static final HardwareType INFINIBAND = new HardwareType(32, "INFINIBAND");

  private static final CodeRegistry<HardwareType> REGISTRY =
      new CodeRegistry<>(
          255,
          HardwareType::code,
          c -> new HardwareType(c, UNKNOWN),
          ETHERNET, EXPERIMENTAL_ETHERNET, IEEE802, ARCNET, FRAME_RELAY, ATM, FIBRE_CHANNEL,
          INFINIBAND);

  private HardwareType(int code, String name) {
    super(code, name);
  }

  /**
   * Returns the hardware type for a wire value, known or not.
   *
   * @throws IllegalArgumentException if {@code code} is outside 0..255
   */
  public static HardwareType valueOf(int code) {
    return REGISTRY.valueOf(code);
  }

  /** Returns the named constants. */
  public static List<HardwareType> values() {
    return REGISTRY.values();
  }
}
