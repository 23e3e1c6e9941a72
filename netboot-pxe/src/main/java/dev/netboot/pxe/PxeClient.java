package dev.netboot.pxe;

import dev.netboot.dhcp.ClientArchitecture;
import dev.netboot.dhcp.ClientMachineId;
import dev.netboot.dhcp.ClientNetworkInterface;
import dev.netboot.dhcp.DhcpMessage;
import dev.netboot.dhcp.DhcpMessageType;
import dev.netboot.dhcp.DhcpOptionType;
import dev.netboot.dhcp.DhcpParseException;
import dev.netboot.dhcp.IpxeOptionCode;
import dev.netboot.dhcp.IpxeOptions;
import dev.netboot.dhcp.UserClass;
import dev.netboot.dhcp.VendorClass;
import java.net.Inet4Address;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Who sent a request, read from that one request: MAC, GUID (option 97), architecture (option 93,
 * else the {@code Arch:} field of option 60), UNDI version (option 94), PXE or HTTP client, iPXE
 * and its features (option 77 {@code iPXE}, option 175), and the relay (giaddr).
 *
 * <p>A malformed option counts as absent: one bad option must not stop a machine from booting.
 * Whether an iPXE is one we chainloaded cannot be read from a single request (the chainloaded
 * {@code undionly.kpxe} sends what the ROM sent, see {@link ChainloadMemory}); this class only
 * reports what the request says.
 */
public final class PxeClient {
  private final DhcpMessage request;
  private final @Nullable VendorClass vendorClass;
  private final List<ClientArchitecture> architectures;
  private final @Nullable ClientArchitecture architecture;
  private final @Nullable ClientMachineId machineId;
  private final @Nullable ClientNetworkInterface networkInterface;
  private final @Nullable UserClass userClass;
  private final @Nullable IpxeOptions ipxeOptions;
  private final @Nullable BootItem bootItem;
  private final @Nullable Integer maxMessageSize;

  private PxeClient(DhcpMessage request) {
    this.request = request;
    this.vendorClass = read(() -> request.option(DhcpOptionType.VENDOR_CLASS_IDENTIFIER));
    List<ClientArchitecture> archs =
        read(() -> request.option(DhcpOptionType.CLIENT_SYSTEM_ARCHITECTURE));
    this.architectures = archs != null ? archs : List.of();
    ClientArchitecture arch = architectures.isEmpty() ? null : architectures.get(0);
    if (arch == null && vendorClass != null) {
      arch = vendorClass.architecture().orElse(null);
    }
    this.architecture = arch;
    this.machineId = read(() -> request.option(DhcpOptionType.CLIENT_MACHINE_IDENTIFIER));
    this.networkInterface = read(() -> request.option(DhcpOptionType.CLIENT_NETWORK_INTERFACE));
    this.userClass = read(() -> request.option(DhcpOptionType.USER_CLASS));
    this.ipxeOptions = read(() -> request.option(DhcpOptionType.IPXE_ENCAPSULATED));
    PxeOptions pxe = read(() -> request.option(PxeOptions.OPTION_TYPE));
    this.bootItem = pxe != null ? pxe.bootItem().orElse(null) : null;
    this.maxMessageSize = read(() -> request.option(DhcpOptionType.MAXIMUM_MESSAGE_SIZE));
  }

  private static <T> @Nullable T read(Supplier<Optional<T>> option) {
    try {
      return option.get().orElse(null);
    } catch (DhcpParseException e) {
      return null;
    }
  }

  /** Reads a client from its request; never throws for malformed options. */
  public static PxeClient of(DhcpMessage request) {
    return new PxeClient(request);
  }

  /** Returns the request this description was read from. */
  public DhcpMessage request() {
    return request;
  }

  /** Returns the message type (option 53), or {@code null} for BOOTP. */
  public @Nullable DhcpMessageType messageType() {
    return request.messageType();
  }

  /** Returns a copy of the client hardware address (chaddr). */
  public byte[] hardwareAddress() {
    return request.hardwareAddress();
  }

  /** Returns the hardware address as {@code 52:54:00:12:34:56}. */
  public String macText() {
    return request.hardwareAddressText();
  }

  /** Returns the client machine identifier (option 97), usually the SMBIOS UUID. */
  public Optional<ClientMachineId> machineId() {
    return Optional.ofNullable(machineId);
  }

