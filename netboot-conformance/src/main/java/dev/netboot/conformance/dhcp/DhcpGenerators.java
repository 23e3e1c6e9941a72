package dev.netboot.conformance.dhcp;

import dev.netboot.conformance.Generator;
import dev.netboot.dhcp.ClientMachineId;
import dev.netboot.dhcp.ClientNetworkInterface;
import dev.netboot.dhcp.DhcpMessage;
import dev.netboot.dhcp.DhcpMessageType;
import dev.netboot.dhcp.DhcpOp;
import dev.netboot.dhcp.DhcpOption;
import dev.netboot.dhcp.DhcpOptionCode;
import dev.netboot.dhcp.DhcpOptionType;
import dev.netboot.dhcp.DhcpOptions;
import dev.netboot.dhcp.HardwareType;
import dev.netboot.dhcp.IpxeOptionCode;
import dev.netboot.dhcp.IpxeOptions;
import dev.netboot.dhcp.UserClass;
import dev.netboot.dhcp.VendorClass;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Seeded generators of DHCP messages: arbitrary well-formed ones for codec properties, PXE
 * requests shaped like each {@link PxeFirmware} family's, plain (non-PXE) client requests, and
 * mutations of real packets for robustness checks.
 */
public final class DhcpGenerators {
  private static final int[] COMMON_CODES = {1, 3, 6, 12, 15, 43, 50, 51, 53, 54, 55, 57, 60,
    61, 66, 67, 77, 82, 93, 94, 97, 175, 208, 209, 210, 211};

  private DhcpGenerators() {}

  /**
   * Returns arbitrary well-formed messages: any header, names in {@code sname} and {@code file}
   * or not, and up to 24 options of any code but the framing ones, some longer than 255 bytes.
   *
   * @return the generator
   */
  public static Generator<DhcpMessage> messages() {
    return random -> {
      DhcpMessage.Builder b = header(random);
      if (random.nextInt(3) == 0) {
        b.serverName(text(random, random.nextInt(DhcpMessage.SERVER_NAME_LENGTH + 1)));
      }
      if (random.nextInt(3) == 0) {
        b.bootFileName(text(random, random.nextInt(DhcpMessage.BOOT_FILE_NAME_LENGTH + 1)));
      }
      return b.options(options(24, 300).next(random)).build();
    };
  }

  /**
   * Returns option sets of up to {@code maxCount} distinct codes, each value up to
   * {@code maxLength} bytes; codes are drawn mostly from those netboot reads, else from anywhere.
   *
   * @param maxCount the most options
   * @param maxLength the longest value
   * @return the generator
   */
  public static Generator<DhcpOptions> options(int maxCount, int maxLength) {
    return random -> {
      DhcpOptions.Builder b = DhcpOptions.builder();
      int n = random.nextInt(maxCount + 1);
      for (int i = 0; i < n; i++) {
        b.set(option(random, maxLength));
      }
      return b.build();
    };
  }

  private static DhcpOption option(SplittableRandom random, int maxLength) {
    int code;
    do {
      code = random.nextInt(4) == 0 ? 1 + random.nextInt(254)
          : COMMON_CODES[random.nextInt(COMMON_CODES.length)];
    } while (code == 52);
    // Mostly short values, as on the wire; now and then one long enough to be split (RFC 3396).
    int length = random.nextInt(10) == 0 ? random.nextInt(maxLength + 1) : random.nextInt(24);
    byte[] value = new byte[length];
    random.nextBytes(value);
    return DhcpOption.of(DhcpOptionCode.valueOf(code), value);
  }

  /**
   * Returns DHCPDISCOVERs from the PXE firmware families, with random MACs, GUIDs, transaction
   * ids and the options each family really sends.
   *
   * @return the generator
   */
  public static Generator<DhcpMessage> pxeRequests() {
    PxeFirmware[] families = PxeFirmware.values();
    return random -> pxeRequest(families[random.nextInt(families.length)]).next(random);
  }

