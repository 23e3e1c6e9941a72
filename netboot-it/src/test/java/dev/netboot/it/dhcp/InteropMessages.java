package dev.netboot.it.dhcp;

import dev.netboot.dhcp.ClientArchitecture;
import dev.netboot.dhcp.ClientIdentifier;
import dev.netboot.dhcp.ClientMachineId;
import dev.netboot.dhcp.ClientNetworkInterface;
import dev.netboot.dhcp.DhcpMessage;
import dev.netboot.dhcp.DhcpMessageDecoder;
import dev.netboot.dhcp.DhcpMessageEncoder;
import dev.netboot.dhcp.DhcpMessageType;
import dev.netboot.dhcp.DhcpOp;
import dev.netboot.dhcp.DhcpOption;
import dev.netboot.dhcp.DhcpOptionCode;
import dev.netboot.dhcp.DhcpOptionType;
import dev.netboot.dhcp.HardwareType;
import dev.netboot.dhcp.IpxeOptionCode;
import dev.netboot.dhcp.IpxeOptions;
import dev.netboot.dhcp.RelayAgentInformation;
import dev.netboot.dhcp.SubOption;
import dev.netboot.dhcp.SubOptions;
import dev.netboot.dhcp.UserClass;
import dev.netboot.dhcp.VendorClass;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The DHCP messages that interop tests send to real peers: the boot exchanges netboot serves
 * (BIOS and UEFI PXE, UEFI HTTP Boot, iPXE, ProxyDHCP, boot server, PXELINUX), the encoder's hard
 * cases (RFC 3396 long options, option overload), and every captured message of
 * netboot-dhcp's {@code src/test/resources/dhcp/captures}, both as captured and decoded and
 * encoded again.
 */
final class InteropMessages {
  /**
   * netboot-dhcp's capture folder, relative to this module's directory (the tests' working
   * directory); the captures stay beside the codec they were recorded for.
   */
  static final Path CAPTURES = Path.of("..", "netboot-dhcp", "src", "test", "resources", "dhcp",
      "captures");

  static final Inet4Address SERVER = ip("192.168.50.1");
  static final Inet4Address CLIENT = ip("192.168.50.100");
  static final Inet4Address RELAY = ip("192.168.60.1");
  static final byte[] CLIENT_MAC = mac("52:54:00:12:34:56");
  /** SMBIOS UUID of the client; QEMU would take it from {@code -uuid}. */
  static final UUID CLIENT_UUID = UUID.fromString("8a6a3f5e-1c2b-4d3e-9f10-0123456789ab");

  /**
   * One message and the bytes netboot's encoder made of it.
   *
   * @param name what the message is, for assertion messages
   * @param message the message as netboot models it
   * @param payload the encoded UDP payload
   * @param overload the option 52 value the payload must carry, 0 for none
   * @param maxMessageSize the option 57 limit the payload was encoded within, 0 for none
   */
  record Sample(
      String name, DhcpMessage message, byte[] payload, int overload, int maxMessageSize) {
    /** Returns whether a client sends this message (BOOTREQUEST, from port 68 to 67). */
    boolean fromClient() {
      return message.op() == DhcpOp.BOOTREQUEST;
    }
  }

  private InteropMessages() {}

  /** Returns the built samples, then the captured ones. */
  static List<Sample> all() {
    List<Sample> samples = new ArrayList<>(built());
    samples.addAll(captured());
    return samples;
  }

