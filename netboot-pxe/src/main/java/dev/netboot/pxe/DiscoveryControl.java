package dev.netboot.pxe;

/**
 * Sub-option 43.6, boot server discovery control (PXE 2.1 table 2-1): a byte of flags that
 * tells a PXE client how to find its boot server. Bits this class does not name are kept.
 *
 * @param bits the byte, 0 to 255
 */
public record DiscoveryControl(int bits) {
  /** Bit 0: do not discover boot servers by broadcast. */
  public static final int DISABLE_BROADCAST = 1;
  /** Bit 1: do not discover boot servers by multicast. */
  public static final int DISABLE_MULTICAST = 1 << 1;
  /** Bit 2: only use, and only accept answers from, the servers listed in 43.8. */
  public static final int ONLY_LISTED_SERVERS = 1 << 2;
  /**
   * Bit 3: if this reply names a boot file, download it at once without any discovery; the
   * "bypass" that Pixiecore sends to BIOS ROMs.
   */
  public static final int USE_BOOT_FILE = 1 << 3;

  /**
   * Checks the range.
   *
   * @throws IllegalArgumentException if {@code bits} is outside 0..255
   */
  public DiscoveryControl {
    if (bits < 0 || bits > 0xFF) {
      throw new IllegalArgumentException("discovery control: " + bits + " (expected: 0-255)");
    }
  }

  /** Returns the control with these bits set, as in {@code of(DISABLE_BROADCAST, DISABLE_MULTICAST)}. */
  public static DiscoveryControl of(int... flags) {
    int bits = 0;
    for (int f : flags) {
      bits |= f;
    }
    return new DiscoveryControl(bits);
  }

  /** Returns whether every bit of {@code flag} is set. */
  public boolean has(int flag) {
    return (bits & flag) == flag;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("DiscoveryControl(0x").append(Integer.toHexString(bits));
    String[] names = {"DISABLE_BROADCAST", "DISABLE_MULTICAST", "ONLY_LISTED_SERVERS",
      "USE_BOOT_FILE"};
    for (int i = 0; i < names.length; i++) {
      if ((bits & (1 << i)) != 0) {
        sb.append(' ').append(names[i]);
      }
    }
    return sb.append(')').toString();
  }
}
