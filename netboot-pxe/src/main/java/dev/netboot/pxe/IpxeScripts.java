package dev.netboot.pxe;

import dev.netboot.dhcp.ClientArchitecture;
import java.util.Optional;

/**
 * Renders the iPXE script a server serves for a {@link BootDecision}: the script the policy gave,
 * or one that boots a Linux kernel.
 */
public final class IpxeScripts {
  private IpxeScripts() {}

  /**
   * Returns the script for a client's decision, or empty when the decision is not a script (an
   * NBP, ignore, or a script URL the server does not serve).
   */
  public static Optional<String> render(
      BootDecision decision, PxeClient client, PxeServerSettings settings) {
    if (decision instanceof BootDecision.IpxeScript) {
      return Optional.of(((BootDecision.IpxeScript) decision).script());
    }
    if (decision instanceof BootDecision.LinuxBoot) {
      return Optional.of(linux((BootDecision.LinuxBoot) decision,
          client.architecture().orElse(ClientArchitecture.X86_BIOS), settings));
    }
    return Optional.empty();
  }

  /**
   * Returns a script that loads the kernel and initrds over HTTP and boots. On EFI the kernel's
   * EFI stub loads each initrd by name, so the command line gets {@code initrd=<name>} for each
   * (without it the kernel boots with no initramfs); BIOS iPXE does not need it.
   */
  public static String linux(
      BootDecision.LinuxBoot boot, ClientArchitecture architecture, PxeServerSettings settings) {
    StringBuilder kernelLine = new StringBuilder("kernel ").append(url(boot.kernel(), settings));
    boolean efi = !architecture.equals(ClientArchitecture.X86_BIOS)
        && !architecture.equals(ClientArchitecture.X86_BIOS_HTTP);
    StringBuilder initrdLines = new StringBuilder();
    for (String initrd : boot.initrds()) {
      String name = initrd.substring(initrd.lastIndexOf('/') + 1);
      if (efi) {
        kernelLine.append(" initrd=").append(name);
      }
      initrdLines.append("initrd ").append(url(initrd, settings)).append('\n');
    }
    if (!boot.cmdline().isEmpty()) {
      kernelLine.append(' ').append(boot.cmdline());
    }
    return "#!ipxe\n" + kernelLine + "\n" + initrdLines + "boot\n";
  }

  private static String url(String pathOrUrl, PxeServerSettings settings) {
    if (pathOrUrl.contains("://")) {
      return pathOrUrl;
    }
    String path = pathOrUrl.startsWith("/") ? pathOrUrl.substring(1) : pathOrUrl;
    return settings.httpBaseUrl().map(base -> base + "/" + path).orElse(path);
  }
}
