package dev.netboot.conformance.dhcp.suite;

import dev.netboot.conformance.dhcp.PxeFirmware;
import dev.netboot.dhcp.ClientArchitecture;
import dev.netboot.dhcp.DhcpMessage;
import dev.netboot.dhcp.DhcpOptionCode;
import dev.netboot.dhcp.DhcpParseException;
import dev.netboot.dhcp.VendorClass;
import dev.netboot.pxe.BootMenuItem;
import dev.netboot.pxe.BootServer;
import dev.netboot.pxe.BootServerType;
import dev.netboot.pxe.DiscoveryControl;
import dev.netboot.pxe.PxeOptions;
import dev.netboot.pxe.PxeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether the boot part of a reply is something the family's firmware can use: a file it can
 * fetch and run on its architecture, or a PXE menu (option 43) it can follow to a boot server.
 */
final class BootRules {
  private static final List<String> BIOS_ENDINGS =
      List.of(".kpxe", ".kkpxe", ".kkkpxe", ".pxe", ".0", ".com", ".lkrn");
  private static final List<String> ARM64_TOKENS = List.of("aa64", "arm64", "aarch64");
  private static final List<String> X86_TOKENS =
      List.of("x64", "x86_64", "x86-64", "amd64", "ia32", "i386");

  private BootRules() {}

  /** The family's name in check ids, as {@code uefi-x64}. */
  static String slug(PxeFirmware family) {
    return family.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The vendor class a server must answer this family with. */
  static String vendorClass(PxeFirmware family) {
    return family.vendorClass().startsWith(VendorClass.HTTP_CLIENT)
        ? VendorClass.HTTP_CLIENT : VendorClass.PXE_CLIENT;
  }

  /**
   * Problems with an offer's boot part for {@code family}; empty when a file or a menu is
   * usable and siaddr accompanies a file.
   */
  static List<String> offer(PxeFirmware family, DhcpMessage reply) {
    Optional<String> file = ReplyRules.bootFile(reply);
    List<String> fileProblems = file.map(f -> file(family, f)).orElse(List.of("no boot file"));
    List<String> problems = new ArrayList<>();
    if (file.isEmpty() && isBinlOffer(family, reply)) {
      return problems;
    }
    if (!fileProblems.isEmpty()) {
      List<String> menuProblems = menu(family, reply);
      if (!menuProblems.isEmpty()) {
        problems.add("file: " + String.join(", ", fileProblems));
        problems.add("menu: " + String.join(", ", menuProblems));
      }
    }
    // iPXE ignores a file without next-server, and PXE ROMs fetch it from siaddr.
    if (file.isPresent() && reply.serverAddress().isAnyLocalAddress()) {
      problems.add("file \"" + file.get() + "\" named with siaddr 0.0.0.0");
    }
    return problems;
  }

  /**
   * Whether the reply is an offer that names neither file nor menu, after which the firmware
   * asks the boot server on 4011 for its file: edk2 calls it a BINL offer, and iPXE sends its
   * ProxyDHCP request there after any proxy offer. dnsmasq answers UEFI clients this way. A BIOS
   * PXE ROM and HTTP Boot need the file or the menu in the offer itself.
   */
  static boolean isBinlOffer(PxeFirmware family, DhcpMessage reply) {
    boolean followsUp = family.isIpxe()
        || (family != PxeFirmware.UEFI_HTTP_X64
            && !family.architecture().equals(ClientArchitecture.X86_BIOS));
    return followsUp && !reply.options().contains(DhcpOptionCode.VENDOR_SPECIFIC)
        && ReplyRules.bootFile(reply).isEmpty();
  }

  /** Problems with {@code file} as the next thing {@code family} loads. */
  static List<String> file(PxeFirmware family, String file) {
    List<String> problems = new ArrayList<>();
    boolean url = file.contains("://");
    String path = file.toLowerCase(Locale.ROOT);
    int query = path.indexOf('?');
    path = query >= 0 ? path.substring(0, query) : path;
    String name = path.substring(path.lastIndexOf('/') + 1);
    ClientArchitecture arch = family.architecture();
    if (family == PxeFirmware.UEFI_HTTP_X64) {
      if (!path.startsWith("http://") && !path.startsWith("https://")) {
        problems.add("\"" + file + "\" is not an http(s) URL, which HTTP Boot needs");
      }
    } else if (url && !family.isIpxe()) {
      problems.add("\"" + file + "\" is a URL; a PXE ROM fetches over TFTP only");
    }
    boolean bios = arch.equals(ClientArchitecture.X86_BIOS);
    if (bios && name.endsWith(".efi")) {
      problems.add("\"" + file + "\" is an EFI binary for a BIOS client");
    }
    if (!bios && BIOS_ENDINGS.stream().anyMatch(name::endsWith)) {
      problems.add("\"" + file + "\" is a BIOS NBP for a UEFI client");
    }
    List<String> foreign =
        arch.equals(ClientArchitecture.ARM64_UEFI) ? X86_TOKENS : ARM64_TOKENS;
    foreign.stream().filter(path::contains).findFirst().ifPresent(token -> problems.add(
        "\"" + file + "\" looks built for another architecture (" + token + ") than " + arch));
    return problems;
  }

  /** Problems with option 43 as a menu for {@code family}; empty when it is usable. */
  static List<String> menu(PxeFirmware family, DhcpMessage reply) {
    if (family == PxeFirmware.UEFI_HTTP_X64) {
      return List.of("HTTP Boot does not read a PXE menu");
    }
    Optional<PxeOptions> pxe;
    try {
      pxe = reply.option(PxeOptions.OPTION_TYPE);
    } catch (DhcpParseException | PxeParseException e) {
      return List.of("43 malformed: " + e.getMessage());
    }
    if (pxe.isEmpty()) {
      return List.of("no 43");
    }
    Optional<BootServerType> item = firstItem(pxe.get());
    if (item.isEmpty()) {
      return List.of("43.9 lists no network boot item");
    }
    List<BootServer> servers = pxe.get().bootServers();
    boolean listed = servers.stream()
        .anyMatch(s -> s.type().equals(item.get()) && !s.addresses().isEmpty());
    boolean broadcastOff = pxe.get().discoveryControl()
        .map(d -> d.has(DiscoveryControl.DISABLE_BROADCAST)).orElse(false);
    if (!listed && broadcastOff) {
      return List.of("item " + item.get() + " has no boot server in 43.8 and the ROM may not"
          + " broadcast for one");
    }
    return List.of();
  }

  /** The first menu item that boots from the network, if the reply has a menu. */
  static Optional<BootServerType> firstItem(DhcpMessage reply) {
    try {
      return reply.option(PxeOptions.OPTION_TYPE).flatMap(BootRules::firstItem);
    } catch (DhcpParseException | PxeParseException e) {
      return Optional.empty();
    }
  }

  private static Optional<BootServerType> firstItem(PxeOptions pxe) {
    return pxe.bootMenu().stream().map(BootMenuItem::type)
        .filter(t -> !t.equals(BootServerType.PXE_BOOTSTRAP)).findFirst();
  }
}
