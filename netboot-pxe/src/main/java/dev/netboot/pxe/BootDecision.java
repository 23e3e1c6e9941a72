package dev.netboot.pxe;

import dev.netboot.dhcp.ClientArchitecture;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link BootPolicy} wants a client to boot. The responders turn it into the next file for
 * the client's stage: a PXE ROM that must run a script first gets the iPXE binary for its
 * architecture, iPXE gets the script (see {@link BootChain}).
 */
public sealed interface BootDecision {
  /** Returns the decision not to answer this client at all: another server may boot it. */
  static BootDecision ignore() {
    return Ignore.INSTANCE;
  }

  /** Returns a decision to boot one NBP (a TFTP path or an HTTP URL) whatever the architecture. */
  static BootDecision bootFile(String file) {
    return new BootFile(Map.of(), file);
  }

  /**
   * Returns a decision to boot an NBP chosen by architecture, with a fallback for the others.
   *
   * @param byArchitecture the file per architecture (option 93)
   * @param fallback the file for any other architecture, or {@code null} to leave those alone
   */
  static BootDecision bootFiles(
      Map<ClientArchitecture, String> byArchitecture, @Nullable String fallback) {
    return new BootFile(byArchitecture, fallback);
  }

  /** Returns a decision to chain iPXE to the script at this URL. */
  static BootDecision ipxeScriptUrl(String url) {
    return new IpxeScriptUrl(url);
  }

  /** Returns a decision to chain iPXE to this script, which the server serves at its script URL. */
  static BootDecision ipxeScript(String script) {
    return new IpxeScript(script);
  }

  /**
   * Returns a decision to boot a Linux kernel with initrds and a command line; the server serves
   * the iPXE script that does it (see {@link IpxeScripts#linux}).
   */
  static BootDecision linux(String kernel, List<String> initrds, String cmdline) {
    return new LinuxBoot(kernel, initrds, cmdline);
  }

  /** Don't answer. */
  enum Ignore implements BootDecision {
    /** The one instance. */
    INSTANCE
  }

  /**
   * Boot this NBP directly; no iPXE in between.
   *
   * @param byArchitecture the file per architecture
   * @param fallback the file for other architectures, or {@code null}
   */
  record BootFile(Map<ClientArchitecture, String> byArchitecture, @Nullable String fallback)
      implements BootDecision {
    /** Copies the map. */
    public BootFile {
      byArchitecture = Map.copyOf(byArchitecture);
    }

    /** Returns the file for a client of this architecture (absent: the fallback). */
    public Optional<String> fileFor(@Nullable ClientArchitecture architecture) {
      String file = architecture != null ? byArchitecture.get(architecture) : null;
      return Optional.ofNullable(file != null ? file : fallback);
    }
  }

  /**
   * Chain iPXE to the script at this URL.
   *
   * @param url the script's URL
   */
  record IpxeScriptUrl(String url) implements BootDecision {}

  /**
   * Chain iPXE to this script, served by the server at its script URL.
   *
   * @param script the script text, starting with {@code #!ipxe}
   */
  record IpxeScript(String script) implements BootDecision {}

  /**
   * Boot a Linux kernel; the server generates the iPXE script.
   *
   * @param kernel the kernel's URL, or a path relative to the server's HTTP base URL
   * @param initrds the initrds' URLs or paths, in load order
   * @param cmdline the kernel command line
   */
  record LinuxBoot(String kernel, List<String> initrds, String cmdline) implements BootDecision {
    /** Copies the list. */
    public LinuxBoot {
      initrds = List.copyOf(initrds);
    }
  }
}
