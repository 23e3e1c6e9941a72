package dev.netboot.dhcp;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Option 175, iPXE's encapsulated options. In a request, iPXE lists its features (HTTP, HTTPS,
 * bzImage, EFI, ...) and its version, which a server uses to recognise iPXE and decide what it
 * can boot; in a reply, a server can set iPXE settings such as {@code keep-san}.
 */
public final class IpxeOptions {
  private final List<SubOption> subOptions;

  private IpxeOptions(List<SubOption> subOptions) {
    this.subOptions = subOptions;
  }

  /** Returns the encapsulated options made of these sub-options, in order. */
  public static IpxeOptions of(List<SubOption> subOptions) {
    return new IpxeOptions(List.copyOf(subOptions));
  }

  static IpxeOptions decode(byte[] value) {
    return new IpxeOptions(SubOptions.parse(value, true));
  }

  byte[] encode() {
    // iPXE writes its feature list with no end code; so do we, to match it byte for byte.
    return SubOptions.write(subOptions, false);
  }

  /** Returns the sub-options in order. */
  public List<SubOption> subOptions() {
    return subOptions;
  }

  /** Returns the first sub-option with this code. */
  public Optional<SubOption> get(IpxeOptionCode code) {
    for (SubOption s : subOptions) {
      if (s.code() == code.code()) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  /** Returns whether iPXE announced this feature (or set this sub-option at all). */
  public boolean has(IpxeOptionCode code) {
    return get(code).isPresent();
  }

  /** Returns the feature flags present, named or not, in code order. */
  public Set<IpxeOptionCode> features() {
    Set<IpxeOptionCode> features = new TreeSet<>();
    for (SubOption s : subOptions) {
      IpxeOptionCode code = IpxeOptionCode.valueOf(s.code());
      if (code.isFeature()) {
        features.add(code);
      }
    }
    return features;
  }

  /** Returns the iPXE version as {@code major.minor.build} from sub-option 235. */
  public Optional<String> version() {
    return get(IpxeOptionCode.VERSION)
        .filter(s -> s.length() == 3)
        .map(s -> {
          byte[] v = s.valueUnsafe();
          return (v[0] & 0xFF) + "." + (v[1] & 0xFF) + "." + (v[2] & 0xFF);
        });
  }

  /** Returns the priority (sub-option 1), a signed byte. */
  public Optional<Integer> priority() {
    return get(IpxeOptionCode.PRIORITY).filter(s -> s.length() == 1)
        .map(s -> (int) s.valueUnsafe()[0]);
  }

  /** Returns a builder for a reply's option 175. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof IpxeOptions && ((IpxeOptions) o).subOptions.equals(subOptions);
  }

  @Override
  public int hashCode() {
    return subOptions.hashCode();
  }

  /** Returns each sub-option by name, with its value in hex. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("iPXE [");
    for (SubOption s : subOptions) {
      if (sb.length() > 6) {
        sb.append(", ");
      }
      IpxeOptionCode code = IpxeOptionCode.valueOf(s.code());
      sb.append(code.isKnown() ? code.name() : code.toString());
      if (s.length() > 0) {
        sb.append('=').append(HexFormat.of().formatHex(s.valueUnsafe()));
      }
    }
    return sb.append(']').toString();
  }

  /** Builds an {@link IpxeOptions}. */
  public static final class Builder {
    private final List<SubOption> subOptions = new ArrayList<>();

    private Builder() {}

    /** Adds a sub-option. */
    public Builder add(IpxeOptionCode code, byte[] value) {
      subOptions.add(SubOption.of(code.code(), value));
      return this;
    }

    /** Adds a one-byte flag sub-option, such as {@link IpxeOptionCode#KEEP_SAN}, set to 1. */
    public Builder flag(IpxeOptionCode code) {
      return add(code, new byte[] {1});
    }

    /** Returns the options. */
    public IpxeOptions build() {
      return new IpxeOptions(List.copyOf(subOptions));
    }
  }
}
