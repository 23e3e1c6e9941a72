package dev.netboot.dhcp;

import dev.netboot.dhcp.internal.Wire;
import java.net.Inet4Address;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The typed view of one DHCP option: how its value bytes read as a Java value and back.
 *
 * <p>Decoding is lazy and per option ({@link DhcpOptions#get(DhcpOptionType)}), so a malformed
 * option 93 does not make the rest of a message unreadable, and the bytes stay as they came.
 * Other modules define their own types for the options they own (netboot-pxe reads option 43).
 *
 * @param <T> the Java type of the option's value
 */
public final class DhcpOptionType<T> {
  private static final Map<DhcpOptionCode, DhcpOptionType<?>> BY_CODE = new HashMap<>();

  /** Option 1, subnet mask. */
  public static final DhcpOptionType<Inet4Address> SUBNET_MASK = address(DhcpOptionCode.SUBNET_MASK);
  /** Option 3, routers. */
  public static final DhcpOptionType<List<Inet4Address>> ROUTERS =
      addresses(DhcpOptionCode.ROUTERS);
  /** Option 6, domain name servers. */
  public static final DhcpOptionType<List<Inet4Address>> DOMAIN_NAME_SERVERS =
      addresses(DhcpOptionCode.DOMAIN_NAME_SERVERS);
  /** Option 12, host name. */
  public static final DhcpOptionType<String> HOST_NAME = text(DhcpOptionCode.HOST_NAME);
  /** Option 15, domain name. */
  public static final DhcpOptionType<String> DOMAIN_NAME = text(DhcpOptionCode.DOMAIN_NAME);
  /** Option 17, root path. */
  public static final DhcpOptionType<String> ROOT_PATH = text(DhcpOptionCode.ROOT_PATH);
  /** Option 26, interface MTU. */
  public static final DhcpOptionType<Integer> INTERFACE_MTU = uint16(DhcpOptionCode.INTERFACE_MTU);
  /** Option 28, broadcast address. */
  public static final DhcpOptionType<Inet4Address> BROADCAST_ADDRESS =
      address(DhcpOptionCode.BROADCAST_ADDRESS);
  /** Option 42, NTP servers. */
  public static final DhcpOptionType<List<Inet4Address>> NTP_SERVERS =
      addresses(DhcpOptionCode.NTP_SERVERS);
  /** Option 43, vendor-specific information, as bytes; netboot-pxe reads PXE's sub-options. */
  public static final DhcpOptionType<byte[]> VENDOR_SPECIFIC = bytes(DhcpOptionCode.VENDOR_SPECIFIC);
  /** Option 50, requested IP address. */
  public static final DhcpOptionType<Inet4Address> REQUESTED_IP_ADDRESS =
      address(DhcpOptionCode.REQUESTED_IP_ADDRESS);
  /** Option 51, lease time in seconds; 0xFFFFFFFF means infinite. */
  public static final DhcpOptionType<Long> IP_ADDRESS_LEASE_TIME =
      uint32(DhcpOptionCode.IP_ADDRESS_LEASE_TIME);
  /** Option 53, DHCP message type. */
  public static final DhcpOptionType<DhcpMessageType> MESSAGE_TYPE =
      register(
          DhcpOptionCode.MESSAGE_TYPE,
          v -> DhcpMessageType.valueOf(exactly(v, 1)[0] & 0xFF),
          t -> new byte[] {(byte) t.code()});
  /** Option 54, server identifier. */
  public static final DhcpOptionType<Inet4Address> SERVER_IDENTIFIER =
      address(DhcpOptionCode.SERVER_IDENTIFIER);
  /** Option 55, parameter request list. */
  public static final DhcpOptionType<List<DhcpOptionCode>> PARAMETER_REQUEST_LIST =
      register(
          DhcpOptionCode.PARAMETER_REQUEST_LIST,
          DhcpOptionType::decodeCodes,
          DhcpOptionType::encodeCodes);
  /** Option 56, message. */
  public static final DhcpOptionType<String> MESSAGE = text(DhcpOptionCode.MESSAGE);
  /** Option 57, maximum DHCP message size, which counts the IP and UDP headers (576 and up). */
  public static final DhcpOptionType<Integer> MAXIMUM_MESSAGE_SIZE =
      uint16(DhcpOptionCode.MAXIMUM_MESSAGE_SIZE);
  /** Option 58, renewal (T1) time in seconds. */
  public static final DhcpOptionType<Long> RENEWAL_TIME = uint32(DhcpOptionCode.RENEWAL_TIME);
  /** Option 59, rebinding (T2) time in seconds. */
  public static final DhcpOptionType<Long> REBINDING_TIME = uint32(DhcpOptionCode.REBINDING_TIME);
  /** Option 60, vendor class identifier. */
  public static final DhcpOptionType<VendorClass> VENDOR_CLASS_IDENTIFIER =
      register(
          DhcpOptionCode.VENDOR_CLASS_IDENTIFIER,
          v -> VendorClass.of(Wire.text(v, 0, v.length)),
          c -> Wire.text(c.text()));
  /** Option 61, client identifier. */
  public static final DhcpOptionType<ClientIdentifier> CLIENT_IDENTIFIER =
      register(
          DhcpOptionCode.CLIENT_IDENTIFIER, ClientIdentifier::decode, ClientIdentifier::encode);
  /** Option 66, TFTP server name. */
  public static final DhcpOptionType<String> TFTP_SERVER_NAME = text(DhcpOptionCode.TFTP_SERVER_NAME);
  /** Option 67, bootfile name. */
  public static final DhcpOptionType<String> BOOTFILE_NAME = text(DhcpOptionCode.BOOTFILE_NAME);
  /** Option 77, user class, in RFC 3004 or bare form. */
  public static final DhcpOptionType<UserClass> USER_CLASS =
      register(DhcpOptionCode.USER_CLASS, UserClass::fromBytes, UserClass::bytes);
  /** Option 82, relay agent information. */
  public static final DhcpOptionType<RelayAgentInformation> RELAY_AGENT_INFORMATION =
      register(
          DhcpOptionCode.RELAY_AGENT_INFORMATION,
          RelayAgentInformation::decode,
          RelayAgentInformation::encode);
  /** Option 93, client system architectures; a client may list several. */
  public static final DhcpOptionType<List<ClientArchitecture>> CLIENT_SYSTEM_ARCHITECTURE =
      register(
          DhcpOptionCode.CLIENT_SYSTEM_ARCHITECTURE,
          DhcpOptionType::decodeArchitectures,
          DhcpOptionType::encodeArchitectures);
  /** Option 94, client network interface identifier. */
  public static final DhcpOptionType<ClientNetworkInterface> CLIENT_NETWORK_INTERFACE =
      register(
          DhcpOptionCode.CLIENT_NETWORK_INTERFACE,
          v -> {
            byte[] b = exactly(v, 3);
            return ClientNetworkInterface.of(b[0] & 0xFF, b[1] & 0xFF, b[2] & 0xFF);
          },
          n -> new byte[] {(byte) n.type(), (byte) n.major(), (byte) n.minor()});
  /** Option 97, client machine identifier (the PXE GUID). */
  public static final DhcpOptionType<ClientMachineId> CLIENT_MACHINE_IDENTIFIER =
      register(
          DhcpOptionCode.CLIENT_MACHINE_IDENTIFIER,
          ClientMachineId::decode,
          ClientMachineId::encode);
  /** Option 175, iPXE's encapsulated options. */
  public static final DhcpOptionType<IpxeOptions> IPXE_ENCAPSULATED =
      register(DhcpOptionCode.IPXE_ENCAPSULATED, IpxeOptions::decode, IpxeOptions::encode);
  /** Option 208, PXELINUX magic; {@link #pxelinuxMagicValue()} is its only valid value. */
  public static final DhcpOptionType<byte[]> PXELINUX_MAGIC = bytes(DhcpOptionCode.PXELINUX_MAGIC);
  /** Option 209, PXELINUX configuration file. */
  public static final DhcpOptionType<String> PXELINUX_CONFIG_FILE =
      text(DhcpOptionCode.PXELINUX_CONFIG_FILE);
  /** Option 210, PXELINUX path prefix. */
  public static final DhcpOptionType<String> PXELINUX_PATH_PREFIX =
      text(DhcpOptionCode.PXELINUX_PATH_PREFIX);
  /** Option 211, PXELINUX reboot time in seconds. */
  public static final DhcpOptionType<Long> PXELINUX_REBOOT_TIME =
      uint32(DhcpOptionCode.PXELINUX_REBOOT_TIME);


  private final DhcpOptionCode code;
  private final Function<byte[], T> decoder;
  private final Function<T, byte[]> encoder;

  /**
   * Creates a typed view. The decoder reads an option's whole value and throws
   * {@link DhcpParseException} for a malformed one; the encoder writes a value's bytes and throws
   * {@link IllegalArgumentException} for a value the option cannot carry.
   *
   * @param code the option code
   * @param decoder reads the value bytes; must not keep or change the array
   * @param encoder writes the value bytes
   */
  public DhcpOptionType(
      DhcpOptionCode code, Function<byte[], T> decoder, Function<T, byte[]> encoder) {
    this.code = code;
    this.decoder = decoder;
    this.encoder = encoder;
  }

  private static <T> DhcpOptionType<T> register(
      DhcpOptionCode code, Function<byte[], T> decoder, Function<T, byte[]> encoder) {
    DhcpOptionType<T> type = new DhcpOptionType<>(code, decoder, encoder);
    BY_CODE.put(code, type);
    return type;
  }

  /** Returns the value of option 208 (RFC 5071 section 4), {@code F1:00:74:7E}. */
  public static byte[] pxelinuxMagicValue() {
    return new byte[] {(byte) 0xF1, 0x00, 0x74, 0x7E};
  }

  /** Returns the option code. */
  public DhcpOptionCode code() {
    return code;
  }

  /**
   * Reads an option value.
   *
   * @throws DhcpParseException if the bytes are malformed for this type
   */
  public T decode(byte[] value) {
    return decoder.apply(value);
  }

  /**
   * Writes an option value.
   *
   * @throws IllegalArgumentException if the value cannot be carried by this option
   */
  public byte[] encode(T value) {
    return encoder.apply(value);
  }

  /** Returns the typed view this module defines for a code, or {@code null}. */
  public static @Nullable DhcpOptionType<?> forCode(DhcpOptionCode code) {
    return BY_CODE.get(code);
  }

  /**
   * Describes an option for people: its typed value when this module knows the type and the bytes
   * are well formed, else the bytes in hex (with the parse error, if there was one).
   */
  public static String describe(DhcpOption option) {
    DhcpOptionType<?> type = forCode(option.code());
    String hex = HexFormat.of().formatHex(option.valueUnsafe());
    if (type == null) {
      return hex;
    }
    try {
      Object value = type.decode(option.valueUnsafe());
      if (value instanceof byte[]) {
        return hex;
      }
      return render(value);
    } catch (DhcpParseException e) {
      return hex + " (malformed: " + e.reason() + " at " + e.offset() + ")";
    }
  }

  /** Renders a typed value for people: addresses without the slash of InetAddress.toString. */
  private static String render(Object value) {
    if (value instanceof String) {
      return '"' + (String) value + '"';
    }
    if (value instanceof Inet4Address) {
      return ((Inet4Address) value).getHostAddress();
    }
    if (value instanceof List) {
      StringBuilder sb = new StringBuilder("[");
      for (Object element : (List<?>) value) {
        sb.append(sb.length() > 1 ? ", " : "").append(render(element));
      }
      return sb.append(']').toString();
    }
    return String.valueOf(value);
  }

  @Override
  public String toString() {
    return "DhcpOptionType" + code;
  }

  private static byte[] exactly(byte[] v, int length) {
    if (v.length != length) {
      throw new DhcpParseException(
          "length " + v.length + " where " + length + " bytes are required", 0);
    }
    return v;
  }

  private static DhcpOptionType<Inet4Address> address(DhcpOptionCode code) {
    return register(code, v -> Wire.ipv4(exactly(v, 4), 0), a -> a.getAddress());
  }

  private static DhcpOptionType<List<Inet4Address>> addresses(DhcpOptionCode code) {
    return register(
        code,
        v -> {
          if (v.length == 0 || v.length % 4 != 0) {
            throw new DhcpParseException(
                "length " + v.length + " is not a positive multiple of 4", 0);
          }
          List<Inet4Address> list = new ArrayList<>(v.length / 4);
          for (int i = 0; i < v.length; i += 4) {
            list.add(Wire.ipv4(v, i));
          }
          return Collections.unmodifiableList(list);
        },
        list -> {
          if (list.isEmpty()) {
            throw new IllegalArgumentException("addresses: none (expected: at least one)");
          }
          byte[] b = new byte[list.size() * 4];
          for (int i = 0; i < list.size(); i++) {
            System.arraycopy(list.get(i).getAddress(), 0, b, i * 4, 4);
          }
          return b;
        });
  }

  private static DhcpOptionType<String> text(DhcpOptionCode code) {
    return register(code, v -> Wire.text(v, 0, v.length), Wire::text);
  }

  private static DhcpOptionType<byte[]> bytes(DhcpOptionCode code) {
    return register(code, byte[]::clone, byte[]::clone);
  }

  private static DhcpOptionType<Integer> uint16(DhcpOptionCode code) {
    return register(
        code,
        v -> Wire.uint16(exactly(v, 2), 0),
        n -> {
          if (n < 0 || n > 0xFFFF) {
            throw new IllegalArgumentException(code + ": " + n + " (expected: 0-65535)");
          }
          return new byte[] {(byte) (n >>> 8), (byte) (int) n};
        });
  }

  private static DhcpOptionType<Long> uint32(DhcpOptionCode code) {
    return register(
        code,
        v -> Wire.uint32(exactly(v, 4), 0),
        n -> {
          if (n < 0 || n > 0xFFFFFFFFL) {
            throw new IllegalArgumentException(code + ": " + n + " (expected: 0-4294967295)");
          }
          long x = n;
          return new byte[] {(byte) (x >>> 24), (byte) (x >>> 16), (byte) (x >>> 8), (byte) x};
        });
  }

  private static List<DhcpOptionCode> decodeCodes(byte[] v) {
    List<DhcpOptionCode> codes = new ArrayList<>(v.length);
    for (byte b : v) {
      codes.add(DhcpOptionCode.valueOf(b & 0xFF));
    }
    return Collections.unmodifiableList(codes);
  }

  private static byte[] encodeCodes(List<DhcpOptionCode> codes) {
    byte[] b = new byte[codes.size()];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) codes.get(i).code();
    }
    return b;
  }

  private static List<ClientArchitecture> decodeArchitectures(byte[] v) {
    if (v.length == 0 || v.length % 2 != 0) {
      throw new DhcpParseException("length " + v.length + " is not a positive even number", 0);
    }
    List<ClientArchitecture> list = new ArrayList<>(v.length / 2);
    for (int i = 0; i < v.length; i += 2) {
      list.add(ClientArchitecture.valueOf(Wire.uint16(v, i)));
    }
    return Collections.unmodifiableList(list);
  }

  private static byte[] encodeArchitectures(List<ClientArchitecture> list) {
    if (list.isEmpty()) {
      throw new IllegalArgumentException("architectures: none (expected: at least one)");
    }
    byte[] b = new byte[list.size() * 2];
    for (int i = 0; i < list.size(); i++) {
      b[2 * i] = (byte) (list.get(i).code() >>> 8);
      b[2 * i + 1] = (byte) list.get(i).code();
    }
    return b;
  }
}
