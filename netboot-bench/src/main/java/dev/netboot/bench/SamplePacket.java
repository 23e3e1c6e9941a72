package dev.netboot.bench;

import dev.netboot.dhcp.ClientArchitecture;
import dev.netboot.dhcp.ClientIdentifier;
import dev.netboot.dhcp.ClientMachineId;
import dev.netboot.dhcp.ClientNetworkInterface;
import dev.netboot.dhcp.DhcpMessage;
import dev.netboot.dhcp.DhcpMessageEncoder;
import dev.netboot.dhcp.DhcpMessageType;
import dev.netboot.dhcp.DhcpOp;
import dev.netboot.dhcp.DhcpOptionCode;
import dev.netboot.dhcp.DhcpOptionType;
import dev.netboot.dhcp.HardwareType;
import dev.netboot.dhcp.IpxeOptionCode;
import dev.netboot.dhcp.IpxeOptions;
import dev.netboot.dhcp.UserClass;
import dev.netboot.dhcp.VendorClass;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * The DHCP messages the benchmarks decode and encode. They are built with netboot's own builder,
 * so that the benchmark jar reads no file; {@code SamplePacketTest} checks the DISCOVER against
 * the capture it mirrors.
 */
public enum SamplePacket {
  /**
   * The DHCPDISCOVER of iPXE 1.0.0 in QEMU's e1000 option ROM (SeaBIOS): 400 bytes, 10 options.
   * Field for field the capture {@code netboot-dhcp/src/test/resources/dhcp/captures/
   * seabios-ipxe-rom/001-client-DISCOVER.hex}.
   */
  PXE_DISCOVER(SamplePacket::seabiosIpxeDiscover),
  /**
   * A ProxyDHCP DHCPOFFER (PXE 2.1 section 2.2.4) answering {@link #PXE_DISCOVER}: no address
   * offered, siaddr and file name set, PXE discovery control in option 43. 300 bytes, 5 options.
   */
  PROXY_DHCP_OFFER(SamplePacket::proxyDhcpOffer);

  /** QEMU's MAC for the capture's NIC. */
  private static final byte[] CLIENT_MAC = {0x52, 0x54, 0x00, 0x77, 0x00, 0x0a};
  /** The capture's {@code -uuid}; its first bytes spell "Netboot". */
  private static final UUID CLIENT_UUID = UUID.fromString("4e657462-6f6f-7401-8000-52540077000a");
  /** The xid of one capture run; captures/README.md says it differs from run to run. */
  private static final int TRANSACTION_ID = 0x89cef833;
  /** The ProxyDHCP server of the capture (dnsmasq in proxy mode), also the TFTP server. */
  private static final Inet4Address PROXY_SERVER = ipv4(10, 77, 0, 2);

  private final Supplier<DhcpMessage> factory;

  SamplePacket(Supplier<DhcpMessage> factory) {
    this.factory = factory;
  }

  /** Returns the message, built anew. */
  public DhcpMessage message() {
    return factory.get();
  }

  /** Returns the message as it travels, encoded by netboot. */
  public byte[] wire() {
    return DhcpMessageEncoder.toBytes(message());
  }

