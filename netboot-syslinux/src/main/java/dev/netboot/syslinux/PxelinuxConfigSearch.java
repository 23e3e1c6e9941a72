package dev.netboot.syslinux;

import java.net.Inet4Address;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The configuration files pxelinux asks for, in order, so that a server can answer each one
 * (from {@code pxe_open_config()} and {@code get_prefix()} in syslinux 6.x
 * {@code core/fs/pxe/pxe.c}, and {@code doc/pxelinux.txt}):
 *
 * <ol>
 *   <li>the file named by DHCP option 209 ({@code pxelinux.configfile}), if sent;
 *   <li>{@code pxelinux.cfg/} + the client UUID (option 97), lower-case
 *       {@code 8-4-4-4-12} in wire byte order, if sent and valid (byte 6 in
 *       {@code 0x10..0xef}, {@code is_valid_uuid()} in {@code core/sysappend.c});
 *   <li>{@code pxelinux.cfg/} + the ARP hardware type and address, lower-case, dash-separated:
 *       {@code 01-88-99-aa-bb-cc-dd};
 *   <li>{@code pxelinux.cfg/} + the IPv4 address in upper-case hexadecimal, then shortened one
 *       digit at a time: {@code C000025B}, {@code C000025}, ... {@code C};
 *   <li>{@code pxelinux.cfg/default}.
 * </ol>
 *
 * <p>Every relative name is prefixed with the path prefix: option 210 ({@code pxelinux.pathprefix})
 * as sent, else the boot file name up to its last character that is not a letter, digit,
 * {@code .} or {@code -}. A prefix or an option-209 name that is itself absolute ({@code ::file},
 * {@code host::file}, {@code scheme://...}) is not prefixed. The returned paths are what the
 * TFTP server sees, with pxelinux's leading {@code ::} ("from the root") removed.
 *
 * <p>syslinux 6.03's source still clears options 209 and 210 unless option 208
 * ({@code pxelinux.magic}) arrived, while {@code doc/pxelinux.txt} says 208 has not been needed
 * since 3.55; this class follows the documentation.
 */
public final class PxelinuxConfigSearch {
  private static final String CONFIG_DIR = "pxelinux.cfg/";

  private final int hardwareType;
  private final byte[] hardwareAddress;
  private final Inet4Address clientAddress;
  private final byte @Nullable [] uuid;
  private final @Nullable String configFile;
  private final @Nullable String pathPrefix;
  private final String bootFileName;

  private PxelinuxConfigSearch(Builder b, Inet4Address clientAddress, byte[] mac) {
    this.hardwareType = b.hardwareType;
    this.hardwareAddress = mac.clone();
    this.clientAddress = clientAddress;
    this.uuid = b.uuid;
    this.configFile = b.configFile;
    this.pathPrefix = b.pathPrefix;
    this.bootFileName = b.bootFileName;
  }

  /** Returns a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the path prefix pxelinux uses: option 210, or derived from the boot file name. */
  public String pathPrefix() {
    return pathPrefix != null ? pathPrefix : prefixOf(bootFileName);
  }

  /**
   * Returns the boot file's directory as pxelinux's {@code get_prefix()} computes it: scanning
   * back from the end, it stops at the first character that is not a letter, digit, {@code .}
   * or {@code -} and keeps everything up to and including it.
   *
   * @param bootFileName the DHCP boot file name (option 67 or the {@code file} field)
   * @return the prefix, possibly empty
   */
  public static String prefixOf(String bootFileName) {
    for (int i = bootFileName.length() - 1; i >= 0; i--) {
      int c = bootFileName.charAt(i);
      // syslinux tests (c | 0x20) on a signed char, so bytes from 0x80 never qualify.
      int folded = c >= 0x80 ? -1 : c | 0x20;
      boolean plain = (folded >= '0' && folded <= '9') || (folded >= 'a' && folded <= 'z')
          || folded == '.' || folded == '-';
      if (!plain) {
        return bootFileName.substring(0, i + 1);
      }
    }
    return "";
  }

  /** Returns the paths pxelinux tries, in order; the first that exists is its configuration. */
  public List<String> candidates() {
    List<String> out = new ArrayList<>();
    String prefix = pathPrefix();
    if (configFile != null) {
      out.add(resolve(prefix, configFile));
    }
    byte[] u = uuid;
    if (u != null && u[6] >= 0x10 && (u[6] & 0xff) < 0xf0) {
      out.add(resolve(prefix, CONFIG_DIR + uuidText(u)));
    }
    StringBuilder mac = new StringBuilder(String.format(Locale.ROOT, "%02x", hardwareType));
    for (byte b : hardwareAddress) {
      mac.append('-').append(String.format(Locale.ROOT, "%02x", b & 0xff));
    }
    out.add(resolve(prefix, CONFIG_DIR + mac));
    String ip = HexFormat.of().withUpperCase().formatHex(clientAddress.getAddress());
    for (int len = 8; len >= 1; len--) {
      out.add(resolve(prefix, CONFIG_DIR + ip.substring(0, len)));
    }
    out.add(resolve(prefix, CONFIG_DIR + "default"));
    return out;
  }

  private static String uuidText(byte[] u) {
    String hex = HexFormat.of().formatHex(u);
    return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
        + hex.substring(16, 20) + "-" + hex.substring(20);
  }

  // url_type(): the first ':' followed by ':' is a TFTP path, by "//" a URL, else relative.
  private static boolean isAbsolute(String name) {
    int colon = name.indexOf(':');
    return colon >= 0 && (name.startsWith("::", colon) || name.startsWith("://", colon));
  }

  private static String resolve(String prefix, String name) {
    String full = isAbsolute(name) ? name : prefix + name;
    return full.startsWith("::") ? full.substring(2) : full;
  }

  /** Builds a {@link PxelinuxConfigSearch}. */
  public static final class Builder {
    private int hardwareType = 1;
    private byte @Nullable [] hardwareAddress;
    private @Nullable Inet4Address clientAddress;
    private byte @Nullable [] uuid;
    private @Nullable String configFile;
    private @Nullable String pathPrefix;
    private String bootFileName = "";

    private Builder() {}

    /** Sets the ARP hardware type (1, Ethernet, unless set) and the address. */
    public Builder hardwareAddress(int type, byte[] address) {
      if (type < 0 || type > 255 || address.length > 16) {
        throw new IllegalArgumentException(
            "hardware type " + type + ", " + address.length + " bytes (expected: 0-255, <= 16)");
      }
      this.hardwareType = type;
      this.hardwareAddress = address.clone();
      return this;
    }

    /** Sets an Ethernet MAC address. */
    public Builder macAddress(byte[] mac) {
      return hardwareAddress(1, mac);
    }

    /** Sets the client's IPv4 address (yiaddr). */
    public Builder clientAddress(Inet4Address address) {
      this.clientAddress = address;
      return this;
    }

    /** Sets the client UUID, 16 bytes in the order option 97 carries them. */
    public Builder clientUuid(byte[] wireBytes) {
      if (wireBytes.length != 16) {
        throw new IllegalArgumentException(
            "UUID of " + wireBytes.length + " bytes (expected: 16)");
      }
      this.uuid = wireBytes.clone();
      return this;
    }

    /** Sets the client UUID; its bytes are taken most significant first, as written. */
    public Builder clientUuid(UUID id) {
      byte[] b = new byte[16];
      for (int i = 0; i < 8; i++) {
        b[i] = (byte) (id.getMostSignificantBits() >>> (56 - 8 * i));
        b[8 + i] = (byte) (id.getLeastSignificantBits() >>> (56 - 8 * i));
      }
      return clientUuid(b);
    }

    /** Sets DHCP option 209, {@code pxelinux.configfile}. */
    public Builder configFileOption(String name) {
      this.configFile = name;
      return this;
    }

    /** Sets DHCP option 210, {@code pxelinux.pathprefix}. */
    public Builder pathPrefixOption(String prefix) {
      this.pathPrefix = prefix;
      return this;
    }

    /** Sets the boot file name pxelinux was loaded as, from which the prefix is derived. */
    public Builder bootFileName(String name) {
      this.bootFileName = name;
      return this;
    }

    /** Returns the search; the hardware and client addresses are required. */
    public PxelinuxConfigSearch build() {
      Inet4Address ip = clientAddress;
      byte[] mac = hardwareAddress;
      if (ip == null || mac == null) {
        throw new IllegalStateException(
            "client address and hardware address are required (expected: both set)");
      }
      return new PxelinuxConfigSearch(this, ip, mac);
    }
  }
}
