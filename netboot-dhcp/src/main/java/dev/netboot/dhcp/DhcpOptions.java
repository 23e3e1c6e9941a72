package dev.netboot.dhcp;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The options of a message: an immutable, ordered collection with at most one option per code.
 *
 * <p>Order is the order on the wire (RFC 3396 concatenation keeps the first instance's place).
 * The values live in one byte array, often the decoded packet itself, indexed by code, offset and
 * length; {@link DhcpOption} objects are made only when asked for. So decoding a message costs a
 * handful of objects however many options it has. Lookups by code are linear: a DHCP message
 * carries a few dozen options at most, and a scan of them beats a hash table here.
 */
public final class DhcpOptions implements Iterable<DhcpOption> {
  private static final DhcpOptions EMPTY = new DhcpOptions(new byte[0], new int[0]);

  /** Holds the values; never written after construction and never handed out. */
  private final byte[] data;
  /** Per option: code, offset into {@link #data}, length. */
  private final int[] entries;

  private DhcpOptions(byte[] data, int[] entries) {
    this.data = data;
    this.entries = entries;
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
    for (int i = 0; i < size(); i++) {
      b.options.add(get(i));
    }
    return b;
  }

  /** Wraps arrays the caller gives up: values in {@code data}, unique codes in {@code entries}. */
  static DhcpOptions wrap(byte[] data, int[] entries) {
    return entries.length == 0 ? EMPTY : new DhcpOptions(data, entries);
  }

  /** Returns the number of options. */
  public int size() {
    return entries.length / 3;
  }

  /** Returns whether there are no options. */
  public boolean isEmpty() {
    return entries.length == 0;
  }

  int codeAt(int index) {
    return entries[3 * index];
  }

  int offsetAt(int index) {
    return entries[3 * index + 1];
  }

  int lengthAt(int index) {
    return entries[3 * index + 2];
  }

  /** Returns the shared value array; callers in this package must not change it. */
  byte[] data() {
    return data;
  }

  /** Returns the index of the option with this code, or -1. */
  int indexOf(int code) {
    for (int i = 0; i < entries.length; i += 3) {
      if (entries[i] == code) {
        return i / 3;
      }
    }
    return -1;
  }

  /** Returns the option at {@code index} in wire order. */
  public DhcpOption get(int index) {
    if (index < 0 || index >= size()) {
      throw new IndexOutOfBoundsException("index: " + index + " (expected: 0-" + (size() - 1) + ")");
    }
    int offset = offsetAt(index);
    return DhcpOption.wrap(DhcpOptionCode.valueOf(codeAt(index)),
        Arrays.copyOfRange(data, offset, offset + lengthAt(index)));
  }

  /** Returns the option with this code, or {@code null}. */
  public @Nullable DhcpOption get(DhcpOptionCode code) {
    int index = indexOf(code.code());
    return index < 0 ? null : get(index);
  }

  /** Returns whether an option with this code is present. */
  public boolean contains(DhcpOptionCode code) {
    return indexOf(code.code()) >= 0;
  }

  /**
   * Returns the typed value of an option, or empty when the option is absent.
   *
   * @throws DhcpParseException if the option is present but its value is malformed for the type;
   *     the offset is relative to the start of the value
   */
  public <T> Optional<T> get(DhcpOptionType<T> type) {
    int index = indexOf(type.code().code());
    if (index < 0) {
      return Optional.empty();
    }
    int offset = offsetAt(index);
    return Optional.of(type.decode(Arrays.copyOfRange(data, offset, offset + lengthAt(index))));
  }

  /** Returns the options in order, as an unmodifiable list. */
  public List<DhcpOption> asList() {
    return new AbstractList<>() {
      @Override
      public DhcpOption get(int index) {
        return DhcpOptions.this.get(index);
      }

      @Override
      public int size() {
        return DhcpOptions.this.size();
      }
    };
  }

  @Override
  public Iterator<DhcpOption> iterator() {
    return asList().iterator();
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof DhcpOptions) || ((DhcpOptions) o).entries.length != entries.length) {
      return false;
    }
    DhcpOptions other = (DhcpOptions) o;
    for (int i = 0; i < size(); i++) {
      int from = offsetAt(i);
      int otherFrom = other.offsetAt(i);
      if (codeAt(i) != other.codeAt(i)
          || !Arrays.equals(data, from, from + lengthAt(i),
              other.data, otherFrom, otherFrom + other.lengthAt(i))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int h = 1;
    for (int i = 0; i < size(); i++) {
      h = 31 * h + codeAt(i);
      for (int j = offsetAt(i), end = j + lengthAt(i); j < end; j++) {
        h = 31 * h + data[j];
      }
    }
    return h;
  }

  @Override
  public String toString() {
    return asList().toString();
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
      int total = 0;
      for (DhcpOption option : options) {
        total += option.length();
      }
      byte[] data = new byte[total];
      int[] entries = new int[3 * options.size()];
      int at = 0;
      for (int i = 0; i < options.size(); i++) {
        byte[] value = options.get(i).valueUnsafe();
        System.arraycopy(value, 0, data, at, value.length);
        entries[3 * i] = options.get(i).code().code();
        entries[3 * i + 1] = at;
        entries[3 * i + 2] = value.length;
        at += value.length;
      }
      return wrap(data, entries);
    }
  }
}