  /** Returns the messages built with netboot's builders. */
  static List<Sample> built() {
    List<Sample> s = new ArrayList<>();
    s.add(encoded("BIOS PXE DISCOVER", biosDiscover()));
    s.add(encoded("BIOS PXE REQUEST", biosDiscover().toBuilder()
        .option(DhcpOptionType.MESSAGE_TYPE, DhcpMessageType.REQUEST)
        .option(DhcpOptionType.REQUESTED_IP_ADDRESS, CLIENT)
        .option(DhcpOptionType.SERVER_IDENTIFIER, SERVER)
        .build()));
    s.add(encoded("UEFI x64 PXE DISCOVER", uefiDiscover(ClientArchitecture.X64_UEFI, false)));
    s.add(encoded("UEFI ARM64 PXE DISCOVER", uefiDiscover(ClientArchitecture.ARM64_UEFI, false)));
    s.add(encoded("UEFI HTTP Boot DISCOVER", uefiDiscover(ClientArchitecture.X64_UEFI_HTTP, true)));
    s.add(encoded("UEFI HTTP Boot OFFER", httpBootOffer()));
    s.add(encoded("iPXE DISCOVER", ipxeRequest(DhcpMessageType.DISCOVER)));
    s.add(encoded("iPXE REQUEST", ipxeRequest(DhcpMessageType.REQUEST)));
    s.add(encoded("iPXE OFFER with script and keep-san", ipxeOffer()));
    s.add(encoded("ProxyDHCP OFFER, PXE boot file only", proxyOffer(new byte[] {6, 1, 8, -1})));
    s.add(encoded("ProxyDHCP OFFER with boot menu", proxyOffer(bootMenu())));
    s.add(encoded("boot server REQUEST (port 4011 style)", bootServerRequest()));
    s.add(encoded("boot server ACK", bootServerAck()));
    s.add(encoded("OFFER with RFC 3004 user class", offerWithUserClass()));
    s.add(encoded("relayed DISCOVER with option 82", relayedDiscover()));
    s.add(encoded("ACK with a 300-byte option (RFC 3396)", longOptionAck()));
    s.add(encoded("ACK with a 300-byte domain search list (RFC 3396)", domainSearchAck()));
    s.add(overloaded("ACK overloaded into file and sname (576)", overloadedAck(), 576, 3));
    s.add(overloaded("ACK overloaded into sname only, file in use (576)",
        overloadedAck().toBuilder()
            .bootFileName("pxelinux.0")
            .removeOption(DhcpOptionCode.TFTP_SERVER_NAME)
            .removeOption(DhcpOptionCode.BOOTFILE_NAME)
            .build(),
        576, 2));
    s.add(encoded("DISCOVER with empty option 80 and a 255-byte option", rapidCommitDiscover()));
    s.add(encoded("InfiniBand DISCOVER (htype 32, hlen 0)", infinibandDiscover()));
    s.add(encoded("PXELINUX ACK (208-211)", pxelinuxAck()));
    s.add(encoded("NAK", nak()));
    s.add(encoded("BOOTP reply", bootpReply()));
    return s;
  }

  private static Sample encoded(String name, DhcpMessage message) {
    return new Sample(name, message, DhcpMessageEncoder.toBytes(message), 0, 0);
  }

  private static Sample overloaded(String name, DhcpMessage message, int max, int overload) {
    return new Sample(
        name, message, DhcpMessageEncoder.toBytes(message, max), overload, max);
  }

  private static DhcpMessage.Builder request(DhcpMessageType type) {
    return DhcpMessage.builder()
        .op(DhcpOp.BOOTREQUEST)
        .hardwareType(HardwareType.ETHERNET)
        .transactionId(0x5a17c0de)
        .seconds(4)
        .broadcast(true)
        .hardwareAddress(CLIENT_MAC)
        .option(DhcpOptionType.MESSAGE_TYPE, type);
  }

  private static DhcpMessage.Builder reply(DhcpMessageType type) {
    return DhcpMessage.builder()
        .op(DhcpOp.BOOTREPLY)
        .hardwareType(HardwareType.ETHERNET)
        .transactionId(0x5a17c0de)
        .broadcast(true)
        .hardwareAddress(CLIENT_MAC)
        .option(DhcpOptionType.MESSAGE_TYPE, type);
  }

  /** What a PXE 2.1 BIOS ROM sends (PXE spec 2.1 section 2.2.1, RFC 4578). */
  private static DhcpMessage biosDiscover() {
    return request(DhcpMessageType.DISCOVER)
        .option(DhcpOptionType.MAXIMUM_MESSAGE_SIZE, 1260)
        .option(DhcpOptionType.PARAMETER_REQUEST_LIST, codes(1, 2, 3, 5, 6, 11, 12, 13, 15, 16,
            17, 18, 43, 54, 60, 67, 128, 129, 130, 131, 132, 133, 134, 135))
        .option(DhcpOptionType.CLIENT_SYSTEM_ARCHITECTURE, List.of(ClientArchitecture.X86_BIOS))
        .option(DhcpOptionType.CLIENT_NETWORK_INTERFACE, ClientNetworkInterface.undi(2, 1))
        .option(DhcpOptionType.CLIENT_MACHINE_IDENTIFIER, ClientMachineId.ofUuid(CLIENT_UUID))
        .option(DhcpOptionType.VENDOR_CLASS_IDENTIFIER,
            VendorClass.pxeClient(ClientArchitecture.X86_BIOS, 2, 1))
        .build();
  }

