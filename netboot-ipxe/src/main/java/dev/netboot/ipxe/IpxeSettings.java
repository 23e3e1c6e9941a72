package dev.netboot.ipxe;

import dev.netboot.ipxe.internal.SettingFormats;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Setting values to expand a script against: what a server knows about one machine
 * ({@code net0/mac}, {@code uuid}, {@code hostname}...), as iPXE stores them: raw bytes with the
 * type they were stored with. Immutable; each {@code with} returns a new environment.
 *
 * <p>Lookup follows iPXE loosely: a scoped name ({@code net0/mac}) must match its key exactly;
 * an unscoped one ({@code mac}) takes the unscoped entry, else the first scoped entry with that
 * name, in insertion order (iPXE searches its settings blocks by priority).
 */
public final class IpxeSettings {
  private static final IpxeSettings EMPTY = new IpxeSettings(Map.of(), StandardCharsets.UTF_8);

  private record Stored(SettingType type, byte[] raw) {}

  private final Map<String, Stored> values;
  private final Charset charset;

  private IpxeSettings(Map<String, Stored> values, Charset charset) {
    this.values = values;
    this.charset = charset;
  }

  /** Returns an environment with no settings (every reference expands to nothing). */
  public static IpxeSettings empty() {
    return EMPTY;
  }

  /**
   * Returns a copy with {@code name} holding {@code value} as a string.
   *
   * @param name {@code [scope/]name}
   * @param value the value
   * @return the new environment
   */
  public IpxeSettings withString(String name, String value) {
    return with(name, SettingType.STRING, value.getBytes(charset));
  }

  /**
   * Returns a copy with {@code name} holding {@code raw}, stored as {@code type} (the type a
   * reference without {@code :type} formats it with).
   *
   * @param name {@code [scope/]name}
   * @param type the stored type
   * @param raw the bytes; empty removes the setting, as in iPXE
   * @return the new environment
   */
  public IpxeSettings with(String name, SettingType type, byte[] raw) {
    Map<String, Stored> copy = new LinkedHashMap<>(values);
    String key = SettingName.parse(name).key();
    copy.remove(key);
    if (raw.length > 0) {
      copy.put(key, new Stored(type, raw.clone()));
    }
    return new IpxeSettings(java.util.Collections.unmodifiableMap(copy), charset);
  }

  /**
   * Returns the result of {@code set name[:type] text}: the text parsed by the type (string when
   * none is named); empty text removes the setting.
   *
   * @param nameWithType for example {@code attempt:int8} or {@code netboot/arg0:hex}
   * @param text the value text
   * @return the new environment, or empty when iPXE's parser would reject the text
   */
  public Optional<IpxeSettings> set(String nameWithType, String text) {
    SettingName name = SettingName.parse(nameWithType);
    SettingType type = name.type().orElse(SettingType.STRING);
    if (text.isEmpty()) {
      return Optional.of(with(name.key(), type, new byte[0]));
    }
    return SettingFormats.parse(type, text, charset).map(raw -> with(name.key(), type, raw));
  }

  /**
   * Returns the text {@code ${name}} expands to, formatted with the named type or else the stored
   * one; empty where iPXE expands to nothing (unknown setting or type, unformattable value).
   *
   * @param name the reference's name
   * @return the text
   */
  public Optional<String> format(SettingName name) {
    if (name.type().isPresent() && !name.type().get().isKnown()) {
      return Optional.empty();
    }
    Stored stored = values.get(name.key());
    if (stored == null && name.scope().isEmpty()) {
      stored = values.entrySet().stream().filter(e -> e.getKey().endsWith("/" + name.name()))
          .map(Map.Entry::getValue).findFirst().orElse(null);
    }
    if (stored == null) {
      return Optional.empty();
    }
    return SettingFormats.format(name.type().orElse(stored.type()), stored.raw(), charset);
  }

  /** Returns the stored keys, in insertion order. */
  public java.util.Set<String> names() {
    return values.keySet();
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof IpxeSettings s) || !s.values.keySet().equals(values.keySet())) {
      return false;
    }
    for (Map.Entry<String, Stored> e : values.entrySet()) {
      Stored other = s.values.get(e.getKey());
      if (!other.type().equals(e.getValue().type())
          || !Arrays.equals(other.raw(), e.getValue().raw())) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    return values.keySet().hashCode();
  }

  @Override
  public String toString() {
    return "IpxeSettings" + values.keySet();
  }
}