  private static DhcpMessage seabiosIpxeDiscover() {
    // iPXE's parameter request list, in its order: the usual network options, PXE's 128-135,
    // its own 175 and 203 (iSCSI initiator IQN).
    List<DhcpOptionCode> requested =
        IntStream.of(
                1, 3, 6, 7, 12, 15, 17, 26, 43, 60, 66, 67, 119, 128, 129, 130, 131, 132, 133,
                134, 135, 175, 203)
            .mapToObj(DhcpOptionCode::valueOf)
            .toList();
    IpxeOptions ipxeFeatures =
        IpxeOptions.builder()
            .add(IpxeOptionCode.BUS_ID, new byte[] {0x01, (byte) 0x80, (byte) 0x86, 0x10, 0x0e})
            .add(IpxeOptionCode.VERSION, new byte[] {1, 0, 0})
            .flag(IpxeOptionCode.FEATURE_DNS)
            .flag(IpxeOptionCode.FEATURE_ELF)
            .flag(IpxeOptionCode.FEATURE_HTTP)
            .flag(IpxeOptionCode.FEATURE_ISCSI)
            .flag(IpxeOptionCode.FEATURE_MENU)
            .flag(IpxeOptionCode.FEATURE_MULTIBOOT)
            .flag(IpxeOptionCode.FEATURE_NFS)
            .add(IpxeOptionCode.FEATURE_PXE_EXT, new byte[] {2})
            .flag(IpxeOptionCode.FEATURE_PXE)
            .flag(IpxeOptionCode.FEATURE_TFTP)
            .flag(IpxeOptionCode.FEATURE_BZIMAGE)
            .flag(IpxeOptionCode.FEATURE_AOE)
            .build();
    return DhcpMessage.builder()
        .op(DhcpOp.BOOTREQUEST)
        .hardwareType(HardwareType.ETHERNET)
        .transactionId(TRANSACTION_ID)
        .seconds(4)
        .hardwareAddress(CLIENT_MAC)
        .option(DhcpOptionType.MESSAGE_TYPE, DhcpMessageType.DISCOVER)
        .option(DhcpOptionType.MAXIMUM_MESSAGE_SIZE, 1472)
        .option(DhcpOptionType.CLIENT_SYSTEM_ARCHITECTURE, List.of(ClientArchitecture.X86_BIOS))
        .option(DhcpOptionType.CLIENT_NETWORK_INTERFACE, ClientNetworkInterface.undi(2, 1))
        .option(
            DhcpOptionType.VENDOR_CLASS_IDENTIFIER,
            VendorClass.pxeClient(ClientArchitecture.X86_BIOS, 2, 1))
        .option(DhcpOptionType.USER_CLASS, UserClass.raw(UserClass.IPXE))
        .option(DhcpOptionType.PARAMETER_REQUEST_LIST, requested)
        .option(DhcpOptionType.IPXE_ENCAPSULATED, ipxeFeatures)
        .option(
            DhcpOptionType.CLIENT_IDENTIFIER,
            ClientIdentifier.ofHardwareAddress(HardwareType.ETHERNET, CLIENT_MAC))
        .option(DhcpOptionType.CLIENT_MACHINE_IDENTIFIER, ClientMachineId.ofUuid(CLIENT_UUID))
        .build();
  }

  private static DhcpMessage proxyDhcpOffer() {
    return DhcpMessage.builder()
        .op(DhcpOp.BOOTREPLY)
        .hardwareType(HardwareType.ETHERNET)
        .transactionId(TRANSACTION_ID)
        .seconds(4)
        .broadcast(true)
        .hardwareAddress(CLIENT_MAC)
        .serverAddress(PROXY_SERVER)
        .bootFileName("undionly.kpxe")
        .option(DhcpOptionType.MESSAGE_TYPE, DhcpMessageType.OFFER)
        .option(DhcpOptionType.SERVER_IDENTIFIER, PROXY_SERVER)
        .option(DhcpOptionType.VENDOR_CLASS_IDENTIFIER, VendorClass.of(VendorClass.PXE_CLIENT))
        .option(DhcpOptionType.CLIENT_MACHINE_IDENTIFIER, ClientMachineId.ofUuid(CLIENT_UUID))
        // PXE_DISCOVERY_CONTROL (6) = 8: boot the file named here, no boot server discovery.
        .option(DhcpOptionType.VENDOR_SPECIFIC, new byte[] {6, 1, 8, (byte) 0xff})
        .build();
  }

  private static Inet4Address ipv4(int a, int b, int c, int d) {
    try {
      return (Inet4Address) InetAddress.getByAddress(new byte[] {(byte) a, (byte) b, (byte) c,
          (byte) d});
    } catch (UnknownHostException e) {
      throw new AssertionError("four bytes always make an IPv4 address", e);
    }
  }
}
