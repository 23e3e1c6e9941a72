package dev.netboot.tftp;

import dev.netboot.tftp.internal.WireStrings;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A read or write request (RFC 1350 section 5, options from RFC 2347 section 2):
 * {@code | 01/02 | filename | 0 | mode | 0 | opt1 | 0 | value1 | 0 | ... |}.
 *
 * <p>The mode and the option names are case-insensitive on the wire, so they are kept
 * lower-cased; option values and the file name are kept as sent. Options keep the client's order.
 */
public final class TftpRequest extends TftpPacket {
  /** The longest file name, in bytes; longer names are malformed. */
  public static final int MAX_FILENAME_LENGTH = 1024;
  /** The longest mode, in bytes ({@code netascii} has 8). */
  public static final int MAX_MODE_LENGTH = 16;
  /** The most options in one request or OACK, duplicates included. */
  public static final int MAX_OPTIONS = 32;
  /** The longest option name, in bytes. */
  public static final int MAX_OPTION_NAME_LENGTH = 64;
  /** The longest option value, in bytes. */
  public static final int MAX_OPTION_VALUE_LENGTH = 255;
  /** The octet mode (RFC 1350): bytes as they are. */
  public static final String MODE_OCTET = "octet";
  /** The netascii mode (RFC 1350, RFC 764): lines end in CR LF, a lone CR is CR NUL. */
  public static final String MODE_NETASCII = "netascii";

  private final TftpOpcode opcode;
  private final String filename;
  private final String mode;
  private final Map<String, String> options;

  private TftpRequest(Builder b) {
    this.opcode = b.opcode;
    this.filename = b.filename;
    this.mode = b.mode;
    this.options = Collections.unmodifiableMap(new LinkedHashMap<>(b.options));
  }

  /**
   * Returns a builder of a request.
   *
   * @param opcode {@link TftpOpcode#RRQ} or {@link TftpOpcode#WRQ}
   * @param filename the file name, without NUL
   * @return the builder, with mode {@code octet} and no options
   * @throws IllegalArgumentException if the opcode is not a request's or the name is invalid
   */
  public static Builder builder(TftpOpcode opcode, String filename) {
    return new Builder(opcode, filename);
  }

  /** Returns a builder holding this request's values. */
  public Builder toBuilder() {
    Builder b = new Builder(opcode, filename).mode(mode);
    b.options.putAll(options);
    return b;
  }

  @Override
  public TftpOpcode opcode() {
    return opcode;
  }

  /** Returns whether this is a read request. */
  public boolean isRead() {
    return opcode == TftpOpcode.RRQ;
  }

  /** Returns the file name exactly as the client sent it. */
  public String filename() {
    return filename;
  }

  /** Returns the mode, lower-cased: {@code octet}, {@code netascii}, or what the client sent. */
  public String mode() {
    return mode;
  }

  /** Returns the options: names lower-cased, values as sent, in the client's order. */
  public Map<String, String> options() {
    return options;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof TftpRequest)) {
      return false;
    }
    TftpRequest r = (TftpRequest) o;
    return r.opcode == opcode && r.filename.equals(filename) && r.mode.equals(mode)
        && r.options.equals(options);
  }

  @Override
  public int hashCode() {
    return Objects.hash(opcode, filename, mode, options);
  }

  @Override
  public String toString() {
    return opcode.name() + "(\"" + filename + "\", " + mode + (options.isEmpty() ? "" : ", "
        + options) + ")";
  }

  /** Builds a {@link TftpRequest}; every setter checks its argument. */
  public static final class Builder {
    private final TftpOpcode opcode;
    private final String filename;
    private String mode = MODE_OCTET;
    private final Map<String, String> options = new LinkedHashMap<>();

    private Builder(TftpOpcode opcode, String filename) {
      if (opcode != TftpOpcode.RRQ && opcode != TftpOpcode.WRQ) {
        throw new IllegalArgumentException("opcode: " + opcode + " (expected: RRQ or WRQ)");
      }
      this.opcode = opcode;
      this.filename = WireStrings.check("filename", filename, MAX_FILENAME_LENGTH);
    }

    /**
     * Sets the mode, lower-cased.
     *
     * @param mode {@code octet}, {@code netascii} or another mode without NUL
     * @return this builder
     */
    public Builder mode(String mode) {
      this.mode = WireStrings.asciiLowerCase(WireStrings.check("mode", mode, MAX_MODE_LENGTH));
      return this;
    }

    /**
     * Adds an option, or replaces the value of an option of the same name in its place.
     *
     * @param name the name, lower-cased here
     * @param value the value
     * @return this builder
     * @throws IllegalArgumentException if a string is empty, too long or holds NUL, or there
     *     would be more than {@link #MAX_OPTIONS} options
     */
    public Builder option(String name, String value) {
      String key = WireStrings.asciiLowerCase(checkOption(name, value));
      if (!options.containsKey(key) && options.size() == MAX_OPTIONS) {
        throw new IllegalArgumentException("options: more than " + MAX_OPTIONS
            + " (expected: at most " + MAX_OPTIONS + ")");
      }
      options.put(key, value);
      return this;
    }

    /**
     * Adds every option of {@code options}, in their order.
     *
     * @param options names and values
     * @return this builder
     */
    public Builder options(Map<String, String> options) {
      options.forEach(this::option);
      return this;
    }

    /** Returns the request. */
    public TftpRequest build() {
      return new TftpRequest(this);
    }
  }

  static String checkOption(String name, String value) {
    if (name.isEmpty()) {
      throw new IllegalArgumentException("option name is empty (expected: a name)");
    }
    WireStrings.check("option name", name, MAX_OPTION_NAME_LENGTH);
    WireStrings.check("option value", value, MAX_OPTION_VALUE_LENGTH);
    return name;
  }
}
