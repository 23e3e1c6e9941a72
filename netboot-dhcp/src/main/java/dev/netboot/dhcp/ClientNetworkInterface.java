package dev.netboot.dhcp;

import org.jspecify.annotations.Nullable;

/**
 * Option 94, the client network interface identifier (RFC 4578 section 2.2): the interface type
 * (1 for UNDI) and its major and minor revision, such as UNDI 3.16.
 */
public final class ClientNetworkInterface {
  /** The interface type of a Universal Network Device Interface. */
  public static final int TYPE_UNDI = 1;

  private final int type;
  private final int major;
  private final int minor;

  private ClientNetworkInterface(int type, int major, int minor) {
    this.type = type;
    this.major = major;
    this.minor = minor;
  }

  /**
   * Returns an identifier.
   *
   * @throws IllegalArgumentException if a field is outside 0..255
   */
  public static ClientNetworkInterface of(int type, int major, int minor) {
    if ((type | major | minor) < 0 || type > 255 || major > 255 || minor > 255) {
      throw new IllegalArgumentException(
          "interface: " + type + " " + major + "." + minor + " (expected: 0-255 each)");
    }
    return new ClientNetworkInterface(type, major, minor);
  }

  /** Returns the UNDI identifier for a version, as PXE clients send it. */
  public static ClientNetworkInterface undi(int major, int minor) {
    return of(TYPE_UNDI, major, minor);
  }

  /** Returns the interface type; 1 is UNDI. */
  public int type() {
    return type;
  }

  /** Returns the major revision. */
  public int major() {
    return major;
  }

  /** Returns the minor revision. */
  public int minor() {
    return minor;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof ClientNetworkInterface
        && ((ClientNetworkInterface) o).type == type
        && ((ClientNetworkInterface) o).major == major
        && ((ClientNetworkInterface) o).minor == minor;
  }

  @Override
  public int hashCode() {
    return type << 16 | major << 8 | minor;
  }

  @Override
  public String toString() {
    return (type == TYPE_UNDI ? "UNDI" : "type " + type) + " " + major + "." + minor;
  }
}
