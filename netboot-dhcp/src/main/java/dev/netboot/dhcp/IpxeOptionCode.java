package dev.netboot.dhcp;

import dev.netboot.dhcp.internal.CodeRegistry;
import java.util.List;

/**
 * A sub-option code of option 175, iPXE's encapsulated options, as iPXE's
 * {@code include/ipxe/dhcp.h} and {@code include/ipxe/features.h} define them. Codes 0x10 to 0x4f
 * are feature flags: iPXE sends one per built-in feature, its value the feature's version.
 */
public final class IpxeOptionCode extends NamedCode<IpxeOptionCode> {
  /** Priority of this options block, a signed byte (175.1). */
  public static final IpxeOptionCode PRIORITY = new IpxeOptionCode(1, "PRIORITY");
  /** Internal copy of yiaddr; never sent (175.2). */
  public static final IpxeOptionCode YIADDR = new IpxeOptionCode(2, "YIADDR");
  /** Internal copy of siaddr; never sent (175.3). */
  public static final IpxeOptionCode SIADDR = new IpxeOptionCode(3, "SIADDR");
  /** Keep a SAN drive registered after a failed boot (175.8). */
  public static final IpxeOptionCode KEEP_SAN = new IpxeOptionCode(8, "KEEP_SAN");
  /** Skip booting from the SAN drive (175.9). */
  public static final IpxeOptionCode SKIP_SAN_BOOT = new IpxeOptionCode(9, "SKIP_SAN_BOOT");
  /** Feature: PXE API extensions (175.16). */
  public static final IpxeOptionCode FEATURE_PXE_EXT = new IpxeOptionCode(16, "FEATURE_PXE_EXT");
  /** Feature: iSCSI (175.17). */
  public static final IpxeOptionCode FEATURE_ISCSI = new IpxeOptionCode(17, "FEATURE_ISCSI");
  /** Feature: AoE (175.18). */
  public static final IpxeOptionCode FEATURE_AOE = new IpxeOptionCode(18, "FEATURE_AOE");
  /** Feature: HTTP (175.19). */
  public static final IpxeOptionCode FEATURE_HTTP = new IpxeOptionCode(19, "FEATURE_HTTP");
  /** Feature: HTTPS (175.20). */
  public static final IpxeOptionCode FEATURE_HTTPS = new IpxeOptionCode(20, "FEATURE_HTTPS");
  /** Feature: TFTP (175.21). */
  public static final IpxeOptionCode FEATURE_TFTP = new IpxeOptionCode(21, "FEATURE_TFTP");
  /** Feature: FTP (175.22). */
  public static final IpxeOptionCode FEATURE_FTP = new IpxeOptionCode(22, "FEATURE_FTP");
  /** Feature: DNS (175.23). */
  public static final IpxeOptionCode FEATURE_DNS = new IpxeOptionCode(23, "FEATURE_DNS");
  /** Feature: bzImage (Linux kernel) format (175.24). */
  public static final IpxeOptionCode FEATURE_BZIMAGE = new IpxeOptionCode(24, "FEATURE_BZIMAGE");
  /** Feature: Multiboot format (175.25). */
  public static final IpxeOptionCode FEATURE_MULTIBOOT = new IpxeOptionCode(25, "FEATURE_MULTIBOOT");
  /** Feature: SLAM (175.26). */
  public static final IpxeOptionCode FEATURE_SLAM = new IpxeOptionCode(26, "FEATURE_SLAM");
  /** Feature: SRP (175.27). */
  public static final IpxeOptionCode FEATURE_SRP = new IpxeOptionCode(27, "FEATURE_SRP");
  /** Feature: NBI format (175.32). */
  public static final IpxeOptionCode FEATURE_NBI = new IpxeOptionCode(32, "FEATURE_NBI");
  /** Feature: PXE image format (175.33). */
  public static final IpxeOptionCode FEATURE_PXE = new IpxeOptionCode(33, "FEATURE_PXE");
  /** Feature: ELF format (175.34). */
  public static final IpxeOptionCode FEATURE_ELF = new IpxeOptionCode(34, "FEATURE_ELF");
  /** Feature: COMBOOT format (175.35). */
  public static final IpxeOptionCode FEATURE_COMBOOT = new IpxeOptionCode(35, "FEATURE_COMBOOT");
  /** Feature: EFI format (175.36). */
  public static final IpxeOptionCode FEATURE_EFI = new IpxeOptionCode(36, "FEATURE_EFI");
  /** Feature: FCoE (175.37). */
  public static final IpxeOptionCode FEATURE_FCOE = new IpxeOptionCode(37, "FEATURE_FCOE");
  /** Feature: VLAN (175.38). */
  public static final IpxeOptionCode FEATURE_VLAN = new IpxeOptionCode(38, "FEATURE_VLAN");
  /** Feature: menus (175.39). */
  public static final IpxeOptionCode FEATURE_MENU = new IpxeOptionCode(39, "FEATURE_MENU");
  /** Feature: SDI images (175.40). */
  public static final IpxeOptionCode FEATURE_SDI = new IpxeOptionCode(40, "FEATURE_SDI");
  /** Feature: NFS (175.41). */
  public static final IpxeOptionCode FEATURE_NFS = new IpxeOptionCode(41, "FEATURE_NFS");
  /** Scriptlet run instead of autoboot (175.81). */
  public static final IpxeOptionCode SCRIPTLET = new IpxeOptionCode(81, "SCRIPTLET");
  /** Encrypted syslog server (175.85). */
  public static final IpxeOptionCode SYSLOGS_SERVER = new IpxeOptionCode(85, "SYSLOGS_SERVER");
  /** Trusted root certificate fingerprints (175.90). */
  public static final IpxeOptionCode TRUST = new IpxeOptionCode(90, "TRUST");
  /** Client certificate (175.91). */
  public static final IpxeOptionCode CERT = new IpxeOptionCode(91, "CERT");
  /** Client private key (175.92). */
  public static final IpxeOptionCode KEY = new IpxeOptionCode(92, "KEY");
  /** Skip PXE extensions such as ProxyDHCP (175.176). */
  public static final IpxeOptionCode NO_PXEDHCP = new IpxeOptionCode(176, "NO_PXEDHCP");
  /** Network device bus id: bus type, then vendor and device for PCI (175.177). */
  public static final IpxeOptionCode BUS_ID = new IpxeOptionCode(177, "BUS_ID");
  /** Use cached network settings (175.178). */
  public static final IpxeOptionCode USE_CACHED = new IpxeOptionCode(178, "USE_CACHED");
  /** BIOS drive number for a SAN drive (175.189). */
  public static final IpxeOptionCode BIOS_DRIVE = new IpxeOptionCode(189, "BIOS_DRIVE");
  /** Username for authentication (175.190). */
  public static final IpxeOptionCode USERNAME = new IpxeOptionCode(190, "USERNAME");
  /** Password for authentication (175.191). */
  public static final IpxeOptionCode PASSWORD = new IpxeOptionCode(191, "PASSWORD");
  /** Reverse username (175.192). */
  public static final IpxeOptionCode REVERSE_USERNAME = new IpxeOptionCode(192, "REVERSE_USERNAME");
  /** Reverse password (175.193). */
  public static final IpxeOptionCode REVERSE_PASSWORD = new IpxeOptionCode(193, "REVERSE_PASSWORD");
  /** iPXE version: major, minor, build (175.235). */
  public static final IpxeOptionCode VERSION = new IpxeOptionCode(235, "VERSION");