  /**
   * Returns DHCPDISCOVERs (and now and then DHCPREQUESTs) of one firmware family.
   *
   * @param firmware the family
   * @return the generator
   */
  public static Generator<DhcpMessage> pxeRequest(PxeFirmware firmware) {
    return random -> {
      DhcpMessage.Builder b = header(random).op(DhcpOp.BOOTREQUEST)
          .hardwareType(HardwareType.ETHERNET).hardwareAddress(mac(random)).hops(0)
          .yourAddress(ipv4(0)).serverAddress(ipv4(0)).gatewayAddress(ipv4(0))
          .clientAddress(ipv4(0)).broadcast(firmware.architecture().code() != 0);
      b.option(DhcpOptionType.MESSAGE_TYPE,
          random.nextInt(4) == 0 ? DhcpMessageType.REQUEST : DhcpMessageType.DISCOVER);
      b.option(DhcpOptionType.MAXIMUM_MESSAGE_SIZE, 1260 + random.nextInt(240));
      b.option(DhcpOptionType.PARAMETER_REQUEST_LIST, List.of(
          DhcpOptionCode.SUBNET_MASK, DhcpOptionCode.ROUTERS, DhcpOptionCode.DOMAIN_NAME_SERVERS,
          DhcpOptionCode.HOST_NAME, DhcpOptionCode.DOMAIN_NAME, DhcpOptionCode.VENDOR_SPECIFIC,
          DhcpOptionCode.VENDOR_CLASS_IDENTIFIER, DhcpOptionCode.CLIENT_SYSTEM_ARCHITECTURE,
          DhcpOptionCode.CLIENT_MACHINE_IDENTIFIER, DhcpOptionCode.IPXE_ENCAPSULATED));
      b.option(DhcpOptionType.CLIENT_SYSTEM_ARCHITECTURE, List.of(firmware.architecture()));
      b.option(DhcpOptionType.CLIENT_NETWORK_INTERFACE, ClientNetworkInterface.undi(
          firmware.architecture().code() == 0 ? 2 : 3, firmware.architecture().code() == 0 ? 1 : 16));
      b.option(DhcpOptionType.VENDOR_CLASS_IDENTIFIER, VendorClass.of(firmware.vendorClass()));
      b.option(DhcpOptionType.CLIENT_MACHINE_IDENTIFIER,
          ClientMachineId.ofUuid(new UUID(random.nextLong(), random.nextLong())));
      if (firmware.isIpxe()) {
        b.option(DhcpOptionType.USER_CLASS, UserClass.raw(UserClass.IPXE));
        b.option(DhcpOptionType.IPXE_ENCAPSULATED, ipxeFeatures(random));
      }
      return b.build();
    };
  }

  /**
   * Returns requests of plain DHCP clients that are not PXE clients (no {@code PXEClient} vendor
   * class), as udhcpc or dhclient send them; a ProxyDHCP server must never answer these.
   *
   * @return the generator
   */
  public static Generator<DhcpMessage> plainRequests() {
    return random -> {
      DhcpMessage.Builder b = header(random).op(DhcpOp.BOOTREQUEST)
          .hardwareType(HardwareType.ETHERNET).hardwareAddress(mac(random));
      b.option(DhcpOptionType.MESSAGE_TYPE, random.nextBoolean()
          ? DhcpMessageType.DISCOVER : DhcpMessageType.REQUEST);
      if (random.nextBoolean()) {
        String[] vendors = {"udhcp 1.35.0", "MSFT 5.0", "android-dhcp-13", "dhcpcd-9.4.1"};
        b.option(DhcpOptionType.VENDOR_CLASS_IDENTIFIER,
            VendorClass.of(vendors[random.nextInt(vendors.length)]));
      }
      if (random.nextBoolean()) {
        b.option(DhcpOptionType.HOST_NAME, "host-" + Integer.toHexString(random.nextInt()));
      }
      b.option(DhcpOptionType.PARAMETER_REQUEST_LIST, List.of(DhcpOptionCode.SUBNET_MASK,
          DhcpOptionCode.ROUTERS, DhcpOptionCode.DOMAIN_NAME_SERVERS));
      return b.build();
    };
  }

  /**
   * Returns copies of {@code packet} with one byte changed, or truncated, or extended.
   *
   * @param packet the bytes to mutate; not changed
   * @return the generator
   */
  public static Generator<byte[]> mutations(byte[] packet) {
    byte[] original = packet.clone();
    return random -> {
      int kind = random.nextInt(10);
      if (kind == 0 || original.length == 0) {
        return java.util.Arrays.copyOf(original, random.nextInt(original.length + 1));
      }
      if (kind == 1) {
        byte[] longer = java.util.Arrays.copyOf(original, original.length + 1 + random.nextInt(64));
        for (int i = original.length; i < longer.length; i++) {
          longer[i] = (byte) random.nextInt(256);
        }
        return longer;
      }
      byte[] b = original.clone();
      int at = random.nextInt(b.length);
      b[at] = kind < 5 ? (byte) random.nextInt(256) : (byte) (b[at] ^ (1 << random.nextInt(8)));
      return b;
    };
  }