  private static DhcpMessage uefiDiscover(ClientArchitecture arch, boolean http) {
    DhcpMessage.Builder b = request(DhcpMessageType.DISCOVER)
        .option(DhcpOptionType.MAXIMUM_MESSAGE_SIZE, 1472)
        .option(DhcpOptionType.PARAMETER_REQUEST_LIST,
            codes(1, 2, 3, 4, 5, 6, 12, 13, 15, 17, 18, 22, 23, 28, 40, 41, 42, 43, 50, 51, 54,
                58, 59, 60, 66, 67, 97, 128, 129, 130, 131, 132, 133, 134, 135))
        .option(DhcpOptionType.CLIENT_MACHINE_IDENTIFIER, ClientMachineId.ofUuid(CLIENT_UUID))
        .option(DhcpOptionType.CLIENT_NETWORK_INTERFACE, ClientNetworkInterface.undi(3, 16));
    if (http) {
      // edk2's HttpBootDxe lists the HTTP type; a few firmwares list the PXE type as well.
      b.option(DhcpOptionType.CLIENT_SYSTEM_ARCHITECTURE,
              List.of(arch, ClientArchitecture.X64_UEFI))
          .option(DhcpOptionType.VENDOR_CLASS_IDENTIFIER, VendorClass.httpClient(arch, 3, 0));
    } else {
      b.option(DhcpOptionType.CLIENT_SYSTEM_ARCHITECTURE, List.of(arch))
          .option(DhcpOptionType.VENDOR_CLASS_IDENTIFIER, VendorClass.pxeClient(arch, 3, 16));
    }
    return b.build();
  }

  /** UEFI HTTP Boot wants option 60 HTTPClient and the boot URI in the file field. */
  private static DhcpMessage httpBootOffer() {
    return reply(DhcpMessageType.OFFER)
        .yourAddress(CLIENT)
        .serverAddress(SERVER)
        .bootFileName("http://192.168.50.1/boot/x64/bootx64.efi")
        .option(DhcpOptionType.SERVER_IDENTIFIER, SERVER)
        .option(DhcpOptionType.IP_ADDRESS_LEASE_TIME, 3600L)
        .option(DhcpOptionType.SUBNET_MASK, ip("255.255.255.0"))
        .option(DhcpOptionType.ROUTERS, List.of(SERVER))
        .option(DhcpOptionType.DOMAIN_NAME_SERVERS, List.of(SERVER, ip("192.168.50.2")))
        .option(DhcpOptionType.VENDOR_CLASS_IDENTIFIER, VendorClass.of(VendorClass.HTTP_CLIENT))
        .build();
  }

