package dev.netboot.pxe;

import dev.netboot.dhcp.DhcpOptionCode;
import dev.netboot.dhcp.DhcpOptionType;
import dev.netboot.dhcp.DhcpParseException;
import dev.netboot.dhcp.SubOption;
import dev.netboot.dhcp.SubOptions;
import java.net.Inet4Address;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Option 43 as PXE 2.1 (section 2.4.4, table 2-1) defines it for {@code PXEClient}: encapsulated
 * sub-options, some typed, the rest, including the vendor range 128-254, kept as bytes.
 *
 * <p>Immutable; build one with {@link #builder()}, change one with {@link #toBuilder()}. Order is
 * kept, and re-encoding a decoded value gives the same bytes but for pad bytes, which are
 * dropped. Known sub-options are checked when decoded, so the typed getters never throw.
 *
 * <p>Keep what we send within {@link #SINGLE_OPTION_LENGTH}: a longer option 43 is split into
 * several options (RFC 3396), which Wireshark does not join and PXE ROMs probably do not either.
 */
public final class PxeOptions {
  /** The most value bytes one DHCP option carries; see the class comment. */
  public static final int SINGLE_OPTION_LENGTH = 255;

  /** The typed view of option 43 for {@link dev.netboot.dhcp.DhcpMessage#option}. */
  public static final DhcpOptionType<PxeOptions> OPTION_TYPE =
      new DhcpOptionType<>(DhcpOptionCode.VENDOR_SPECIFIC, PxeOptions::decodeForDhcp,
          PxeOptions::encode);

  private static final PxeOptions EMPTY = new PxeOptions(List.of(), true);

  private final List<SubOption> subOptions;
  private final boolean terminated;

  private PxeOptions(List<SubOption> subOptions, boolean terminated) {
    this.subOptions = subOptions;
    this.terminated = terminated;
  }

  /** Returns the options with no sub-options. */
  public static PxeOptions empty() {
    return EMPTY;
  }

  /** Returns a builder for new options. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder that starts from these options. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.subOptions.addAll(subOptions);
    b.terminated = terminated;
    return b;
  }

  /**
   * Decodes option 43's value.
   *
   * @throws PxeParseException if a sub-option runs past the end or a known one is malformed
   */
  public static PxeOptions decode(byte[] value) {
    List<SubOption> list;
    try {
      list = SubOptions.parse(value, true);
    } catch (DhcpParseException e) {
      throw new PxeParseException(e.reason(), e.offset());
    }
    int at = 0;
    for (SubOption s : list) {
      at = nextSubOption(value, at, s.code());
      try {
        PxeValues.validate(s.code(), s.value());
      } catch (PxeParseException e) {
        throw new PxeParseException(e.reason(), at + 2 + e.offset());
      }
      at += 2 + s.length();
    }
    boolean terminated = at < value.length && (value[nextNonPad(value, at)] & 0xFF) == SubOptions.END;
    return new PxeOptions(List.copyOf(list), terminated);
  }

  private static int nextSubOption(byte[] value, int at, int code) {
    int i = nextNonPad(value, at);
    assert (value[i] & 0xFF) == code;
    return i;
  }

  private static int nextNonPad(byte[] value, int at) {
    int i = at;
    while (i < value.length - 1 && value[i] == SubOptions.PAD) {
      i++;
    }
    return i;
  }

  private static PxeOptions decodeForDhcp(byte[] value) {
    try {
      return decode(value);
    } catch (PxeParseException e) {
      // DhcpOptions.get promises DhcpParseException for a malformed option.
      throw new DhcpParseException(e.reason(), e.offset());
    }
  }

  /** Returns option 43's value: the sub-options in order, then the end code if there was one. */
  public byte[] encode() {
    return SubOptions.write(subOptions, terminated);
  }

  /** Returns the sub-options in order, typed or not. */
  public List<SubOption> subOptions() {
    return subOptions;
  }

  /** Returns whether there are no sub-options. */
  public boolean isEmpty() {
    return subOptions.isEmpty();
  }

  /** Returns the value of the first sub-option with this code. */
  public Optional<byte[]> get(PxeSubOptionCode code) {
    SubOption s = find(code.code());
    return s == null ? Optional.empty() : Optional.of(s.value());
  }

  /** Returns the vendor sub-options (codes 128-254), in order, as bytes. */
  public List<SubOption> vendorSubOptions() {
    List<SubOption> list = new ArrayList<>();
    for (SubOption s : subOptions) {
      if (PxeSubOptionCode.valueOf(s.code()).isVendorSpecific()) {
        list.add(s);
      }
    }
    return Collections.unmodifiableList(list);
  }

  private @Nullable SubOption find(int code) {
    for (SubOption s : subOptions) {
      if (s.code() == code) {
        return s;
      }
    }
    return null;
  }

  /** Returns 43.1, the MTFTP multicast address. */
  public Optional<Inet4Address> mtftpAddress() {
    return get(PxeSubOptionCode.MTFTP_IP).map(v -> PxeValues.ipv4(v, 0));
  }

  /** Returns 43.2, the MTFTP client port. */
  public Optional<Integer> mtftpClientPort() {
    return get(PxeSubOptionCode.MTFTP_CLIENT_PORT).map(v -> PxeValues.uint16(v, 0));
  }

  /** Returns 43.3, the MTFTP server port. */
  public Optional<Integer> mtftpServerPort() {
    return get(PxeSubOptionCode.MTFTP_SERVER_PORT).map(v -> PxeValues.uint16(v, 0));
  }

  /** Returns 43.4, the MTFTP listen timeout in seconds. */
  public Optional<Integer> mtftpTimeout() {
    return get(PxeSubOptionCode.MTFTP_TIMEOUT).map(v -> v[0] & 0xFF);
  }

  /** Returns 43.5, the MTFTP reopen delay in seconds. */
  public Optional<Integer> mtftpDelay() {
    return get(PxeSubOptionCode.MTFTP_DELAY).map(v -> v[0] & 0xFF);
  }

  /** Returns 43.6, boot server discovery control. */
  public Optional<DiscoveryControl> discoveryControl() {
    return get(PxeSubOptionCode.DISCOVERY_CONTROL).map(v -> new DiscoveryControl(v[0] & 0xFF));
  }

  /** Returns 43.7, the multicast discovery address. */
  public Optional<Inet4Address> discoveryMulticastAddress() {
    return get(PxeSubOptionCode.DISCOVERY_MULTICAST_ADDRESS).map(v -> PxeValues.ipv4(v, 0));
  }

  /** Returns 43.8, the boot servers; empty when absent. */
  public List<BootServer> bootServers() {
    return get(PxeSubOptionCode.BOOT_SERVERS).map(PxeValues::bootServers).orElse(List.of());
  }

  /** Returns 43.9, the boot menu; empty when absent. */
  public List<BootMenuItem> bootMenu() {
    return get(PxeSubOptionCode.BOOT_MENU).map(PxeValues::menu).orElse(List.of());
  }

  /** Returns 43.10, the menu prompt. */
  public Optional<MenuPrompt> menuPrompt() {
    return get(PxeSubOptionCode.MENU_PROMPT).map(PxeValues::prompt);
  }

  /** Returns 43.71, the boot item. */
  public Optional<BootItem> bootItem() {
    return get(PxeSubOptionCode.BOOT_ITEM).map(PxeValues::bootItem);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof PxeOptions
        && ((PxeOptions) o).subOptions.equals(subOptions)
        && ((PxeOptions) o).terminated == terminated;
  }

  @Override
  public int hashCode() {
    return subOptions.hashCode();
  }

  /** Returns each sub-option by name, typed values rendered, others in hex. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("PxeOptions[");
    for (SubOption s : subOptions) {
      if (sb.length() > 11) {
        sb.append(", ");
      }
      PxeSubOptionCode code = PxeSubOptionCode.valueOf(s.code());
      sb.append(code.isKnown() ? code.name() : code.toString()).append('=');
      sb.append(render(s));
    }
    return sb.append(']').toString();
  }

  private Object render(SubOption s) {
    switch (s.code()) {
      case 6:
        return new DiscoveryControl(s.value()[0] & 0xFF);
      case 8:
        return PxeValues.bootServers(s.value());
      case 9:
        return PxeValues.menu(s.value());
      case 10:
        return PxeValues.prompt(s.value());
      case 71:
        return PxeValues.bootItem(s.value());
      default:
        return HexFormat.of().formatHex(s.value());
    }
  }

  /** Builds {@link PxeOptions}; setting a code again replaces it in place. */
  public static final class Builder {
    private final List<SubOption> subOptions = new ArrayList<>();
    private boolean terminated = true;

    private Builder() {}

    /**
     * Sets a sub-option from its bytes.
     *
     * @throws IllegalArgumentException if the code is outside 1..254, the value longer than 255
     *     bytes, or malformed for a sub-option PXE defines
     */
    public Builder set(int code, byte[] value) {
      SubOption option = SubOption.of(code, value);
      try {
        PxeValues.validate(code, value);
      } catch (PxeParseException e) {
        throw new IllegalArgumentException(
            "sub-option " + code + ": " + e.reason() + " (expected: PXE 2.1 table 2-1 layout)", e);
      }
      for (int i = 0; i < subOptions.size(); i++) {
        if (subOptions.get(i).code() == code) {
          subOptions.set(i, option);
          return this;
        }
      }
      subOptions.add(option);
      return this;
    }

    /** Removes the sub-option with this code, if present. */
    public Builder remove(PxeSubOptionCode code) {
      subOptions.removeIf(s -> s.code() == code.code());
      return this;
    }

    /** Sets 43.1, the MTFTP multicast address. */
    public Builder mtftpAddress(Inet4Address address) {
      return set(1, address.getAddress());
    }

    /**
     * Sets the MTFTP ports, 43.2 (client) and 43.3 (server).
     *
     * @throws IllegalArgumentException if a port is outside 0..65535
     */
    public Builder mtftpPorts(int clientPort, int serverPort) {
      checkRange("MTFTP port", clientPort, 0xFFFF);
      checkRange("MTFTP port", serverPort, 0xFFFF);
      set(2, PxeValues.uint16(clientPort));
      return set(3, PxeValues.uint16(serverPort));
    }

    /**
     * Sets 43.4 and 43.5, the MTFTP timeout and delay in seconds.
     *
     * @throws IllegalArgumentException if a value is outside 0..255
     */
    public Builder mtftpTimeouts(int timeoutSeconds, int delaySeconds) {
      checkRange("MTFTP timeout", timeoutSeconds, 0xFF);
      checkRange("MTFTP delay", delaySeconds, 0xFF);
      set(4, new byte[] {(byte) timeoutSeconds});
      return set(5, new byte[] {(byte) delaySeconds});
    }

    /** Sets 43.6, boot server discovery control. */
    public Builder discoveryControl(DiscoveryControl control) {
      return set(6, new byte[] {(byte) control.bits()});
    }

    /** Sets 43.7, the multicast discovery address. */
    public Builder discoveryMulticastAddress(Inet4Address address) {
      return set(7, address.getAddress());
    }

    /**
     * Sets 43.8, the boot servers.
     *
     * @throws IllegalArgumentException if they take more than 255 bytes
     */
    public Builder bootServers(List<BootServer> servers) {
      return set(8, PxeValues.bootServers(servers));
    }

    /**
     * Sets 43.9, the boot menu.
     *
     * @throws IllegalArgumentException if it takes more than 255 bytes
     */
    public Builder bootMenu(List<BootMenuItem> items) {
      return set(9, PxeValues.menu(items));
    }

    /** Sets 43.10, the menu prompt. */
    public Builder menuPrompt(MenuPrompt prompt) {
      return set(10, PxeValues.prompt(prompt));
    }

    /** Sets 43.71, the boot item. */
    public Builder bootItem(BootItem item) {
      return set(71, PxeValues.bootItem(item));
    }

    /**
     * Sets a vendor sub-option (PXE 2.1 reserves 128-254 for vendors).
     *
     * @throws IllegalArgumentException if the code is outside 128..254 or the value longer than
     *     255 bytes
     */
    public Builder vendor(int code, byte[] value) {
      checkRange("vendor sub-option code", code, 254);
      if (code < 128) {
        throw new IllegalArgumentException(
            "vendor sub-option code: " + code + " (expected: 128-254)");
      }
      return set(code, value);
    }

    /** Sets whether the encoding ends with the end code 255, as PXE 2.1 asks; default true. */
    public Builder terminated(boolean terminated) {
      this.terminated = terminated;
      return this;
    }

    /** Returns the options. */
    public PxeOptions build() {
      return new PxeOptions(List.copyOf(subOptions), terminated);
    }

    private static void checkRange(String name, int value, int max) {
      if (value < 0 || value > max) {
        throw new IllegalArgumentException(name + ": " + value + " (expected: 0-" + max + ")");
      }
    }
  }
}
