package dev.netboot.server.simulation;

import dev.netboot.ipxe.IpxeCommand;
import dev.netboot.ipxe.IpxeException;
import dev.netboot.ipxe.IpxeScript;
import dev.netboot.ipxe.IpxeScriptParser;
import dev.netboot.ipxe.IpxeWord;
import dev.netboot.tftp.udp.TftpClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What iPXE does with a script: fetches each image that {@code kernel}, {@code initrd},
 * {@code imgfetch}, {@code module} and {@code chain} name (relative URLs against the script's),
 * follows chained scripts, and stops at {@code boot} or a chained kernel. Control flow
 * ({@code goto}, {@code ||}) is not evaluated: commands run in order, once, which is what the
 * generated scripts need.
 */
final class IpxeRun {
  /** Chained scripts followed at most, so that a script chaining itself ends. */
  static final int MAX_SCRIPT_DEPTH = 8;

  private static final Set<String> IMAGE_FETCH = Set.of("initrd", "imgfetch", "module");
  private static final Set<String> KERNEL = Set.of("kernel", "chain", "imgload", "imgselect");
  private static final Set<String> GIVING_UP = Set.of("exit", "sanboot", "shell", "poweroff",
      "reboot");

  private final ImageFetcher fetcher;
  private final StepLog log;
  private boolean kernelLoaded;

  IpxeRun(HttpClient http, TftpClient tftp, Duration timeout, StepLog log) {
    this.fetcher = new ImageFetcher(http, tftp, timeout);
    this.log = log;
  }

  /** Fetches the script at {@code url} and runs it; returns normally once a kernel boots. */
  void runUrl(URI url) throws BootFailure, IOException {
    run(url, 0);
  }

  /** Runs a script that was already fetched from {@code base}. */
  void runScript(byte[] script, URI base) throws BootFailure, IOException {
    execute(parse(script, base), base, 0);
  }

  private void run(URI url, int depth) throws BootFailure, IOException {
    long start = System.nanoTime();
    ImageFetcher.Fetched fetched = fetcher.fetch(url);
    if (!fetched.isScript()) {
      throw new BootFailure("not an iPXE script (no #!ipxe): " + url);
    }
    log.add("HTTP script", "GET " + url + " -> " + fetched.status(), fetched.bytes(), start);
    execute(parse(fetched.prefix(), url), url, depth);
  }

  private void execute(IpxeScript script, URI base, int depth) throws BootFailure, IOException {
    if (depth >= MAX_SCRIPT_DEPTH) {
      throw new BootFailure("more than " + MAX_SCRIPT_DEPTH + " chained scripts: " + base);
    }
    for (IpxeCommand command : script.commands()) {
      String name = command.name().orElse("").toLowerCase(Locale.ROOT);
      if (name.equals("boot")) {
        if (!kernelLoaded) {
          throw new BootFailure("'boot' with no kernel loaded");
        }
        return;
      }
      if (GIVING_UP.contains(name)) {
        throw new BootFailure("the script runs '" + name + "' instead of booting a kernel");
      }
      boolean kernel = KERNEL.contains(name);
      if (!kernel && !IMAGE_FETCH.contains(name)) {
        continue;
      }
      URI url = resolve(base, literalUrl(command, name));
      long start = System.nanoTime();
      ImageFetcher.Fetched fetched = fetcher.fetch(url);
      if (kernel && fetched.isScript()) {
        log.add("HTTP script", name + " " + url + " -> " + fetched.status(), fetched.bytes(), start);
        execute(parse(fetched.prefix(), url), url, depth + 1);
        return;
      }
      log.add(kernel ? "HTTP kernel" : "HTTP initrd", name + " " + url + " -> " + fetched.status(),
          fetched.bytes(), start);
      kernelLoaded |= kernel;
      if (name.equals("chain")) {
        return; // chain = fetch and boot at once
      }
    }
    throw new BootFailure("the script ends without 'boot'" + (kernelLoaded ? "" : " or a kernel"));
  }

  /**
   * Resolves a reference as RFC 3986 section 5.2 does, as iPXE does: unlike
   * {@link URI#resolve}, {@code ..} above the root is dropped.
   */
  static URI resolve(URI base, String reference) throws BootFailure {
    URI url;
    try {
      url = base.resolve(reference).normalize();
    } catch (IllegalArgumentException e) {
      throw new BootFailure("malformed URL: " + reference);
    }
    String path = url.getRawPath();
    if (path == null || !path.startsWith("/..")) {
      return url;
    }
    while (path.startsWith("/../") || path.equals("/..")) {
      path = path.length() > 3 ? path.substring(3) : "/";
    }
    return URI.create(url.getScheme() + "://" + url.getRawAuthority() + path
        + (url.getRawQuery() != null ? "?" + url.getRawQuery() : ""));
  }

  private static String literalUrl(IpxeCommand command, String name) throws BootFailure {
    Optional<String> url = command.arguments().stream().findFirst()
        .flatMap(IpxeWord::literalValue);
    if (url.isEmpty()) {
      throw new BootFailure("'" + name + "' without a literal URL: " + command);
    }
    return url.get();
  }

  private static IpxeScript parse(byte[] text, URI from) throws BootFailure {
    try {
      return IpxeScriptParser.parse(text, from.toString());
    } catch (IpxeException e) {
      throw new BootFailure("unreadable script " + from + ": " + e.getMessage());
    }
  }

}
