package dev.netboot.pxe;

import dev.netboot.dhcp.ClientArchitecture;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What the responders need to know about the server besides its address: where HTTP is, the
 * names of the iPXE binaries per architecture, and how iPXE is recognised.
 *
 * <p>Immutable; start from {@link #builder()}, change with {@link #toBuilder()}.
 */
public final class PxeServerSettings {
  /** The default TFTP names of the iPXE binaries, as Debian's {@code ipxe} package names them. */
  public static final Map<ClientArchitecture, String> DEFAULT_TFTP_IPXE = Map.of(
      ClientArchitecture.X86_BIOS, "undionly.kpxe",
      ClientArchitecture.X64_UEFI, "ipxe.efi",
      ClientArchitecture.EBC, "ipxe.efi",
      ClientArchitecture.ARM64_UEFI, "snp.efi");
  /** The default HTTP paths of the iPXE binaries for UEFI HTTP Boot clients. */
  public static final Map<ClientArchitecture, String> DEFAULT_HTTP_IPXE = Map.of(
      ClientArchitecture.X64_UEFI_HTTP, "ipxe.efi",
      ClientArchitecture.ARM64_UEFI_HTTP, "snp.efi");
  /** The default path, under the HTTP base URL, of the generated iPXE scripts. */
  public static final String DEFAULT_SCRIPT_PATH = "boot.ipxe";

  private final @Nullable String httpBaseUrl;
  private final String scriptPath;
  private final Map<ClientArchitecture, String> tftpIpxeBinaries;
  private final Map<ClientArchitecture, String> httpIpxeBinaries;
  private final @Nullable String ownIpxeUserClass;
  private final boolean replaceIpxeRoms;
  private final @Nullable PxeMenu menu;

  private PxeServerSettings(Builder b) {
    this.httpBaseUrl = b.httpBaseUrl;
    this.scriptPath = b.scriptPath;
    this.tftpIpxeBinaries = Map.copyOf(b.tftpIpxeBinaries);
    this.httpIpxeBinaries = Map.copyOf(b.httpIpxeBinaries);
    this.ownIpxeUserClass = b.ownIpxeUserClass;
    this.replaceIpxeRoms = b.replaceIpxeRoms;
    this.menu = b.menu;
  }

  /** Returns a builder with the defaults: no HTTP, Debian's binary names, no menu. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder that starts from these settings. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.httpBaseUrl = httpBaseUrl;
    b.scriptPath = scriptPath;
    b.tftpIpxeBinaries.clear();
    b.tftpIpxeBinaries.putAll(tftpIpxeBinaries);
    b.httpIpxeBinaries.clear();
    b.httpIpxeBinaries.putAll(httpIpxeBinaries);
    b.ownIpxeUserClass = ownIpxeUserClass;
    b.replaceIpxeRoms = replaceIpxeRoms;
    b.menu = menu;
    return b;
  }

  /** Returns the HTTP base URL, as {@code http://10.0.0.1:8080}, without a trailing slash. */
  public Optional<String> httpBaseUrl() {
    return Optional.ofNullable(httpBaseUrl);
  }

  /** Returns the path of the generated scripts under the HTTP base URL. */
  public String scriptPath() {
    return scriptPath;
  }

  /** Returns the TFTP names of the iPXE binaries per architecture. */
  public Map<ClientArchitecture, String> tftpIpxeBinaries() {
    return tftpIpxeBinaries;
  }

  /** Returns the HTTP paths (under the base URL) of the iPXE binaries for HTTP Boot clients. */
  public Map<ClientArchitecture, String> httpIpxeBinaries() {
    return httpIpxeBinaries;
  }

  /** Returns the user class that marks an iPXE built for this server, like Pixiecore's. */
  public Optional<String> ownIpxeUserClass() {
    return Optional.ofNullable(ownIpxeUserClass);
  }

  /** Returns whether iPXE ROMs that are not known to be ours get our iPXE binary once. */
  public boolean replaceIpxeRoms() {
    return replaceIpxeRoms;
  }

  /** Returns the PXE menu that PXE ROMs get instead of the one-item menu trick. */
  public Optional<PxeMenu> menu() {
    return Optional.ofNullable(menu);
  }

  /** Builds {@link PxeServerSettings}. */
  public static final class Builder {
    private @Nullable String httpBaseUrl;
    private String scriptPath = DEFAULT_SCRIPT_PATH;
    private final Map<ClientArchitecture, String> tftpIpxeBinaries =
        new HashMap<>(DEFAULT_TFTP_IPXE);
    private final Map<ClientArchitecture, String> httpIpxeBinaries =
        new HashMap<>(DEFAULT_HTTP_IPXE);
    private @Nullable String ownIpxeUserClass;
    private boolean replaceIpxeRoms;
    private @Nullable PxeMenu menu;

    private Builder() {}

    /**
     * Sets the HTTP base URL that scripts and HTTP Boot files are served under.
     *
     * @throws IllegalArgumentException if it does not start with {@code http://} or
     *     {@code https://}
     */
    public Builder httpBaseUrl(String url) {
      if (!url.startsWith("http://") && !url.startsWith("https://")) {
        throw new IllegalArgumentException(
            "HTTP base URL: \"" + url + "\" (expected: http://host[:port][/path])");
      }
      this.httpBaseUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
      return this;
    }

    /** Sets the path of the generated scripts under the base URL; default {@code boot.ipxe}. */
    public Builder scriptPath(String path) {
      this.scriptPath = path.startsWith("/") ? path.substring(1) : path;
      return this;
    }

    /** Sets the TFTP name of the iPXE binary for one architecture. */
    public Builder tftpIpxeBinary(ClientArchitecture architecture, String file) {
      tftpIpxeBinaries.put(architecture, file);
      return this;
    }

    /** Sets the HTTP path of the iPXE binary for one HTTP Boot architecture. */
    public Builder httpIpxeBinary(ClientArchitecture architecture, String path) {
      httpIpxeBinaries.put(architecture, path);
      return this;
    }

    /** Sets the user class that the server's own iPXE build sends, if it has one. */
    public Builder ownIpxeUserClass(@Nullable String userClass) {
      this.ownIpxeUserClass = userClass;
      return this;
    }

    /**
     * Sets whether an iPXE ROM not known to be ours (by user class or {@link ChainloadMemory})
     * is first given our iPXE binary; default false: any iPXE gets the script at once.
     */
    public Builder replaceIpxeRoms(boolean replace) {
      this.replaceIpxeRoms = replace;
      return this;
    }

    /** Sets a PXE menu for the ROMs' own menu, or {@code null} for the one-item trick. */
    public Builder menu(@Nullable PxeMenu menu) {
      this.menu = menu;
      return this;
    }

    /** Returns the settings. */
    public PxeServerSettings build() {
      return new PxeServerSettings(this);
    }
  }
}
