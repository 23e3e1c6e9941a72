package dev.netboot.dhcp;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Option 77, the user class.
 *
 * <p>RFC 3004 makes the value a list of length-prefixed class names, but many clients send one
 * bare string: iPXE sends the four bytes {@code iPXE}, and ISC dhclient sends its configured
 * text as it is. Both forms are read: when the bytes parse exactly as an RFC 3004 list they are
 * one, otherwise the whole value is a single raw class. The bytes are the value either way, so
 * re-encoding never changes the form.
 */
public final class UserClass {
  /** The raw user class that iPXE sends in every DHCP request. */
  public static final String IPXE = "iPXE";

  private final byte[] value;
  private final List<String> classes;
  private final boolean rfc3004;

  private UserClass(byte[] value) {
    this.value = value;
    List<String> parsed = parseRfc3004(value);
    this.rfc3004 = parsed != null;
    this.classes =
        parsed != null
            ? parsed
            : List.of(new String(value, StandardCharsets.ISO_8859_1));
  }

  private static @Nullable List<String> parseRfc3004(byte[] value) {
    if (value.length == 0) {
      return null;
    }
    List<String> list = new ArrayList<>();
    int i = 0;
    while (i < value.length) {
      int length = value[i] & 0xFF;
      if (length == 0 || i + 1 + length > value.length) {
        return null;
      }
      list.add(new String(value, i + 1, length, StandardCharsets.ISO_8859_1));
      i += 1 + length;
    }
    return Collections.unmodifiableList(list);
  }

  /** Returns the user class whose value is exactly {@code value}. */
  public static UserClass fromBytes(byte[] value) {
    return new UserClass(value.clone());
  }

  /**
   * Returns the RFC 3004 list of these classes.
   *
   * @throws IllegalArgumentException if there are no classes, or one is empty, longer than 255
   *     bytes, or has a char above U+00FF
   */
  public static UserClass of(String... classes) {
    if (classes.length == 0) {
      throw new IllegalArgumentException("classes: none (expected: at least one)");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (String c : classes) {
      byte[] b = c.getBytes(StandardCharsets.ISO_8859_1);
      if (b.length == 0 || b.length > 255 || !c.equals(new String(b, StandardCharsets.ISO_8859_1))) {
        throw new IllegalArgumentException(
            "class: \"" + c + "\" (expected: 1-255 chars, each U+0001-U+00FF)");
      }
      out.write(b.length);
      out.writeBytes(b);
    }
    return new UserClass(out.toByteArray());
  }

  /** Returns the bare, non-RFC 3004 user class that iPXE and dhclient send. */
  public static UserClass raw(String text) {
    return new UserClass(text.getBytes(StandardCharsets.ISO_8859_1));
  }

  /** Returns a copy of the value bytes. */
  public byte[] bytes() {
    return value.clone();
  }

  /** Returns whether the value is an RFC 3004 list rather than one bare string. */
  public boolean isRfc3004() {
    return rfc3004;
  }

  /** Returns the class names: the list's entries, or the one bare string. */
  public List<String> classes() {
    return classes;
  }

  /** Returns whether one of the classes is exactly {@code name}. */
  public boolean contains(String name) {
    return classes.contains(name);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof UserClass && Arrays.equals(((UserClass) o).value, value);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(value);
  }

  @Override
  public String toString() {
    return (rfc3004 ? "RFC 3004 " : "raw ") + classes;
  }
}