  private static final CodeRegistry<IpxeOptionCode> REGISTRY =
      new CodeRegistry<>(
          255,
          IpxeOptionCode::code,
          c -> new IpxeOptionCode(c, UNKNOWN),
          PRIORITY, YIADDR, SIADDR, KEEP_SAN, SKIP_SAN_BOOT, FEATURE_PXE_EXT, FEATURE_ISCSI,
          FEATURE_AOE, FEATURE_HTTP, FEATURE_HTTPS, FEATURE_TFTP, FEATURE_FTP, FEATURE_DNS,
          FEATURE_BZIMAGE, FEATURE_MULTIBOOT, FEATURE_SLAM, FEATURE_SRP, FEATURE_NBI,
          FEATURE_PXE, FEATURE_ELF, FEATURE_COMBOOT, FEATURE_EFI, FEATURE_FCOE, FEATURE_VLAN,
          FEATURE_MENU, FEATURE_SDI, FEATURE_NFS, SCRIPTLET, SYSLOGS_SERVER, TRUST, CERT, KEY,
          NO_PXEDHCP, BUS_ID, USE_CACHED, BIOS_DRIVE, USERNAME, PASSWORD, REVERSE_USERNAME,
          REVERSE_PASSWORD, VERSION);

  private IpxeOptionCode(int code, String name) {
    super(code, name);
  }

  /**
   * Returns the sub-option code for a wire value, known or not.
   *
   * @throws IllegalArgumentException if {@code code} is outside 0..255
   */
  public static IpxeOptionCode valueOf(int code) {
    return REGISTRY.valueOf(code);
  }

  /** Returns the named constants. */
  public static List<IpxeOptionCode> values() {
    return REGISTRY.values();
  }

  /** Returns whether this code lies in the feature-flag range 0x10-0x4f. */
  public boolean isFeature() {
    return code() >= 0x10 && code() <= 0x4f;
  }
}
