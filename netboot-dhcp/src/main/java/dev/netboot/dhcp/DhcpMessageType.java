package dev.netboot.dhcp;

import dev.netboot.dhcp.internal.CodeRegistry;
import java.util.List;

/**
 * The DHCP message type carried in option 53 (RFC 2132 section 9.6, RFC 3203, RFC 4388,
 * RFC 6926, RFC 7724).
 */
public final class DhcpMessageType extends NamedCode<DhcpMessageType> {
  /** Client broadcast to locate servers. */
  public static final DhcpMessageType DISCOVER = new DhcpMessageType(1, "DISCOVER");
  /** Server answer to a DISCOVER, with an offer of parameters. */
  public static final DhcpMessageType OFFER = new DhcpMessageType(2, "OFFER");
  /** Client request for offered parameters, or renewal; also the PXE boot server request. */
  public static final DhcpMessageType REQUEST = new DhcpMessageType(3, "REQUEST");
  /** Client tells the server the offered address is already in use. */
  public static final DhcpMessageType DECLINE = new DhcpMessageType(4, "DECLINE");
  /** Server acknowledges a REQUEST. */
  public static final DhcpMessageType ACK = new DhcpMessageType(5, "ACK");
  /** Server refuses a REQUEST. */
  public static final DhcpMessageType NAK = new DhcpMessageType(6, "NAK");
  /** Client gives its address back. */
  public static final DhcpMessageType RELEASE = new DhcpMessageType(7, "RELEASE");
  /** Client with an address asks only for configuration. */
  public static final DhcpMessageType INFORM = new DhcpMessageType(8, "INFORM");
  /** Server asks a client to renew (RFC 3203). */
  public static final DhcpMessageType FORCERENEW = new DhcpMessageType(9, "FORCERENEW");
  /** Lease query (RFC 4388). */
  public static final DhcpMessageType LEASEQUERY = new DhcpMessageType(10, "LEASEQUERY");
  /** Lease query answer: unassigned (RFC 4388). */
  public static final DhcpMessageType LEASEUNASSIGNED = new DhcpMessageType(11, "LEASEUNASSIGNED");
  /** Lease query answer: unknown (RFC 4388). */
  public static final DhcpMessageType LEASEUNKNOWN = new DhcpMessageType(12, "LEASEUNKNOWN");
  /** Lease query answer: active (RFC 4388). */
  public static final DhcpMessageType LEASEACTIVE = new DhcpMessageType(13, "LEASEACTIVE");
  /** Bulk lease query (RFC 6926). */
  public static final DhcpMessageType BULKLEASEQUERY = new DhcpMessageType(14, "BULKLEASEQUERY");
  /** Bulk lease query done (RFC 6926). */
  public static final DhcpMessageType LEASEQUERYDONE = new DhcpMessageType(15, "LEASEQUERYDONE");
  /** Active lease query (RFC 7724). */
  public static final DhcpMessageType ACTIVELEASEQUERY =
      new DhcpMessageType(16, "ACTIVELEASEQUERY");
  /** Lease query status (RFC 7724). */
  public static final DhcpMessageType LEASEQUERYSTATUS =
      new DhcpMessageType(17, "LEASEQUERYSTATUS");
  /** TLS negotiation (RFC 7724). */
  public static final DhcpMessageType TLS = new DhcpMessageType(18, "TLS");

  private static final CodeRegistry<DhcpMessageType> REGISTRY =
      new CodeRegistry<>(
          255,
          DhcpMessageType::code,
          c -> new DhcpMessageType(c, UNKNOWN),
          DISCOVER, OFFER, REQUEST, DECLINE, ACK, NAK, RELEASE, INFORM, FORCERENEW, LEASEQUERY,
          LEASEUNASSIGNED, LEASEUNKNOWN, LEASEACTIVE, BULKLEASEQUERY, LEASEQUERYDONE,
          ACTIVELEASEQUERY, LEASEQUERYSTATUS, TLS);

  private DhcpMessageType(int code, String name) {
    super(code, name);
  }

  /**
   * Returns the message type for a wire value, known or not.
   *
   * @throws IllegalArgumentException if {@code code} is outside 0..255
   */
  public static DhcpMessageType valueOf(int code) {
    return REGISTRY.valueOf(code);
  }

  /** Returns the named constants. */
  public static List<DhcpMessageType> values() {
    return REGISTRY.values();
  }
}
