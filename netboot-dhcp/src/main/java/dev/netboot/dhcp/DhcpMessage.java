package dev.netboot.dhcp;

import dev.netboot.dhcp.internal.Wire;
import java.net.Inet4Address;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A DHCP or BOOTP message (RFC 2131 section 2, RFC 951): the fixed header and the options.
 *
 * <p>Immutable; build one with {@link #builder()} and change one with {@link #toBuilder()}.
 * When a message is decoded from an overloaded packet (option 52), the options that were carried
 * in {@code file} and {@code sname} are in {@link #options()}, and those fields are empty here;
 * the encoder overloads again by itself when the options do not fit (see
 * {@link DhcpMessageEncoder}).
 */
public final class DhcpMessage {
  /** The longest client hardware address, the size of {@code chaddr}. */
  public static final int MAX_HARDWARE_ADDRESS_LENGTH = 16;
  /** The size of the {@code sname} field. */
  public static final int SERVER_NAME_LENGTH = 64;
  /** The size of the {@code file} field. */
  public static final int BOOT_FILE_NAME_LENGTH = 128;
  /** The broadcast bit of {@code flags} (RFC 2131 section 2, figure 2). */
  public static final int FLAG_BROADCAST = 0x8000;

  private final DhcpOp op;
  private final HardwareType hardwareType;
  private final int hops;
  private final int transactionId;
  private final int seconds;
  private final int flags;
  private final int clientAddress;
  private final int yourAddress;
  private final int serverAddress;
  private final int gatewayAddress;
  private final byte[] hardwareAddress;
  private final String serverName;
  private final String bootFileName;
  private final DhcpOptions options;

  private static final byte[] NO_ADDRESS = new byte[0];

  /** Takes every field as is; for the builder and the decoder, which have checked them. */
  DhcpMessage(DhcpOp op, HardwareType hardwareType, int hops, int transactionId, int seconds,
      int flags, int clientAddress, int yourAddress, int serverAddress, int gatewayAddress,
      byte[] hardwareAddress, String serverName, String bootFileName, DhcpOptions options) {
    this.op = op;
    this.hardwareType = hardwareType;
    this.hops = hops;
    this.transactionId = transactionId;
    this.seconds = seconds;
    this.flags = flags;
    this.clientAddress = clientAddress;
    this.yourAddress = yourAddress;
    this.serverAddress = serverAddress;
    this.gatewayAddress = gatewayAddress;
    this.hardwareAddress = hardwareAddress;
    this.serverName = serverName;
    this.bootFileName = bootFileName;
    this.options = options;
  }

  /** Returns a builder for a new message; every field starts at zero, op at BOOTREQUEST. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder that starts from this message. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Returns {@code op}: request or reply. */
  public DhcpOp op() {
    return op;
  }

  /** Returns {@code htype}. */
  public HardwareType hardwareType() {
    return hardwareType;
  }

  /** Returns {@code hops}, the number of relays passed. */
  public int hops() {
    return hops;
  }

  /** Returns {@code xid}, the transaction id. */
  public int transactionId() {
    return transactionId;
  }

  /** Returns {@code secs}, seconds since the client began. */
  public int seconds() {
    return seconds;
  }

  /** Returns {@code flags}, all 16 bits. */
  public int flags() {
    return flags;
  }

  /** Returns whether the client asked for broadcast replies (RFC 2131 section 4.1). */
  public boolean isBroadcast() {
    return (flags & FLAG_BROADCAST) != 0;
  }

  /** Returns {@code ciaddr}, the client's current address. */
  public Inet4Address clientAddress() {
    return Wire.ipv4(clientAddress);
  }

  /** Returns {@code yiaddr}, the address the server gives the client. */
  public Inet4Address yourAddress() {
    return Wire.ipv4(yourAddress);
  }

  /** Returns {@code siaddr}, the next server in the boot process (the TFTP server). */
  public Inet4Address serverAddress() {
    return Wire.ipv4(serverAddress);
  }

  /** Returns {@code giaddr}, the relay agent's address. */
  public Inet4Address gatewayAddress() {
    return Wire.ipv4(gatewayAddress);
  }

  /** Returns the four address fields as bits: ciaddr, yiaddr, siaddr, giaddr in that order. */
  int addressBits(int field) {
    switch (field) {
      case 0:
        return clientAddress;
      case 1:
        return yourAddress;
      case 2:
        return serverAddress;
      default:
        return gatewayAddress;
    }
  }

  /** Returns a copy of the client hardware address: the first {@code hlen} bytes of chaddr. */
  public byte[] hardwareAddress() {
    return hardwareAddress.clone();
  }

  /** Returns {@code hlen}, the length of the client hardware address. */
  public int hardwareAddressLength() {
    return hardwareAddress.length;
  }

  byte[] hardwareAddressUnsafe() {
    return hardwareAddress;
  }

  /** Returns the hardware address as colon-separated lowercase hex, as in {@code 52:54:00:12:34:56}. */
  public String hardwareAddressText() {
    return HexFormat.ofDelimiter(":").formatHex(hardwareAddress);
  }

  /** Returns {@code sname}, up to its first NUL, one char per byte; empty when overloaded. */
  public String serverName() {
    return serverName;
  }

  /** Returns {@code file}, up to its first NUL, one char per byte; empty when overloaded. */
  public String bootFileName() {
    return bootFileName;
  }

  /** Returns the options, in wire order. */
  public DhcpOptions options() {
    return options;
  }

  /** Returns the message type (option 53), or {@code null} for BOOTP or a malformed option 53. */
  public @Nullable DhcpMessageType messageType() {
    int index = options.indexOf(53);
    if (index < 0 || options.lengthAt(index) != 1) {
      return null;
    }
    return DhcpMessageType.valueOf(options.data()[options.offsetAt(index)] & 0xFF);
  }

  /**
   * Returns the typed value of an option; shorthand for {@code options().get(type)}.
   *
   * @throws DhcpParseException if the option is present but malformed
   */
  public <T> Optional<T> option(DhcpOptionType<T> type) {
    return options.get(type);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof DhcpMessage)) {
      return false;
    }
    DhcpMessage m = (DhcpMessage) o;
    return op == m.op
        && hardwareType.equals(m.hardwareType)
        && hops == m.hops
        && transactionId == m.transactionId
        && seconds == m.seconds
        && flags == m.flags
        && clientAddress == m.clientAddress
        && yourAddress == m.yourAddress
        && serverAddress == m.serverAddress
        && gatewayAddress == m.gatewayAddress
        && Arrays.equals(hardwareAddress, m.hardwareAddress)
        && serverName.equals(m.serverName)
        && bootFileName.equals(m.bootFileName)
        && options.equals(m.options);
  }

  @Override
  public int hashCode() {
    int h = transactionId;
    h = 31 * h + Arrays.hashCode(hardwareAddress);
    h = 31 * h + options.hashCode();
    return h;
  }

  /** Returns a one-line summary: type, xid, client, addresses that are set, file. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("DhcpMessage(");
    DhcpMessageType type = messageType();
    sb.append(type != null ? type.name() : op.name())
        .append(", xid 0x").append(String.format("%08x", transactionId))
        .append(", chaddr ").append(hardwareAddressText());
    appendAddress(sb, "ciaddr", clientAddress);
    appendAddress(sb, "yiaddr", yourAddress);
    appendAddress(sb, "siaddr", serverAddress);
    appendAddress(sb, "giaddr", gatewayAddress);
    if (!bootFileName.isEmpty()) {
      sb.append(", file \"").append(bootFileName).append('"');
    }
    return sb.append(", ").append(options.size()).append(" options)").toString();
  }

  private static void appendAddress(StringBuilder sb, String name, int bits) {
    if (bits != 0) {
      sb.append(", ").append(name).append(' ').append(Wire.ipv4(bits).getHostAddress());
    }
  }

  /** Builds a {@link DhcpMessage}. */
  public static final class Builder {
    private DhcpOp op = DhcpOp.BOOTREQUEST;
    private HardwareType hardwareType = HardwareType.ETHERNET;
    private int hops;
    private int transactionId;
    private int seconds;
    private int flags;
    private int clientAddress;
    private int yourAddress;
    private int serverAddress;
    private int gatewayAddress;
    private byte[] hardwareAddress = NO_ADDRESS;
    private String serverName = "";
    private String bootFileName = "";
    private DhcpOptions options = DhcpOptions.empty();
    private DhcpOptions.@Nullable Builder optionsBuilder;

    private Builder() {}

    private Builder(DhcpMessage m) {
      op = m.op;
      hardwareType = m.hardwareType;
      hops = m.hops;
      transactionId = m.transactionId;
      seconds = m.seconds;
      flags = m.flags;
      clientAddress = m.clientAddress;
      yourAddress = m.yourAddress;
      serverAddress = m.serverAddress;
      gatewayAddress = m.gatewayAddress;
      hardwareAddress = m.hardwareAddress;
      serverName = m.serverName;
      bootFileName = m.bootFileName;
      options = m.options;
    }

    /** Sets {@code op}. */
    public Builder op(DhcpOp op) {
      this.op = op;
      return this;
    }

    /** Sets {@code htype}. */
    public Builder hardwareType(HardwareType hardwareType) {
      this.hardwareType = hardwareType;
      return this;
    }

    /**
     * Sets {@code hops}.
     *
     * @throws IllegalArgumentException if outside 0..255
     */
    public Builder hops(int hops) {
      this.hops = checkRange("hops", hops, 0xFF);
      return this;
    }

    /** Sets {@code xid}. */
    public Builder transactionId(int transactionId) {
      this.transactionId = transactionId;
      return this;
    }

    /**
     * Sets {@code secs}.
     *
     * @throws IllegalArgumentException if outside 0..65535
     */
    public Builder seconds(int seconds) {
      this.seconds = checkRange("secs", seconds, 0xFFFF);
      return this;
    }

    /**
     * Sets all 16 bits of {@code flags}.
     *
     * @throws IllegalArgumentException if outside 0..65535
     */
    public Builder flags(int flags) {
      this.flags = checkRange("flags", flags, 0xFFFF);
      return this;
    }

    /** Sets or clears the broadcast bit of {@code flags}. */
    public Builder broadcast(boolean broadcast) {
      this.flags = broadcast ? flags | FLAG_BROADCAST : flags & ~FLAG_BROADCAST;
      return this;
    }

    /** Sets {@code ciaddr}. */
    public Builder clientAddress(Inet4Address address) {
      this.clientAddress = Wire.ipv4Bits(address);
      return this;
    }

    /** Sets {@code yiaddr}. */
    public Builder yourAddress(Inet4Address address) {
      this.yourAddress = Wire.ipv4Bits(address);
      return this;
    }

    /** Sets {@code siaddr}, the next server. */
    public Builder serverAddress(Inet4Address address) {
      this.serverAddress = Wire.ipv4Bits(address);
      return this;
    }

    /** Sets {@code giaddr}. */
    public Builder gatewayAddress(Inet4Address address) {
      this.gatewayAddress = Wire.ipv4Bits(address);
      return this;
    }

    /**
     * Sets the client hardware address; its length becomes {@code hlen}.
     *
     * @throws IllegalArgumentException if longer than 16 bytes
     */
    public Builder hardwareAddress(byte[] address) {
      if (address.length > MAX_HARDWARE_ADDRESS_LENGTH) {
        throw new IllegalArgumentException(
            "hardware address length: " + address.length + " (expected: 0-16)");
      }
      this.hardwareAddress = address.clone();
      return this;
    }

    /**
     * Sets {@code sname}.
     *
     * @throws IllegalArgumentException if longer than 64 bytes, or holding NUL or a char above
     *     U+00FF
     */
    public Builder serverName(String serverName) {
      this.serverName = checkField("sname", serverName, SERVER_NAME_LENGTH);
      return this;
    }

    /**
     * Sets {@code file}.
     *
     * @throws IllegalArgumentException if longer than 128 bytes, or holding NUL or a char above
     *     U+00FF
     */
    public Builder bootFileName(String bootFileName) {
      this.bootFileName = checkField("file", bootFileName, BOOT_FILE_NAME_LENGTH);
      return this;
    }

    /** Replaces all options. */
    public Builder options(DhcpOptions options) {
      this.options = options;
      this.optionsBuilder = null;
      return this;
    }

    /** Adds or replaces one option, keeping the place of an existing one. */
    public Builder option(DhcpOption option) {
      optionsBuilder().set(option);
      return this;
    }

    /** Adds or replaces one option from its typed value. */
    public <T> Builder option(DhcpOptionType<T> type, T value) {
      optionsBuilder().set(type, value);
      return this;
    }

    /** Removes the option with this code, if present. */
    public Builder removeOption(DhcpOptionCode code) {
      optionsBuilder().remove(code);
      return this;
    }

    private DhcpOptions.Builder optionsBuilder() {
      DhcpOptions.Builder b = optionsBuilder;
      if (b == null) {
        b = options.toBuilder();
        optionsBuilder = b;
      }
      return b;
    }

    /** Returns the message. */
    public DhcpMessage build() {
      if (optionsBuilder != null) {
        options = optionsBuilder.build();
        optionsBuilder = null;
      }
      return new DhcpMessage(op, hardwareType, hops, transactionId, seconds, flags,
          clientAddress, yourAddress, serverAddress, gatewayAddress, hardwareAddress, serverName,
          bootFileName, options);
    }

    private static int checkRange(String name, int value, int max) {
      if (value < 0 || value > max) {
        throw new IllegalArgumentException(name + ": " + value + " (expected: 0-" + max + ")");
      }
      return value;
    }

    private static String checkField(String name, String value, int size) {
      if (value.length() > size) {
        throw new IllegalArgumentException(
            name + " length: " + value.length() + " (expected: 0-" + size + ")");
      }
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if (c == 0 || c > 0xFF) {
          throw new IllegalArgumentException(
              name + ": char U+" + Integer.toHexString(c) + " at " + i
                  + " (expected: U+0001-U+00FF)");
        }
      }
      return value;
    }
  }
}
