package dev.netboot.ipxe;

import java.util.Optional;

/**
 * A setting name as iPXE's {@code parse_setting_name} splits it:
 * {@code [scope/]name[:type]}. The scope ends at the first {@code /}; the type starts at the first
 * {@code :} after it. The scope may itself be dotted ({@code net0.dhcp}).
 *
 * @param scope the settings block, if named
 * @param name the setting's own name (may be numeric, such as {@code 43.116})
 * @param type the type, if named
 */
public record SettingName(Optional<String> scope, String name, Optional<SettingType> type) {
  /**
   * Splits {@code text} the way iPXE does.
   *
   * @param text for example {@code net0/mac:hexhyp}
   * @return the parts
   */
  public static SettingName parse(String text) {
    int slash = text.indexOf('/');
    Optional<String> scope = slash < 0 ? Optional.empty() : Optional.of(text.substring(0, slash));
    String rest = slash < 0 ? text : text.substring(slash + 1);
    int colon = rest.indexOf(':');
    if (colon < 0) {
      return new SettingName(scope, rest, Optional.empty());
    }
    return new SettingName(
        scope, rest.substring(0, colon), Optional.of(SettingType.valueOf(rest.substring(colon + 1))));
  }

  /** Returns {@code scope/name} or {@code name}: the key under which a value is stored. */
  public String key() {
    return scope.map(s -> s + "/" + name).orElse(name);
  }

  /** Returns the name as written, {@code [scope/]name[:type]}. */
  @Override
  public String toString() {
    return key() + type.map(t -> ":" + t.name()).orElse("");
  }
}