  /** What iPXE 1.21 sends: raw user class, its feature list in option 175, its bus id. */
  private static DhcpMessage ipxeRequest(DhcpMessageType type) {
    IpxeOptions features = IpxeOptions.builder()
        .add(IpxeOptionCode.BUS_ID, new byte[] {1, (byte) 0x80, (byte) 0x86, 0x10, 0x0e})
        .add(IpxeOptionCode.VERSION, new byte[] {1, 0, 0})
        .flag(IpxeOptionCode.FEATURE_PXE_EXT)
        .flag(IpxeOptionCode.FEATURE_HTTP)
        .flag(IpxeOptionCode.FEATURE_HTTPS)
        .flag(IpxeOptionCode.FEATURE_DNS)
        .flag(IpxeOptionCode.FEATURE_BZIMAGE)
        .flag(IpxeOptionCode.FEATURE_EFI)
        .add(IpxeOptionCode.FEATURE_TFTP, new byte[] {1})
        .build();
    DhcpMessage.Builder b = request(type)
        .option(DhcpOptionType.MAXIMUM_MESSAGE_SIZE, 1472)
        .option(DhcpOptionType.CLIENT_SYSTEM_ARCHITECTURE, List.of(ClientArchitecture.X64_UEFI))
        .option(DhcpOptionType.CLIENT_NETWORK_INTERFACE, ClientNetworkInterface.undi(3, 10))
        .option(DhcpOptionType.VENDOR_CLASS_IDENTIFIER,
            VendorClass.pxeClient(ClientArchitecture.X64_UEFI, 3, 10))
        .option(DhcpOptionType.USER_CLASS, UserClass.raw(UserClass.IPXE))
        .option(DhcpOptionType.IPXE_ENCAPSULATED, features)
        .option(DhcpOptionType.CLIENT_IDENTIFIER,
            ClientIdentifier.ofHardwareAddress(HardwareType.ETHERNET, CLIENT_MAC))
        .option(DhcpOptionType.CLIENT_MACHINE_IDENTIFIER, ClientMachineId.ofUuid(CLIENT_UUID))
        .option(DhcpOptionType.PARAMETER_REQUEST_LIST,
            codes(1, 3, 6, 7, 12, 15, 17, 26, 43, 60, 66, 67, 119, 128, 129, 130, 131, 132, 133,
                134, 135, 175, 203));
    if (type.equals(DhcpMessageType.REQUEST)) {
      b.option(DhcpOptionType.REQUESTED_IP_ADDRESS, CLIENT)
          .option(DhcpOptionType.SERVER_IDENTIFIER, SERVER);
    }
    return b.build();
  }

  /** A server's answer to iPXE: a script URL and iPXE settings in option 175. */
  private static DhcpMessage ipxeOffer() {
    return reply(DhcpMessageType.OFFER)
        .yourAddress(CLIENT)
        .serverAddress(SERVER)
        .option(DhcpOptionType.SERVER_IDENTIFIER, SERVER)
        .option(DhcpOptionType.IP_ADDRESS_LEASE_TIME, 7200L)
        .option(DhcpOptionType.SUBNET_MASK, ip("255.255.255.0"))
        .option(DhcpOptionType.BOOTFILE_NAME, "http://192.168.50.1/boot.ipxe")
        .option(DhcpOptionType.IPXE_ENCAPSULATED, IpxeOptions.builder()
            .flag(IpxeOptionCode.KEEP_SAN)
            .flag(IpxeOptionCode.NO_PXEDHCP)
            .build())
        .build();
  }

  /** A ProxyDHCP OFFER (PXE spec 2.1 section 2.2.5): no address, PXE options only. */
  private static DhcpMessage proxyOffer(byte[] pxeSubOptions) {
    return reply(DhcpMessageType.OFFER)
        .serverAddress(SERVER)
        .option(DhcpOptionType.SERVER_IDENTIFIER, SERVER)
        .option(DhcpOptionType.VENDOR_CLASS_IDENTIFIER, VendorClass.of(VendorClass.PXE_CLIENT))
        .option(DhcpOptionType.CLIENT_MACHINE_IDENTIFIER, ClientMachineId.ofUuid(CLIENT_UUID))
        .option(DhcpOptionType.VENDOR_SPECIFIC, pxeSubOptions)
        .bootFileName(pxeSubOptions.length == 4 ? "undionly.kpxe" : "")
        .build();
  }

  /** PXE sub-options 6, 8, 9, 10 and 255: discovery control, servers, menu and prompt. */
  private static byte[] bootMenu() {
    byte[] menuText = "Install netboot".getBytes(StandardCharsets.US_ASCII);
    byte[] localText = "Boot from disk".getBytes(StandardCharsets.US_ASCII);
    byte[] prompt = "Press F8 for menu".getBytes(StandardCharsets.US_ASCII);
    List<SubOption> subs = List.of(
        SubOption.of(6, new byte[] {7}),
        SubOption.of(8, concat(new byte[] {(byte) 0x80, 0x00, 1}, SERVER.getAddress())),
        SubOption.of(9, concat(
            concat(new byte[] {(byte) 0x80, 0x00, (byte) menuText.length}, menuText),
            concat(new byte[] {0x00, 0x00, (byte) localText.length}, localText))),
        SubOption.of(10, concat(new byte[] {10}, prompt)));
    return concat(SubOptions.write(subs, false), new byte[] {-1});
  }