  private static IpxeOptions ipxeFeatures(SplittableRandom random) {
    IpxeOptions.Builder b = IpxeOptions.builder();
    IpxeOptionCode[] features = {IpxeOptionCode.FEATURE_PXE_EXT, IpxeOptionCode.FEATURE_ISCSI,
      IpxeOptionCode.FEATURE_AOE, IpxeOptionCode.FEATURE_HTTP, IpxeOptionCode.FEATURE_HTTPS,
      IpxeOptionCode.FEATURE_TFTP, IpxeOptionCode.FEATURE_DNS, IpxeOptionCode.FEATURE_BZIMAGE,
      IpxeOptionCode.FEATURE_MULTIBOOT, IpxeOptionCode.FEATURE_PXE, IpxeOptionCode.FEATURE_ELF,
      IpxeOptionCode.FEATURE_COMBOOT, IpxeOptionCode.FEATURE_EFI, IpxeOptionCode.FEATURE_MENU};
    for (IpxeOptionCode feature : features) {
      if (random.nextInt(4) != 0) {
        b.add(feature, new byte[] {1});
      }
    }
    b.add(IpxeOptionCode.BUS_ID, new byte[] {1, (byte) 0x80, (byte) 0x86, 0x10, 0x0e});
    b.add(IpxeOptionCode.VERSION, new byte[] {1, (byte) random.nextInt(30), 0});
    return b.build();
  }

  private static DhcpMessage.Builder header(SplittableRandom random) {
    DhcpMessage.Builder b = DhcpMessage.builder()
        .op(random.nextBoolean() ? DhcpOp.BOOTREQUEST : DhcpOp.BOOTREPLY)
        .hardwareType(HardwareType.valueOf(random.nextInt(8) == 0 ? random.nextInt(256) : 1))
        .hops(random.nextInt(4) == 0 ? random.nextInt(256) : 0)
        .transactionId(random.nextInt())
        .seconds(random.nextInt(0x10000))
        .flags(random.nextBoolean() ? 0 : random.nextInt(0x10000))
        .clientAddress(ipv4(random.nextInt(3) == 0 ? random.nextInt() : 0))
        .yourAddress(ipv4(random.nextInt(3) == 0 ? random.nextInt() : 0))
        .serverAddress(ipv4(random.nextInt(3) == 0 ? random.nextInt() : 0))
        .gatewayAddress(ipv4(random.nextInt(3) == 0 ? random.nextInt() : 0));
    byte[] chaddr = new byte[random.nextInt(4) == 0 ? random.nextInt(17) : 6];
    random.nextBytes(chaddr);
    return b.hardwareAddress(chaddr);
  }

  private static byte[] mac(SplittableRandom random) {
    byte[] mac = new byte[6];
    random.nextBytes(mac);
    mac[0] = (byte) ((mac[0] & 0xFC) | 0x02); // locally administered, unicast
    return mac;
  }

  private static String text(SplittableRandom random, int length) {
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      sb.append((char) (random.nextInt(8) == 0 ? 1 + random.nextInt(255) : 0x21 + random.nextInt(94)));
    }
    return sb.toString();
  }

  /**
   * Returns the IPv4 address with these 32 bits.
   *
   * @param bits the address, most significant byte first
   * @return the address
   */
  public static Inet4Address ipv4(int bits) {
    byte[] b = {(byte) (bits >>> 24), (byte) (bits >>> 16), (byte) (bits >>> 8), (byte) bits};
    try {
      return (Inet4Address) InetAddress.getByAddress(b);
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  /**
   * Returns {@code n} values of a generator from one seed, for fixed corpora.
   *
   * @param generator the generator
   * @param seed the seed
   * @param n how many
   * @param <T> the value type
   * @return the values
   */
  public static <T> List<T> sample(Generator<T> generator, long seed, int n) {
    SplittableRandom random = new SplittableRandom(seed);
    List<T> list = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      list.add(generator.next(random.split()));
    }
    return list;
  }
}
