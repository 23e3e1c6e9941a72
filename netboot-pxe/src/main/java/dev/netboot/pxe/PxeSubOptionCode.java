package dev.netboot.pxe;

import dev.netboot.dhcp.NamedCode;
import dev.netboot.pxe.internal.CodeTable;
import java.util.List;

/**
 * A sub-option code of option 43 when the vendor class is {@code PXEClient} (PXE 2.1 section
 * 2.4.4, table 2-1). Codes 128 to 254 belong to vendors; {@link #isVendorSpecific()} tells them.
 */
public final class PxeSubOptionCode extends NamedCode<PxeSubOptionCode> {
  /** Multicast address of the MTFTP server (43.1). */
  public static final PxeSubOptionCode MTFTP_IP = new PxeSubOptionCode(1, "MTFTP_IP");
  /** UDP port MTFTP clients listen on (43.2). */
  public static final PxeSubOptionCode MTFTP_CLIENT_PORT =
      new PxeSubOptionCode(2, "MTFTP_CLIENT_PORT");
  /** UDP port the MTFTP server listens on (43.3). */
  public static final PxeSubOptionCode MTFTP_SERVER_PORT =
      new PxeSubOptionCode(3, "MTFTP_SERVER_PORT");
  /** Seconds a client waits before starting an MTFTP transfer (43.4). */
  public static final PxeSubOptionCode MTFTP_TIMEOUT = new PxeSubOptionCode(4, "MTFTP_TIMEOUT");
  /** Seconds a client waits before restarting a failed MTFTP transfer (43.5). */
  public static final PxeSubOptionCode MTFTP_DELAY = new PxeSubOptionCode(5, "MTFTP_DELAY");
  /** Boot server discovery control bits (43.6). */
  public static final PxeSubOptionCode DISCOVERY_CONTROL =
      new PxeSubOptionCode(6, "DISCOVERY_CONTROL");
  /** Multicast address for boot server discovery (43.7). */
  public static final PxeSubOptionCode DISCOVERY_MULTICAST_ADDRESS =
      new PxeSubOptionCode(7, "DISCOVERY_MULTICAST_ADDRESS");
  /** Boot servers by type (43.8). */
  public static final PxeSubOptionCode BOOT_SERVERS = new PxeSubOptionCode(8, "BOOT_SERVERS");
  /** Boot menu: item types and descriptions (43.9). */
  public static final PxeSubOptionCode BOOT_MENU = new PxeSubOptionCode(9, "BOOT_MENU");
  /** Menu prompt: timeout and text (43.10). */
  public static final PxeSubOptionCode MENU_PROMPT = new PxeSubOptionCode(10, "MENU_PROMPT");
  /** The boot item a client asks a boot server for: type and layer (43.71). */
  public static final PxeSubOptionCode BOOT_ITEM = new PxeSubOptionCode(71, "BOOT_ITEM");

  private static final CodeTable<PxeSubOptionCode> TABLE =
      new CodeTable<>(
          255,
          PxeSubOptionCode::code,
          c -> new PxeSubOptionCode(c, UNKNOWN),
          MTFTP_IP, MTFTP_CLIENT_PORT, MTFTP_SERVER_PORT, MTFTP_TIMEOUT, MTFTP_DELAY,
          DISCOVERY_CONTROL, DISCOVERY_MULTICAST_ADDRESS, BOOT_SERVERS, BOOT_MENU, MENU_PROMPT,
          BOOT_ITEM);

  private PxeSubOptionCode(int code, String name) {
    super(code, name);
  }

  /**
   * Returns the code for a wire value, known or not.
   *
   * @throws IllegalArgumentException if {@code code} is outside 0..255
   */
  public static PxeSubOptionCode valueOf(int code) {
    return TABLE.valueOf(code);
  }

  /** Returns the named constants. */
  public static List<PxeSubOptionCode> values() {
    return TABLE.values();
  }

  /** Returns whether the code lies in the vendor range 128-254 (PXE 2.1 table 2-1). */
  public boolean isVendorSpecific() {
    return code() >= 128 && code() <= 254;
  }
}