  /** The client's REQUEST to a boot server: option 43 carries the chosen boot item (PXE 71). */
  private static DhcpMessage bootServerRequest() {
    return biosDiscover().toBuilder()
        .option(DhcpOptionType.MESSAGE_TYPE, DhcpMessageType.REQUEST)
        .broadcast(false)
        .clientAddress(CLIENT)
        .option(DhcpOptionType.VENDOR_SPECIFIC, new byte[] {71, 4, (byte) 0x80, 0, 0, 0, -1})
        .build();
  }

  private static DhcpMessage bootServerAck() {
    return reply(DhcpMessageType.ACK)
        .broadcast(false)
        .clientAddress(CLIENT)
        .serverAddress(SERVER)
        .bootFileName("pxelinux.0")
        .option(DhcpOptionType.SERVER_IDENTIFIER, SERVER)
        .option(DhcpOptionType.VENDOR_CLASS_IDENTIFIER, VendorClass.of(VendorClass.PXE_CLIENT))
        .option(DhcpOptionType.CLIENT_MACHINE_IDENTIFIER, ClientMachineId.ofUuid(CLIENT_UUID))
        .option(DhcpOptionType.VENDOR_SPECIFIC, new byte[] {71, 4, (byte) 0x80, 0, 0, 0, -1})
        .build();
  }

  private static DhcpMessage offerWithUserClass() {
    return reply(DhcpMessageType.OFFER)
        .yourAddress(CLIENT)
        .option(DhcpOptionType.SERVER_IDENTIFIER, SERVER)
        .option(DhcpOptionType.IP_ADDRESS_LEASE_TIME, 600L)
        .option(DhcpOptionType.USER_CLASS, UserClass.of("netboot-lab", "rack7"))
        .option(DhcpOptionType.BOOTFILE_NAME, "lab/rack7.ipxe")
        .build();
  }

  /** A request as a relay forwards it (RFC 3046): giaddr, hops, circuit and remote id. */
  private static DhcpMessage relayedDiscover() {
    RelayAgentInformation agent = RelayAgentInformation.of(List.of(
        SubOption.of(RelayAgentInformation.CIRCUIT_ID,
            "ge-0/0/7.0:vlan50".getBytes(StandardCharsets.US_ASCII)),
        SubOption.of(RelayAgentInformation.REMOTE_ID, mac("00:1b:21:aa:bb:cc")),
        SubOption.of(RelayAgentInformation.LINK_SELECTION, ip("192.168.50.0").getAddress())));
    return biosDiscover().toBuilder()
        .broadcast(false)
        .hops(1)
        .gatewayAddress(RELAY)
        .option(DhcpOptionType.RELAY_AGENT_INFORMATION, agent)
        .build();
  }

  /** Option 224 (site-specific) of 300 bytes must go out as two instances, 255 + 45 bytes. */
  private static DhcpMessage longOptionAck() {
    byte[] big = new byte[300];
    for (int i = 0; i < big.length; i++) {
      big[i] = (byte) (i * 7 + 1);
    }
    return reply(DhcpMessageType.ACK)
        .yourAddress(CLIENT)
        .option(DhcpOptionType.SERVER_IDENTIFIER, SERVER)
        .option(DhcpOptionType.IP_ADDRESS_LEASE_TIME, 86_400L)
        .option(DhcpOption.of(DhcpOptionCode.valueOf(224), big))
        .option(DhcpOptionType.SUBNET_MASK, ip("255.255.255.0"))
        .build();
  }

