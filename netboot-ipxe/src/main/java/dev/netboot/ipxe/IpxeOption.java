package dev.netboot.ipxe;

import java.util.Objects;
import java.util.Optional;

/**
 * An option given to a command, by its long name, with its value if it takes one. How it was
 * spelt ({@code -n x}, {@code -nx}, {@code --name x}, {@code --name=x}) is not kept: iPXE treats
 * them alike.
 *
 * @param name the long name, without dashes
 * @param value the value, for options that take one
 */
public record IpxeOption(String name, Optional<IpxeWord> value) {
  /** Checks the fields. */
  public IpxeOption {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
  }

  /**
   * Returns a flag option.
   *
   * @param name long name
   * @return the option
   */
  public static IpxeOption flag(String name) {
    return new IpxeOption(name, Optional.empty());
  }

  /**
   * Returns an option with a value.
   *
   * @param name long name
   * @param value its value
   * @return the option
   */
  public static IpxeOption of(String name, IpxeWord value) {
    return new IpxeOption(name, Optional.of(value));
  }

  /** Returns the value's literal text, when it has a literal value. */
  public Optional<String> literalValue() {
    return value.flatMap(IpxeWord::literalValue);
  }
}