  /** Returns the first architecture of option 93, else the one in option 60's {@code Arch:}. */
  public Optional<ClientArchitecture> architecture() {
    return Optional.ofNullable(architecture);
  }

  /** Returns every architecture option 93 lists; empty when absent or malformed. */
  public List<ClientArchitecture> architectures() {
    return architectures;
  }

  /** Returns the network interface identifier (option 94): UNDI and its version. */
  public Optional<ClientNetworkInterface> networkInterface() {
    return Optional.ofNullable(networkInterface);
  }

  /** Returns the vendor class (option 60). */
  public Optional<VendorClass> vendorClass() {
    return Optional.ofNullable(vendorClass);
  }

  /** Returns whether option 60 starts with {@code PXEClient} (PXE 2.1 section 2.2.4). */
  public boolean isPxeClient() {
    return vendorClass != null && vendorClass.isPxeClient();
  }

  /** Returns whether option 60 starts with {@code HTTPClient} (UEFI HTTP Boot). */
  public boolean isHttpClient() {
    return vendorClass != null && vendorClass.isHttpClient();
  }

  /**
   * Returns whether this is a network-boot client at all: vendor class {@code PXEClient} or
   * {@code HTTPClient}. A ProxyDHCP server answers no one else (PXE 2.1 section 2.2.5).
   */
  public boolean isPxe() {
    return isPxeClient() || isHttpClient();
  }

  /** Returns the user class (option 77). */
  public Optional<UserClass> userClass() {
    return Optional.ofNullable(userClass);
  }

  /** Returns whether one of the user classes is exactly {@code name}. */
  public boolean hasUserClass(String name) {
    return userClass != null && userClass.contains(name);
  }

  /** Returns whether the client is iPXE: user class {@code iPXE} or iPXE's option 175. */
  public boolean isIpxe() {
    return hasUserClass(UserClass.IPXE) || ipxeOptions != null;
  }

  /** Returns iPXE's option 175, when sent. */
  public Optional<IpxeOptions> ipxeOptions() {
    return Optional.ofNullable(ipxeOptions);
  }

  /** Returns the iPXE features announced in option 175; empty for any other client. */
  public Set<IpxeOptionCode> ipxeFeatures() {
    return ipxeOptions != null ? ipxeOptions.features() : Set.of();
  }

  /** Returns whether iPXE announced HTTP (175.19), so a script URL over HTTP will work. */
  public boolean ipxeCanHttp() {
    return ipxeFeatures().contains(IpxeOptionCode.FEATURE_HTTP);
  }

  /** Returns the relay agent's address (giaddr), when the request was relayed. */
  public Optional<Inet4Address> relayAddress() {
    Inet4Address giaddr = request.gatewayAddress();
    return giaddr.isAnyLocalAddress() ? Optional.empty() : Optional.of(giaddr);
  }

  /** Returns the boot item (43.71) of a boot server request. */
  public Optional<BootItem> bootItem() {
    return Optional.ofNullable(bootItem);
  }

  /** Returns the client's maximum DHCP message size (option 57). */
  public Optional<Integer> maxMessageSize() {
    return Optional.ofNullable(maxMessageSize);
  }

  /** Returns the family that decides the shape of the answer. */
  public ClientFamily family() {
    if (!isPxe()) {
      return ClientFamily.NOT_PXE;
    }
    if (isIpxe()) {
      return ClientFamily.IPXE;
    }
    if (isHttpClient() || (architecture != null && architecture.isHttpBoot())) {
      return ClientFamily.HTTP_BOOT;
    }
    // PXE 2.1 predates option 93; a ROM that sends neither 93 nor Arch: is a BIOS ROM.
    if (architecture == null || architecture.equals(ClientArchitecture.X86_BIOS)) {
      return ClientFamily.BIOS_PXE;
    }
    return ClientFamily.UEFI_PXE;
  }

  @Override
  public String toString() {
    return "PxeClient(" + macText() + ", " + family()
        + (architecture != null ? ", arch " + architecture : "")
        + (vendorClass != null ? ", " + vendorClass.text() : "")
        + (relayAddress().isPresent() ? ", via " + relayAddress().get().getHostAddress() : "")
        + ")";
  }
}