  /**
   * Option 119 (RFC 3397) is the option whose RFC made RFC 3396 splitting common; Wireshark joins
   * its instances itself before reading the names.
   */
  private static DhcpMessage domainSearchAck() {
    ByteArrayOutputStream names = new ByteArrayOutputStream();
    for (int i = 0; names.size() < 300; i++) {
      byte[] label = ("rack" + i).getBytes(StandardCharsets.US_ASCII);
      names.write(label.length);
      names.writeBytes(label);
      names.writeBytes(new byte[] {3, 'l', 'a', 'b', 7, 'n', 'e', 't', 'b', 'o', 'o', 't', 0});
    }
    return reply(DhcpMessageType.ACK)
        .yourAddress(CLIENT)
        .option(DhcpOptionType.SERVER_IDENTIFIER, SERVER)
        .option(DhcpOptionType.DOMAIN_NAME, "lab.netboot")
        .option(DhcpOption.of(DhcpOptionCode.valueOf(119), names.toByteArray()))
        .build();
  }

  /**
   * Options of 464 bytes on the wire: with option 57 at 576 the options field holds 304, of which
   * the first 298 fit, so the encoder must spill 124 into {@code file} and 42 into {@code sname}
   * (overload value 3).
   */
  private static DhcpMessage overloadedAck() {
    return reply(DhcpMessageType.ACK)
        .yourAddress(CLIENT)
        .serverAddress(SERVER)
        .option(DhcpOptionType.SERVER_IDENTIFIER, SERVER)
        .option(DhcpOptionType.IP_ADDRESS_LEASE_TIME, 3600L)
        .option(DhcpOptionType.RENEWAL_TIME, 1800L)
        .option(DhcpOptionType.REBINDING_TIME, 3150L)
        .option(DhcpOptionType.SUBNET_MASK, ip("255.255.255.0"))
        .option(DhcpOptionType.ROUTERS, List.of(SERVER))
        .option(DhcpOptionType.DOMAIN_NAME_SERVERS,
            List.of(SERVER, ip("192.168.50.2"), ip("192.168.50.3")))
        .option(DhcpOptionType.DOMAIN_NAME, "lab.netboot.example")
        .option(DhcpOptionType.HOST_NAME, "node-0042-rack7-row3-datacenter-west-one")
        .option(DhcpOptionType.ROOT_PATH, repeat("/srv/nfs/root/", 120))
        .option(DhcpOptionType.NTP_SERVERS, List.of(SERVER, ip("192.168.50.4")))
        .option(DhcpOption.of(DhcpOptionCode.valueOf(224), filled(48, 0x11)))
        .option(DhcpOptionType.TFTP_SERVER_NAME, repeat("tftp.lab.netboot.example.", 60))
        .option(DhcpOptionType.BOOTFILE_NAME, repeat("images/x86_64/netboot.efi-", 60))
        .option(DhcpOption.of(DhcpOptionCode.valueOf(225), filled(40, 0x22)))
        .build();
  }

  /**
   * Rapid Commit (RFC 4039) is an option with no value; option 224 of exactly 255 bytes is the
   * longest that needs no RFC 3396 split.
   */
  private static DhcpMessage rapidCommitDiscover() {
    return request(DhcpMessageType.DISCOVER)
        .option(DhcpOption.of(DhcpOptionCode.valueOf(80), new byte[0]))
        .option(DhcpOption.of(DhcpOptionCode.valueOf(224), filled(255, 0x5a)))
        .option(DhcpOptionType.HOST_NAME, "node-0042")
        .build();
  }

  /**
   * IP over InfiniBand (RFC 4390 section 2.1): the 20-byte link address does not fit in chaddr,
   * so hlen is 0 and the client identifier (type 255, IAID and DUID, RFC 4361) names the client.
   */
  private static DhcpMessage infinibandDiscover() {
    byte[] iaidDuid = HexFormat.of().parseHex("0000000100040000000000000000000000000000000000");
    return request(DhcpMessageType.DISCOVER)
        .hardwareType(HardwareType.INFINIBAND)
        .hardwareAddress(new byte[0])
        .option(DhcpOptionType.CLIENT_IDENTIFIER, ClientIdentifier.of(255, iaidDuid))
        .option(DhcpOptionType.PARAMETER_REQUEST_LIST, codes(1, 3, 6, 15, 26))
        .build();
  }

