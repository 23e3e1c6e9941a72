package dev.netboot.syslinux;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The argument of {@code SYSAPPEND}/{@code IPAPPEND}: a bit mask, read as syslinux's
 * {@code strtoul(arg, NULL, 0)} reads it (decimal, {@code 0x} hexadecimal, {@code 0} octal).
 * Bits syslinux does not name are kept.
 */
public final class SysappendFlags {
  private final long mask;

  private SysappendFlags(long mask) {
    this.mask = mask;
  }

  /**
   * Returns the flags with this mask.
   *
   * @param mask 0 to 0xffffffff
   * @return the flags
   */
  public static SysappendFlags of(long mask) {
    if (mask < 0 || mask > 0xffff_ffffL) {
      throw new IllegalArgumentException("mask " + mask + " (expected: 0 to 0xffffffff)");
    }
    return new SysappendFlags(mask);
  }

  /** Returns the flags with these bits. */
  public static SysappendFlags of(SysappendBit... bits) {
    long m = 0;
    for (SysappendBit b : bits) {
      m |= b.mask();
    }
    return new SysappendFlags(m);
  }

  /**
   * Reads an argument as {@code strtoul(..., 0)} does: leading C white space, then digits in the
   * base the prefix says; what follows the digits is ignored; no digits is 0. Values beyond 32
   * bits keep their low 32 bits, like syslinux's {@code uint32_t}.
   *
   * @param argument the directive's argument
   * @return the flags
   */
  public static SysappendFlags parse(String argument) {
    int i = 0;
    while (i < argument.length() && " \t\n\u000b\f\r".indexOf(argument.charAt(i)) >= 0) {
      i++;
    }
    boolean negative = false;
    if (i < argument.length() && (argument.charAt(i) == '+' || argument.charAt(i) == '-')) {
      negative = argument.charAt(i) == '-';
      i++;
    }
    int base = 10;
    if (argument.startsWith("0x", i) || argument.startsWith("0X", i)) {
      if (i + 2 < argument.length() && Character.digit(argument.charAt(i + 2), 16) >= 0) {
        base = 16;
        i += 2;
      }
    } else if (argument.startsWith("0", i)) {
      base = 8;
    }
    long value = 0;
    while (i < argument.length() && Character.digit(argument.charAt(i), base) >= 0
        && argument.charAt(i) < 0x80) {
      value = (value * base + Character.digit(argument.charAt(i), base)) & 0xffff_ffffL;
      i++;
    }
    return new SysappendFlags((negative ? -value : value) & 0xffff_ffffL);
  }

  /** Returns the mask. */
  public long mask() {
    return mask;
  }

  /** Returns the named bits that are set. */
  public Set<SysappendBit> bits() {
    Set<SysappendBit> set = EnumSet.noneOf(SysappendBit.class);
    for (SysappendBit b : SysappendBit.values()) {
      if ((mask & b.mask()) != 0) {
        set.add(b);
      }
    }
    return set;
  }

  /** Returns whether {@code bit} is set. */
  public boolean contains(SysappendBit bit) {
    return (mask & bit.mask()) != 0;
  }

  /** Returns the mask as a directive argument: decimal, as most files write it. */
  public String toArgument() {
    return Long.toString(mask);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof SysappendFlags f && f.mask == mask;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(mask);
  }

  /** Returns the bit names joined by {@code |}, unnamed bits in hexadecimal: {@code IP|BOOTIF}. */
  @Override
  public String toString() {
    List<String> names = new ArrayList<>();
    long rest = mask;
    for (SysappendBit b : bits()) {
      names.add(b.name());
      rest &= ~b.mask();
    }
    if (rest != 0) {
      names.add("0x" + Long.toHexString(rest));
    }
    return names.isEmpty() ? "0" : String.join("|", names);
  }
}
