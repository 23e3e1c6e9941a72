package dev.netboot.dhcp;

import java.util.Arrays;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * Option 61, the client identifier (RFC 2132 section 9.14): a type byte and an identifier. Type
 * 1 (Ethernet) with a MAC address is the usual form; type 255 carries an RFC 4361 IAID and DUID;
 * type 0 is free-form, often text.
 */
public final class ClientIdentifier {
  private final int type;
  private final byte[] identifier;

  private ClientIdentifier(int type, byte[] identifier) {
    this.type = type;
    this.identifier = identifier;
  }

  /**
   * Returns a client identifier.
   *
   * @throws IllegalArgumentException if {@code type} is outside 0..255
   */
  public static ClientIdentifier of(int type, byte[] identifier) {
    if (type < 0 || type > 255) {
      throw new IllegalArgumentException("type: " + type + " (expected: 0-255)");
    }
    return new ClientIdentifier(type, identifier.clone());
  }

  /** Returns the identifier of type {@code hardwareType} made of a hardware address. */
  public static ClientIdentifier ofHardwareAddress(HardwareType hardwareType, byte[] address) {
    return of(hardwareType.code(), address);
  }

  static ClientIdentifier decode(byte[] value) {
    if (value.length == 0) {
      throw new DhcpParseException("client identifier is empty", 0);
    }
    return new ClientIdentifier(value[0] & 0xFF, Arrays.copyOfRange(value, 1, value.length));
  }

  byte[] encode() {
    byte[] value = new byte[identifier.length + 1];
    value[0] = (byte) type;
    System.arraycopy(identifier, 0, value, 1, identifier.length);
    return value;
  }

  /** Returns the type byte: a hardware type, 0 for free-form, 255 for IAID and DUID. */
  public int type() {
    return type;
  }

  /** Returns a copy of the bytes that follow the type. */
  public byte[] identifier() {
    return identifier.clone();
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof ClientIdentifier
        && ((ClientIdentifier) o).type == type
        && Arrays.equals(((ClientIdentifier) o).identifier, identifier);
  }

  @Override
  public int hashCode() {
    return 31 * type + Arrays.hashCode(identifier);
  }

  /** Returns the type and the identifier, as a colon-separated address for a hardware type. */
  @Override
  public String toString() {
    if (type >= 1 && type <= 254 && identifier.length > 0) {
      return HardwareType.valueOf(type).name() + " "
          + HexFormat.ofDelimiter(":").formatHex(identifier);
    }
    return "type " + type + " " + HexFormat.of().formatHex(identifier);
  }
}
