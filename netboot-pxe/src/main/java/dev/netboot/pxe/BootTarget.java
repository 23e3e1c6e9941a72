package dev.netboot.pxe;

/**
 * The file a client is told to load next, and what it is.
 *
 * @param file a TFTP path or a URL
 * @param kind what the file is
 */
public record BootTarget(String file, Kind kind) {
  /** What a boot target is. */
  public enum Kind {
    /** The policy's own network bootstrap program. */
    NBP,
    /** An iPXE binary, the first step of a chain to a script. */
    IPXE_BINARY,
    /** An iPXE script, for a client that already runs iPXE. */
    IPXE_SCRIPT
  }

  /** Returns whether the file is a URL rather than a TFTP path. */
  public boolean isUrl() {
    return file.contains("://");
  }
}
