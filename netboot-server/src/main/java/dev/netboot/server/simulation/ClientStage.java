package dev.netboot.server.simulation;

import dev.netboot.dhcp.ClientArchitecture;
import dev.netboot.dhcp.ClientMachineId;
import dev.netboot.dhcp.ClientNetworkInterface;
import dev.netboot.dhcp.DhcpMessage;
import dev.netboot.dhcp.DhcpMessageType;
import dev.netboot.dhcp.DhcpOp;
import dev.netboot.dhcp.DhcpOption;
import dev.netboot.dhcp.DhcpOptionCode;
import dev.netboot.dhcp.DhcpOptionType;
import dev.netboot.dhcp.HardwareType;
import dev.netboot.dhcp.UserClass;
import dev.netboot.dhcp.VendorClass;
import dev.netboot.pxe.BootItem;
import dev.netboot.pxe.PxeOptions;
import java.net.Inet4Address;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One program in a machine's boot chain (the ROM, then the iPXE it chainloads) and the DHCP
 * requests it sends, option for option as the captured firmware sends them.
 */
enum ClientStage {
  BIOS_ROM("BIOS PXE ROM", "PXEClient:Arch:00000:UNDI:002001", ClientArchitecture.X86_BIOS,
      2, 1, false, biosParameters()),
  UEFI_ROM("UEFI PXE", "PXEClient:Arch:00007:UNDI:003000", ClientArchitecture.X64_UEFI,
      3, 0, false, uefiParameters()),
  IPXE_ROM("iPXE ROM", "PXEClient:Arch:00000:UNDI:002001", ClientArchitecture.X86_BIOS,
      2, 1, true, ipxeParameters()),
  /** undionly.kpxe copies a bare {@code PXEClient} from the cached reply (FIRMWARE-NOTES.md). */
  IPXE_BIOS("iPXE (undionly.kpxe)", "PXEClient", ClientArchitecture.X86_BIOS,
      2, 1, true, ipxeParameters()),
  IPXE_EFI("iPXE (ipxe.efi)", "PXEClient:Arch:00007:UNDI:003010", ClientArchitecture.X64_UEFI,
      3, 16, true, ipxeParameters());

  /** The largest DHCP message the captured firmware accepts (option 57). */
  static final int MAX_MESSAGE_SIZE = 1472;

  /** Option 175 as QEMU's iPXE sends it: bus id, version 1.0.0, its feature flags (HTTP: 19). */
  private static final byte[] IPXE_ENCAPSULATED = HexFormat.of().parseHex(
      "b105018086100eeb03010000170101220101130101110101270101190101290101100102210101150101"
          + "180101120101");

  private final String displayName;
  private final String vendorClass;
  private final ClientArchitecture architecture;
  private final int undiMajor;
  private final int undiMinor;
  private final boolean ipxe;
  private final byte[] parameters;

  ClientStage(String displayName, String vendorClass, ClientArchitecture architecture,
      int undiMajor, int undiMinor, boolean ipxe, byte[] parameters) {
    this.displayName = displayName;
    this.vendorClass = vendorClass;
    this.architecture = architecture;
    this.undiMajor = undiMajor;
    this.undiMinor = undiMinor;
    this.ipxe = ipxe;
    this.parameters = parameters;
  }

  static ClientStage first(Firmware firmware) {
    switch (firmware) {
      case UEFI_PXE:
        return UEFI_ROM;
      case IPXE_ROM:
        return IPXE_ROM;
      default:
        return BIOS_ROM;
    }
  }

  /** The iPXE this stage runs when it is handed an iPXE binary. */
  ClientStage chainloaded() {
    return architecture.equals(ClientArchitecture.X86_BIOS) ? IPXE_BIOS : IPXE_EFI;
  }

  String displayName() {
    return displayName;
  }

  boolean isIpxe() {
    return ipxe;
  }

  /** Whether iPXE runs here because an earlier stage of this boot chainloaded it. */
  boolean isChainloaded() {
    return this == IPXE_BIOS || this == IPXE_EFI;
  }

  boolean isUefiRom() {
    return this == UEFI_ROM;
  }

