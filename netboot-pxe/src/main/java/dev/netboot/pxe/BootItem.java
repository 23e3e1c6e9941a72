package dev.netboot.pxe;

/**
 * Sub-option 43.71, the boot item (PXE 2.1 section 2.2.5): in a client's boot server request,
 * the server type it chose from the menu and the layer it wants; in the server's answer, the
 * same. Layer 0 is the boot file itself; bit 15 of the layer asks for credentials instead.
 *
 * @param type the boot server type
 * @param layer the layer number with the credentials bit, 0 to 65535
 */
public record BootItem(BootServerType type, int layer) {
  /** The layer bit that asks for credentials rather than the boot file. */
  public static final int CREDENTIALS_BIT = 0x8000;

  /**
   * Checks the layer.
   *
   * @throws IllegalArgumentException if {@code layer} is outside 0..65535
   */
  public BootItem {
    if (layer < 0 || layer > 0xFFFF) {
      throw new IllegalArgumentException("boot item layer: " + layer + " (expected: 0-65535)");
    }
  }

  /** Returns the layer number without the credentials bit. */
  public int layerNumber() {
    return layer & ~CREDENTIALS_BIT;
  }

  /** Returns whether the client asks for credentials rather than the boot file. */
  public boolean wantsCredentials() {
    return (layer & CREDENTIALS_BIT) != 0;
  }
}
