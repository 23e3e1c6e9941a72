package dev.netboot.pxe;

import dev.netboot.dhcp.NamedCode;
import dev.netboot.pxe.internal.CodeTable;
import java.util.List;

/**
 * A PXE boot server type (PXE 2.1 table 2-2), as carried in 43.8, 43.9 and 43.71. Types 0x8000
 * to 0xFFFE are for vendors and sites to use freely; netboot's own menu items use them.
 */
public final class BootServerType extends NamedCode<BootServerType> {
  /**
   * PXE bootstrap server (0). In a boot menu, ROMs take an item of type 0 as "boot from the local
   * disk" and leave the network, as dnsmasq's {@code pxe-service} without a file relies on.
   */
  public static final BootServerType PXE_BOOTSTRAP = new BootServerType(0, "PXE_BOOTSTRAP");
  /** Microsoft Windows NT boot server (1). */
  public static final BootServerType MICROSOFT_WINDOWS_NT = new BootServerType(1, "MICROSOFT_WINDOWS_NT");
  /** Intel LCM boot server (2). */
  public static final BootServerType INTEL_LCM = new BootServerType(2, "INTEL_LCM");
  /** 3Com DOS/UNDI boot server (3). */
  public static final BootServerType DOS_UNDI = new BootServerType(3, "DOS_UNDI");
  /** NEC ESMPRO boot server (4). */
  public static final BootServerType NEC_ESMPRO = new BootServerType(4, "NEC_ESMPRO");
  /** IBM WSoD boot server (5). */
  public static final BootServerType IBM_WSOD = new BootServerType(5, "IBM_WSOD");
  /** IBM LCCM boot server (6). */
  public static final BootServerType IBM_LCCM = new BootServerType(6, "IBM_LCCM");
  /** CA Unicenter TNG boot server (7). */
  public static final BootServerType CA_UNICENTER_TNG = new BootServerType(7, "CA_UNICENTER_TNG");
  /** HP OpenView boot server (8). */
  public static final BootServerType HP_OPENVIEW = new BootServerType(8, "HP_OPENVIEW");
  /** The first vendor / site type (0x8000); dnsmasq numbers its menu items from here. */
  public static final BootServerType VENDOR_FIRST = new BootServerType(0x8000, "VENDOR_FIRST");
  /** PXE API test server (0xFFFF). */
  public static final BootServerType API_TEST = new BootServerType(0xFFFF, "API_TEST");

  private static final CodeTable<BootServerType> TABLE =
      new CodeTable<>(
          0xFFFF,
          BootServerType::code,
          c -> new BootServerType(c, UNKNOWN),
          PXE_BOOTSTRAP, MICROSOFT_WINDOWS_NT, INTEL_LCM, DOS_UNDI, NEC_ESMPRO, IBM_WSOD,
          IBM_LCCM, CA_UNICENTER_TNG, HP_OPENVIEW, VENDOR_FIRST, API_TEST);

  private BootServerType(int code, String name) {
    super(code, name);
  }

  /**
   * Returns the type for a wire value, known or not.
   *
   * @throws IllegalArgumentException if {@code code} is outside 0..65535
   */
  public static BootServerType valueOf(int code) {
    return TABLE.valueOf(code);
  }

  /** Returns the named constants. */
  public static List<BootServerType> values() {
    return TABLE.values();
  }

  /** Returns whether the type lies in the vendor / site range 0x8000-0xFFFE. */
  public boolean isVendorType() {
    return code() >= 0x8000 && code() <= 0xFFFE;
  }
}