  /** PXELINUX options (RFC 5071); 208 is the magic that makes PXELINUX read the others. */
  private static DhcpMessage pxelinuxAck() {
    return reply(DhcpMessageType.ACK)
        .yourAddress(CLIENT)
        .serverAddress(SERVER)
        .bootFileName("pxelinux.0")
        .option(DhcpOptionType.SERVER_IDENTIFIER, SERVER)
        .option(DhcpOptionType.IP_ADDRESS_LEASE_TIME, 3600L)
        .option(DhcpOptionType.PXELINUX_MAGIC, DhcpOptionType.pxelinuxMagicValue())
        .option(DhcpOptionType.PXELINUX_CONFIG_FILE, "pxelinux.cfg/netboot-lab")
        .option(DhcpOptionType.PXELINUX_PATH_PREFIX, "/tftpboot/bios/")
        .option(DhcpOptionType.PXELINUX_REBOOT_TIME, 300L)
        .build();
  }

  private static DhcpMessage nak() {
    return reply(DhcpMessageType.NAK)
        .option(DhcpOptionType.SERVER_IDENTIFIER, SERVER)
        .option(DhcpOptionType.MESSAGE, "requested address not on this network")
        .build();
  }

  /** RFC 951 BOOTP: no option 53, only the cookie and the end option. */
  private static DhcpMessage bootpReply() {
    return DhcpMessage.builder()
        .op(DhcpOp.BOOTREPLY)
        .transactionId(0x00b007b0)
        .hardwareAddress(CLIENT_MAC)
        .yourAddress(CLIENT)
        .serverAddress(SERVER)
        .serverName("bootserver")
        .bootFileName("/tftpboot/vmlinuz")
        .build();
  }

  /**
   * Returns the captured messages, as captured and as netboot encodes them again after decoding.
   *
   * @throws IllegalStateException if the capture folder is missing, which would silently halve
   *     the cross-check
   */
  static List<Sample> captured() {
    Path root = CAPTURES.toAbsolutePath().normalize();
    if (!Files.isDirectory(root)) {
      throw new IllegalStateException("capture folder " + root + " is missing");
    }
    try (Stream<Path> files = Files.walk(root)) {
      List<Path> hexFiles = files.filter(p -> p.toString().endsWith(".hex")).sorted()
          .collect(Collectors.toList());
      List<Sample> samples = new ArrayList<>();
      for (Path file : hexFiles) {
        String hex = Files.readString(file, StandardCharsets.US_ASCII).strip();
        byte[] captured = HexFormat.of().parseHex(hex);
        DhcpMessage message = DhcpMessageDecoder.decode(captured);
        String name = "capture " + root.relativize(file);
        // The captured bytes check netboot's decoder against Wireshark; the re-encoded ones, the
        // encoder.
        samples.add(new Sample(name + " as captured", message, captured, overloadOf(captured), 0));
        samples.add(encoded(name + " re-encoded", message));
      }
      return samples;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns the value of option 52 in the options field of a message, or 0. */
  private static int overloadOf(byte[] message) {
    int i = DhcpMessageDecoder.OPTIONS_OFFSET;
    while (i + 1 < message.length) {
      int code = message[i] & 0xFF;
      if (code == 255) {
        break;
      }
      if (code == 0) {
        i++;
        continue;
      }
      if (code == 52 && i + 2 < message.length) {
        return message[i + 2] & 0xFF;
      }
      i += 2 + (message[i + 1] & 0xFF);
    }
    return 0;
  }

  private static List<DhcpOptionCode> codes(int... codes) {
    List<DhcpOptionCode> list = new ArrayList<>();
    for (int c : codes) {
      list.add(DhcpOptionCode.valueOf(c));
    }
    return list;
  }

  static Inet4Address ip(String literal) {
    try {
      return (Inet4Address) InetAddress.getByName(literal);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(literal, e);
    }
  }

  static byte[] mac(String text) {
    return HexFormat.ofDelimiter(":").parseHex(text);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] c = new byte[a.length + b.length];
    System.arraycopy(a, 0, c, 0, a.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }

  private static byte[] filled(int length, int value) {
    byte[] b = new byte[length];
    Arrays.fill(b, (byte) value);
    return b;
  }

  /** Returns {@code text} repeated and cut to exactly {@code length} chars. */
  private static String repeat(String text, int length) {
    return text.repeat(length / text.length() + 1).substring(0, length);
  }
}
