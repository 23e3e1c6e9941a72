package dev.netboot.conformance.pxe;

import dev.netboot.conformance.Generator;
import dev.netboot.conformance.dhcp.DhcpGenerators;
import dev.netboot.pxe.BootItem;
import dev.netboot.pxe.BootMenuItem;
import dev.netboot.pxe.BootServer;
import dev.netboot.pxe.BootServerType;
import dev.netboot.pxe.DiscoveryControl;
import dev.netboot.pxe.MenuPrompt;
import dev.netboot.pxe.PxeOptions;
import java.net.Inet4Address;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded generators of option 43 (PXE 2.1 vendor sub-options): well-formed values with every
 * typed sub-option, unknown and vendor ones, and raw byte strings shaped like option 43 for
 * robustness checks of the decoder.
 */
public final class PxeGenerators {
  private PxeGenerators() {}

  /**
   * Returns well-formed option 43 values: each sub-option PXE defines now and then, plus unknown
   * and vendor-range ones, in random order.
   *
   * @return the generator
   */
  public static Generator<PxeOptions> options() {
    return options(true);
  }

  /**
   * Returns well-formed option 43 values, with or without sub-options of the codes PXE 2.1 does
   * not define (reserved 11-127 but 71, vendor 128-254). Wireshark 4.0 reports those with
   * expert severity "error" ("Unknown subopt type handler", "Unknown suboption"), so interop
   * checks against it leave them out.
   *
   * @param undefinedCodes whether to include codes PXE 2.1 does not define
   * @return the generator
   */
  public static Generator<PxeOptions> options(boolean undefinedCodes) {
    return random -> {
      PxeOptions.Builder b = PxeOptions.builder();
      int n = random.nextInt(8);
      for (int i = 0; i < n; i++) {
        addOne(b, random, undefinedCodes);
      }
      return b.terminated(random.nextInt(5) != 0).build();
    };
  }

  private static void addOne(PxeOptions.Builder b, SplittableRandom random, boolean undefined) {
    switch (random.nextInt(undefined ? 10 : 8)) {
      case 0:
        b.mtftpAddress(address(random)).mtftpPorts(random.nextInt(0x10000), random.nextInt(0x10000));
        break;
      case 1:
        b.mtftpTimeouts(random.nextInt(256), random.nextInt(256));
        break;
      case 2:
        b.discoveryControl(new DiscoveryControl(random.nextInt(256)));
        break;
      case 3:
        b.discoveryMulticastAddress(address(random));
        break;
      case 4:
        b.bootServers(bootServers(random));
        break;
      case 5:
        b.bootMenu(menu(random));
        break;
      case 6:
        b.menuPrompt(new MenuPrompt(random.nextInt(256), text(random, random.nextInt(20))));
        break;
      case 7:
        b.bootItem(new BootItem(type(random), random.nextInt(0x10000)));
        break;
      case 8:
        byte[] vendor = new byte[random.nextInt(17)];
        random.nextBytes(vendor);
        b.vendor(128 + random.nextInt(127), vendor);
        break;
      default:
        int code;
        do {
          code = 11 + random.nextInt(117);
        } while (code == 71);
        byte[] value = new byte[random.nextInt(12)];
        random.nextBytes(value);
        b.set(code, value);
        break;
    }
  }

  /**
   * Returns byte strings that look like option 43: a well-formed value, then now and then one
   * byte changed, a length byte bent, or the end cut off.
   *
   * @return the generator
   */
  public static Generator<byte[]> optionBytes() {
    return random -> {
      byte[] wire = options().next(random).encode();
      if (wire.length == 0 || random.nextInt(3) == 0) {
        return wire;
      }
      byte[] b = wire.clone();
      switch (random.nextInt(3)) {
        case 0:
          b[random.nextInt(b.length)] = (byte) random.nextInt(256);
          return b;
        case 1:
          return java.util.Arrays.copyOf(b, random.nextInt(b.length));
        default:
          int at = Math.min(1, b.length - 1);
          b[at] = (byte) (b[at] + 1 + random.nextInt(3));
          return b;
      }
    };
  }

  private static List<BootServer> bootServers(SplittableRandom random) {
    List<BootServer> list = new ArrayList<>();
    int n = 1 + random.nextInt(3);
    for (int i = 0; i < n; i++) {
      List<Inet4Address> addresses = new ArrayList<>();
      int k = random.nextInt(4);
      for (int j = 0; j < k; j++) {
        addresses.add(address(random));
      }
      list.add(new BootServer(type(random), addresses));
    }
    return list;
  }

  private static List<BootMenuItem> menu(SplittableRandom random) {
    List<BootMenuItem> list = new ArrayList<>();
    int n = 1 + random.nextInt(4);
    for (int i = 0; i < n; i++) {
      list.add(new BootMenuItem(type(random), text(random, random.nextInt(30))));
    }
    return list;
  }

  private static BootServerType type(SplittableRandom random) {
    return random.nextBoolean() ? BootServerType.valueOf(0x8000 + random.nextInt(16))
        : BootServerType.valueOf(random.nextInt(0x10000));
  }

  private static Inet4Address address(SplittableRandom random) {
    return DhcpGenerators.ipv4(random.nextInt());
  }

  private static String text(SplittableRandom random, int length) {
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      sb.append((char) (random.nextInt(10) == 0 ? random.nextInt(256) : 0x20 + random.nextInt(95)));
    }
    return sb.toString();
  }
}
