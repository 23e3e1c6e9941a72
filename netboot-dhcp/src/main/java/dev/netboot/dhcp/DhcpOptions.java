package dev.netboot.dhcp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The options of a message: an immutable, ordered collection with at most one option per code.
 *
 * <p>Order is the order on the wire (RFC 3396 concatenation keeps the first instance's place).
 * Lookups by code are linear: a DHCP message carries a few dozen options at most, and a scan of
 * them beats a hash table here.
 */
public final class DhcpOptions implements Iterable<DhcpOption> {
  private static final DhcpOption[] NONE = new DhcpOption[0];
  private static final DhcpOptions EMPTY = new DhcpOptions(NONE);

  private final DhcpOption[] options;

  private DhcpOptions(DhcpOption[] options) {
    this.options = options;
  }

  /** Returns the empty collection. */
  public static DhcpOptions empty() {
    return EMPTY;
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder that starts with these options. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.options.addAll(Arrays.asList(options));
    return b;
  }

  /** Wraps an array the caller gives up; codes must be unique. */
  static DhcpOptions wrap(DhcpOption[] options) {
    return options.length == 0 ? EMPTY : new DhcpOptions(options);
  }

  /** Returns the number of options. */
  public int size() {
    return options.length;
  }

  /** Returns whether there are no options. */
  public boolean isEmpty() {
    return options.length == 0;
  }

  /** Returns the option with this code, or {@code null}. */
  public @Nullable DhcpOption get(DhcpOptionCode code) {
    int c = code.code();
    for (DhcpOption option : options) {
      if (option.code().code() == c) {
        return option;
      }
    }
    return null;
  }

  /** Returns whether an option with this code is present. */
  public boolean contains(DhcpOptionCode code) {
    return get(code) != null;
  }

  /**
   * Returns the typed value of an option, or empty when the option is absent.
   *
   * @throws DhcpParseException if the option is present but its value is malformed for the type;
   *     the offset is relative to the start of the value
   */
  public <T> Optional<T> get(DhcpOptionType<T> type) {
    DhcpOption option = get(type.code());
    return option == null ? Optional.empty() : Optional.of(type.decode(option.valueUnsafe()));
  }

  /** Returns the options in order, as an unmodifiable list. */
  public List<DhcpOption> asList() {
    return Collections.unmodifiableList(Arrays.asList(options));
  }

  /** Returns the option at {@code index} in wire order. */
  public DhcpOption get(int index) {
    return options[index];
  }

  @Override
  public Iterator<DhcpOption> iterator() {
    return asList().iterator();
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof DhcpOptions && Arrays.equals(((DhcpOptions) o).options, options);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(options);
  }

  @Override
  public String toString() {
    return Arrays.toString(options);
  }

  /**
   * Builds a {@link DhcpOptions}. Setting a code that is already present replaces its value in
   * place, so the order stays the order of first insertion.
   */
  public static final class Builder {
    private final List<DhcpOption> options = new ArrayList<>();

    private Builder() {}

    /** Adds or replaces an option. */
    public Builder set(DhcpOption option) {
      for (int i = 0; i < options.size(); i++) {
        if (options.get(i).code().equals(option.code())) {
          options.set(i, option);
          return this;
        }
      }
      options.add(option);
      return this;
    }

    /**
     * Adds or replaces an option given by code and value bytes (copied).
     *
     * @throws IllegalArgumentException if {@code code} is a framing code
     */
    public Builder set(DhcpOptionCode code, byte[] value) {
      return set(DhcpOption.of(code, value));
    }

    /** Adds or replaces an option from its typed value. */
    public <T> Builder set(DhcpOptionType<T> type, T value) {
      return set(DhcpOption.wrap(type.code(), type.encode(value)));
    }

    /** Removes the option with this code, if present. */
    public Builder remove(DhcpOptionCode code) {
      options.removeIf(o -> o.code().equals(code));
      return this;
    }

    /** Returns the option with this code, or {@code null}. */
    public @Nullable DhcpOption get(DhcpOptionCode code) {
      for (DhcpOption option : options) {
        if (option.code().equals(code)) {
          return option;
        }
      }
      return null;
    }

    /** Returns the options built so far. */
    public DhcpOptions build() {
      return wrap(options.toArray(NONE));
    }
  }
}
