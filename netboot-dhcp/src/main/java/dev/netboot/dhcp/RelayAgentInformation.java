package dev.netboot.dhcp;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Option 82, relay agent information (RFC 3046): sub-options a relay adds to a client's request
 * and the server echoes in its reply.
 */
public final class RelayAgentInformation {
  /** Agent circuit ID (RFC 3046 section 3.1). */
  public static final int CIRCUIT_ID = 1;
  /** Agent remote ID (RFC 3046 section 3.2). */
  public static final int REMOTE_ID = 2;
  /** DOCSIS device class (RFC 3256). */
  public static final int DOCSIS_DEVICE_CLASS = 4;
  /** Link selection (RFC 3527). */
  public static final int LINK_SELECTION = 5;
  /** Subscriber ID (RFC 3993). */
  public static final int SUBSCRIBER_ID = 6;
  /** RADIUS attributes (RFC 4014). */
  public static final int RADIUS_ATTRIBUTES = 7;
  /** Authentication (RFC 4030). */
  public static final int AUTHENTICATION = 8;
  /** Vendor-specific information (RFC 4243). */
  public static final int VENDOR_SPECIFIC = 9;
  /** Relay agent flags (RFC 5010). */
  public static final int RELAY_AGENT_FLAGS = 10;
  /** Server identifier override (RFC 5107). */
  public static final int SERVER_IDENTIFIER_OVERRIDE = 11;
  /** Relay agent identifier (RFC 6925). */
  public static final int RELAY_AGENT_ID = 12;
  /** Virtual subnet selection (RFC 6607). */
  public static final int VIRTUAL_SUBNET_SELECTION = 151;
  /** Virtual subnet selection control (RFC 6607). */
  public static final int VIRTUAL_SUBNET_SELECTION_CONTROL = 152;

  private final List<SubOption> subOptions;

  private RelayAgentInformation(List<SubOption> subOptions) {
    this.subOptions = subOptions;
  }

  /** Returns relay agent information made of these sub-options, in order. */
  public static RelayAgentInformation of(List<SubOption> subOptions) {
    return new RelayAgentInformation(List.copyOf(subOptions));
  }

  static RelayAgentInformation decode(byte[] value) {
    // RFC 3046 has no pad or end inside option 82: 0 and 255 are ordinary codes.
    return new RelayAgentInformation(SubOptions.parse(value, false));
  }

  byte[] encode() {
    return SubOptions.write(subOptions, false);
  }

  /** Returns the sub-options in order. */
  public List<SubOption> subOptions() {
    return subOptions;
  }

  /** Returns the first sub-option with this code. */
  public Optional<SubOption> get(int code) {
    return subOptions.stream().filter(s -> s.code() == code).findFirst();
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof RelayAgentInformation
        && ((RelayAgentInformation) o).subOptions.equals(subOptions);
  }

  @Override
  public int hashCode() {
    return subOptions.hashCode();
  }

  @Override
  public String toString() {
    return "relay agent " + subOptions;
  }
}
