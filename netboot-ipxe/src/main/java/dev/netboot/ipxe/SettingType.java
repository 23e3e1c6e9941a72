package dev.netboot.ipxe;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A setting type as named after the colon in {@code ${name:type}} (iPXE
 * {@code src/core/settings.c}, the {@code setting_type_*} definitions). An open value class: a
 * name iPXE does not know is kept as an unknown type, which iPXE treats as an invalid setting
 * name (the reference expands to nothing).
 */
public final class SettingType {
  /** {@code string}: the raw bytes as text. */
  public static final SettingType STRING = new SettingType("string", true);
  /** {@code uristring}: obsolete alias of {@code string}, kept by iPXE for old scripts. */
  public static final SettingType URISTRING = new SettingType("uristring", true);
  /** {@code ipv4}: dotted quad. */
  public static final SettingType IPV4 = new SettingType("ipv4", true);
  /** {@code ipv6}: IPv6 address text. */
  public static final SettingType IPV6 = new SettingType("ipv6", true);
  /** {@code int8}: signed, formatted in decimal. */
  public static final SettingType INT8 = new SettingType("int8", true);
  /** {@code int16}: signed, formatted in decimal. */
  public static final SettingType INT16 = new SettingType("int16", true);
  /** {@code int32}: signed, formatted in decimal. */
  public static final SettingType INT32 = new SettingType("int32", true);
  /** {@code uint8}: unsigned, formatted as {@code 0x..} hex. */
  public static final SettingType UINT8 = new SettingType("uint8", true);
  /** {@code uint16}: unsigned, formatted as {@code 0x..} hex. */
  public static final SettingType UINT16 = new SettingType("uint16", true);
  /** {@code uint32}: unsigned, formatted as {@code 0x..} hex. */
  public static final SettingType UINT32 = new SettingType("uint32", true);
  /** {@code hex}: bytes as colon-separated hex pairs, {@code 41:42}. */
  public static final SettingType HEX = new SettingType("hex", true);
  /** {@code hexhyp}: bytes as hyphen-separated hex pairs, {@code 41-42}. */
  public static final SettingType HEXHYP = new SettingType("hexhyp", true);
  /** {@code hexraw}: bytes as undelimited hex, {@code 4142}. */
  public static final SettingType HEXRAW = new SettingType("hexraw", true);
  /** {@code base64}: bytes in Base64. */
  public static final SettingType BASE64 = new SettingType("base64", true);
  /** {@code uuid}: a 16-byte UUID (format only). */
  public static final SettingType UUID = new SettingType("uuid", true);
  /** {@code busdevfn}: a PCI address {@code bb:dd.f} (format only). */
  public static final SettingType BUSDEVFN = new SettingType("busdevfn", true);

  private static final List<SettingType> KNOWN =
      List.of(STRING, URISTRING, IPV4, IPV6, INT8, INT16, INT32, UINT8, UINT16, UINT32, HEX,
          HEXHYP, HEXRAW, BASE64, UUID, BUSDEVFN);
  private static final Map<String, SettingType> BY_NAME =
      KNOWN.stream().collect(Collectors.toUnmodifiableMap(SettingType::name, Function.identity()));

  private final String name;
  private final boolean known;

  private SettingType(String name, boolean known) {
    this.name = name;
    this.known = known;
  }

  /**
   * Returns the type named {@code name}: a constant, or a fresh unknown type.
   *
   * @param name the text after the colon
   * @return the type
   */
  public static SettingType valueOf(String name) {
    SettingType type = BY_NAME.get(name);
    return type != null ? type : new SettingType(name, false);
  }

  /** Returns every type iPXE defines, in the order of {@code settings.c}. */
  public static List<SettingType> known() {
    return KNOWN;
  }

  /** Returns the name as written after the colon. */
  public String name() {
    return name;
  }

  /** Returns whether iPXE defines this type. */
  public boolean isKnown() {
    return known;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SettingType other && other.name.equals(name);
  }

  @Override
  public int hashCode() {
    return name.hashCode();
  }

  /** Returns the name, with {@code (unknown)} for a type iPXE does not define. */
  @Override
  public String toString() {
    return known ? name : name + "(unknown)";
  }
}
