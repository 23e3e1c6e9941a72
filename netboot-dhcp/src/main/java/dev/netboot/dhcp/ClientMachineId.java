package dev.netboot.dhcp;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Option 97, the client machine identifier (RFC 4578 section 2.3): a type byte, 0 for a GUID,
 * and the identifier.
 *
 * <h2>Byte order</h2>
 *
 * <p>The PXE specification names no byte order for the GUID. Firmware sends the SMBIOS system
 * UUID as the SMBIOS table stores it (SMBIOS 2.6 and later): the first three fields
 * little-endian, the last two as they are, which is also the EFI {@code EFI_GUID} layout. edk2
 * does this, and iPXE converts its UUID to this order before sending ("RFC4578 suggests that it
 * follows the EFI spec", {@code net/udp/dhcp.c}). {@link #uuid()} reads that order, so it yields
 * the UUID that {@code dmidecode}, iPXE's {@code ${uuid}} and QEMU's {@code -uuid} show.
 * {@link #uuidBigEndian()} reads the 16 bytes in RFC 4122 network order instead, for the rare
 * client that sends that.
 *
 * <p>Clients that send another length or type are kept: {@link #identifier()} has the bytes and
 * the UUID views are empty.
 */
public final class ClientMachineId {
  /** The type of a 16-byte GUID, the only type RFC 4578 defines. */
  public static final int TYPE_GUID = 0;

  private final int type;
  private final byte[] identifier;

  private ClientMachineId(int type, byte[] identifier) {
    this.type = type;
    this.identifier = identifier;
  }

  /**
   * Returns an identifier of any type and length.
   *
   * @throws IllegalArgumentException if {@code type} is outside 0..255
   */
  public static ClientMachineId of(int type, byte[] identifier) {
    if (type < 0 || type > 255) {
      throw new IllegalArgumentException("type: " + type + " (expected: 0-255)");
    }
    return new ClientMachineId(type, identifier.clone());
  }

  /** Returns the type-0 identifier that a firmware with this SMBIOS UUID sends. */
  public static ClientMachineId ofUuid(UUID uuid) {
    byte[] b = toBigEndian(uuid);
    swapMixedEndian(b);
    return new ClientMachineId(TYPE_GUID, b);
  }

  /** Decodes the option value; the first byte is the type. */
  static ClientMachineId decode(byte[] value) {
    if (value.length == 0) {
      throw new DhcpParseException("client machine identifier is empty", 0);
    }
    return new ClientMachineId(value[0] & 0xFF, Arrays.copyOfRange(value, 1, value.length));
  }

  /** Encodes the option value. */
  byte[] encode() {
    byte[] value = new byte[identifier.length + 1];
    value[0] = (byte) type;
    System.arraycopy(identifier, 0, value, 1, identifier.length);
    return value;
  }

  /** Returns the type byte; 0 is a GUID. */
  public int type() {
    return type;
  }

  /** Returns a copy of the identifier bytes that follow the type. */
  public byte[] identifier() {
    return identifier.clone();
  }

  /** Returns whether this is a well-formed GUID: type 0 and 16 bytes. */
  public boolean isGuid() {
    return type == TYPE_GUID && identifier.length == 16;
  }

  /** Returns the UUID, reading the GUID in SMBIOS / EFI byte order; empty unless {@link #isGuid()}. */
  public Optional<UUID> uuid() {
    if (!isGuid()) {
      return Optional.empty();
    }
    byte[] b = identifier.clone();
    swapMixedEndian(b);
    return Optional.of(fromBigEndian(b));
  }

  /** Returns the UUID, reading the GUID in RFC 4122 byte order; empty unless {@link #isGuid()}. */
  public Optional<UUID> uuidBigEndian() {
    return isGuid() ? Optional.of(fromBigEndian(identifier)) : Optional.empty();
  }

  private static void swapMixedEndian(byte[] b) {
    swap(b, 0, 3);
    swap(b, 1, 2);
    swap(b, 4, 5);
    swap(b, 6, 7);
  }

  private static void swap(byte[] b, int i, int j) {
    byte t = b[i];
    b[i] = b[j];
    b[j] = t;
  }

  private static byte[] toBigEndian(UUID uuid) {
    byte[] b = new byte[16];
    long hi = uuid.getMostSignificantBits();
    long lo = uuid.getLeastSignificantBits();
    for (int i = 0; i < 8; i++) {
      b[i] = (byte) (hi >>> (56 - 8 * i));
      b[8 + i] = (byte) (lo >>> (56 - 8 * i));
    }
    return b;
  }

  private static UUID fromBigEndian(byte[] b) {
    long hi = 0;
    long lo = 0;
    for (int i = 0; i < 8; i++) {
      hi = hi << 8 | (b[i] & 0xFF);
      lo = lo << 8 | (b[8 + i] & 0xFF);
    }
    return new UUID(hi, lo);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof ClientMachineId
        && ((ClientMachineId) o).type == type
        && Arrays.equals(((ClientMachineId) o).identifier, identifier);
  }

  @Override
  public int hashCode() {
    return 31 * type + Arrays.hashCode(identifier);
  }

  /** Returns {@code GUID <uuid>} for a GUID, else the type and the bytes in hex. */
  @Override
  public String toString() {
    return isGuid()
        ? "GUID " + uuid().orElseThrow()
        : "type " + type + " " + HexFormat.of().formatHex(identifier);
  }
}