  /** The TFTP options this program asks for (FIRMWARE-NOTES.md, "TFTP clients"). */
  Map<String, String> tftpOptions() {
    Map<String, String> options = new LinkedHashMap<>();
    if (this == UEFI_ROM) {
      options.put("blksize", "1468");
      options.put("windowsize", "4");
    } else {
      options.put("blksize", "1432");
      options.put("tsize", "0");
    }
    return options;
  }

  /** DHCPDISCOVER, broadcast as the firmware sends it. */
  DhcpMessage discover(byte[] mac, UUID uuid, int xid) {
    return base(mac, uuid, xid, DhcpMessageType.DISCOVER, Addresses.ZERO).build();
  }

  /** DHCPREQUEST on port 67 that takes a full DHCP server's offered address (RFC 2131 3.1). */
  DhcpMessage select(byte[] mac, UUID uuid, int xid, Inet4Address offered, Inet4Address server) {
    return base(mac, uuid, xid, DhcpMessageType.REQUEST, Addresses.ZERO)
        .option(DhcpOptionType.REQUESTED_IP_ADDRESS, offered)
        .option(DhcpOptionType.SERVER_IDENTIFIER, server)
        .build();
  }

  /**
   * DHCPREQUEST to UDP 4011 from a configured client: a boot server request for {@code item}
   * (PXE 2.1 section 2.2.5), or with no item a BINL / iPXE ProxyDHCP request.
   */
  DhcpMessage bootServerRequest(byte[] mac, UUID uuid, int xid, Inet4Address clientAddress,
      @Nullable BootItem item) {
    DhcpMessage.Builder b = base(mac, uuid, xid, DhcpMessageType.REQUEST, clientAddress);
    if (item != null) {
      b.option(PxeOptions.OPTION_TYPE, PxeOptions.builder().bootItem(item).build());
    }
    return b.build();
  }

  private DhcpMessage.Builder base(byte[] mac, UUID uuid, int xid, DhcpMessageType type,
      Inet4Address clientAddress) {
    DhcpMessage.Builder b = DhcpMessage.builder()
        .op(DhcpOp.BOOTREQUEST)
        .hardwareType(HardwareType.ETHERNET)
        .hardwareAddress(mac)
        .transactionId(xid)
        .clientAddress(clientAddress)
        // edk2 asks for broadcast replies; BIOS ROMs and iPXE do not.
        .broadcast(this == UEFI_ROM && clientAddress.isAnyLocalAddress())
        .option(DhcpOptionType.MESSAGE_TYPE, type)
        .option(DhcpOptionType.MAXIMUM_MESSAGE_SIZE, MAX_MESSAGE_SIZE)
        .option(DhcpOption.of(DhcpOptionCode.PARAMETER_REQUEST_LIST, parameters))
        .option(DhcpOptionType.VENDOR_CLASS_IDENTIFIER, VendorClass.of(vendorClass))
        .option(DhcpOptionType.CLIENT_SYSTEM_ARCHITECTURE, List.of(architecture))
        .option(DhcpOptionType.CLIENT_NETWORK_INTERFACE,
            ClientNetworkInterface.undi(undiMajor, undiMinor))
        .option(DhcpOptionType.CLIENT_MACHINE_IDENTIFIER, ClientMachineId.ofUuid(uuid));
    if (ipxe) {
      // The captured iPXE sends its user class as raw bytes, not RFC 3004 encoded.
      b.option(DhcpOptionType.USER_CLASS, UserClass.raw(UserClass.IPXE));
      b.option(DhcpOption.of(DhcpOptionCode.IPXE_ENCAPSULATED, IPXE_ENCAPSULATED.clone()));
      byte[] clientId = new byte[mac.length + 1];
      clientId[0] = 1;
      System.arraycopy(mac, 0, clientId, 1, mac.length);
      b.option(DhcpOption.of(DhcpOptionCode.CLIENT_IDENTIFIER, clientId));
    }
    return b;
  }

  // Parameter request lists (option 55) as captured.
  private static byte[] biosParameters() {
    return HexFormat.of().parseHex(
        "0102030405060c0d0f111216171c28292a2b3233363a3b3c42438081828384858687");
  }

  private static byte[] uefiParameters() {
    return HexFormat.of().parseHex(
        "0102030405060c0d0f111216171c28292a2b3233363a3b3c4243618081828384858687");
  }

  private static byte[] ipxeParameters() {
    return HexFormat.of().parseHex("010306070c0f111a2b3c4243778081828384858687afcb");
  }
}
