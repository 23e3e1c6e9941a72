package dev.netboot.pxe;

import java.nio.charset.StandardCharsets;

/**
 * One entry of sub-option 43.9, the boot menu: the boot server type the item asks for and the
 * text the ROM shows (PXE 2.1 table 2-1). ROMs print the text byte by byte, so it is ASCII in
 * practice; ISO-8859-1 keeps any byte a client sends.
 *
 * @param type the boot server type the client asks for (43.71) when this item is chosen
 * @param description the text shown, at most 255 bytes
 */
public record BootMenuItem(BootServerType type, String description) {
  /**
   * Checks the description.
   *
   * @throws IllegalArgumentException if the description is longer than 255 chars or has a char
   *     above U+00FF
   */
  public BootMenuItem {
    PxeText.check("menu item description", description, 255);
  }

  /** Returns the description's bytes as sent. */
  byte[] descriptionBytes() {
    return description.getBytes(StandardCharsets.ISO_8859_1);
  }
}
