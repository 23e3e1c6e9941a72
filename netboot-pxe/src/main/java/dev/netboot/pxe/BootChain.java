package dev.netboot.pxe;

import dev.netboot.dhcp.ClientArchitecture;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Turns a {@link BootDecision} into the next file for the stage a client is at, the way that
 * works with real firmware (and the way Pixiecore does it):
 *
 * <ul>
 *   <li>a BIOS PXE ROM gets the iPXE binary for BIOS ({@code undionly.kpxe}) over TFTP;
 *   <li>a UEFI PXE client gets the iPXE binary for its architecture ({@code ipxe.efi} for x64,
 *       {@code snp.efi} for ARM64) over TFTP;
 *   <li>a UEFI HTTP Boot client gets that binary as a URL;
 *   <li>iPXE gets the script URL, never iPXE again. With
 *       {@link PxeServerSettings#replaceIpxeRoms()}, an iPXE ROM that is not known to run our
 *       iPXE (by {@link PxeServerSettings#ownIpxeUserClass()} or {@link ChainloadMemory}) gets
 *       our binary once first.
 * </ul>
 *
 * <p>An NBP decision ({@link BootDecision.BootFile}) skips iPXE. No target (empty) means the
 * client cannot be served as decided (no binary for its architecture, an HTTP URL for a TFTP-only
 * ROM, no HTTP base URL for a generated script) and gets no answer: silence lets another server
 * boot it, where a menu without its architecture would stop edk2 with PXE-E21.
 */
public final class BootChain {
  private BootChain() {}

  /**
   * Plans the next file.
   *
   * @param client the client
   * @param decision the policy's decision
   * @param settings the server settings
   * @param servedIpxeBefore whether this client was recently given an iPXE binary
   * @return the target, or empty to not answer
   */
  public static Optional<BootTarget> plan(
      PxeClient client, BootDecision decision, PxeServerSettings settings,
      boolean servedIpxeBefore) {
    ClientFamily family = client.family();
    if (family == ClientFamily.NOT_PXE || decision instanceof BootDecision.Ignore) {
      return Optional.empty();
    }
    ClientArchitecture arch = client.architecture().orElse(null);
    if (decision instanceof BootDecision.BootFile) {
      return ((BootDecision.BootFile) decision).fileFor(arch)
          .flatMap(file -> nbpFor(family, file, settings));
    }
    switch (family) {
      case IPXE:
        boolean ours = servedIpxeBefore
            || settings.ownIpxeUserClass().map(client::hasUserClass).orElse(false);
        if (settings.replaceIpxeRoms() && !ours) {
          return tftpIpxe(arch, settings);
        }
        return scriptUrl(client, decision, settings)
            .map(url -> new BootTarget(url, BootTarget.Kind.IPXE_SCRIPT));
      case HTTP_BOOT:
        return Optional.ofNullable(arch != null ? settings.httpIpxeBinaries().get(arch) : null)
            .flatMap(path -> absolute(path, settings))
            .map(url -> new BootTarget(url, BootTarget.Kind.IPXE_BINARY));
      default:
        return tftpIpxe(arch, settings);
    }
  }

  private static Optional<BootTarget> tftpIpxe(
      ClientArchitecture arch, PxeServerSettings settings) {
    // A BIOS ROM that sends neither option 93 nor Arch: is PXE 2.1 BIOS.
    ClientArchitecture key = arch != null ? arch : ClientArchitecture.X86_BIOS;
    return Optional.ofNullable(settings.tftpIpxeBinaries().get(key))
        .map(file -> new BootTarget(file, BootTarget.Kind.IPXE_BINARY));
  }

  private static Optional<BootTarget> nbpFor(
      ClientFamily family, String file, PxeServerSettings settings) {
    boolean url = file.contains("://");
    switch (family) {
      case IPXE:
        return Optional.of(new BootTarget(file, BootTarget.Kind.NBP));
      case HTTP_BOOT:
        return absolute(file, settings).map(u -> new BootTarget(u, BootTarget.Kind.NBP));
      default:
        // PXE ROMs speak TFTP only.
        return url ? Optional.empty() : Optional.of(new BootTarget(file, BootTarget.Kind.NBP));
    }
  }

  /**
   * Returns the URL of the script for a script or kernel decision: the decision's own URL, or
   * the server's generated-script URL {@code <base>/<scriptPath>?mac=<mac>&arch=<code>}.
   */
  public static Optional<String> scriptUrl(
      PxeClient client, BootDecision decision, PxeServerSettings settings) {
    if (decision instanceof BootDecision.IpxeScriptUrl) {
      return Optional.of(((BootDecision.IpxeScriptUrl) decision).url());
    }
    String mac = HexFormat.ofDelimiter("-").formatHex(client.hardwareAddress());
    String query = "?mac=" + mac
        + client.architecture().map(a -> "&arch=" + a.code()).orElse("");
    return settings.httpBaseUrl().map(base -> base + "/" + settings.scriptPath() + query);
  }

  private static Optional<String> absolute(String pathOrUrl, PxeServerSettings settings) {
    if (pathOrUrl.contains("://")) {
      return Optional.of(pathOrUrl);
    }
    String path = pathOrUrl.startsWith("/") ? pathOrUrl.substring(1) : pathOrUrl;
    return settings.httpBaseUrl().map(base -> base + "/" + path);
  }
}
