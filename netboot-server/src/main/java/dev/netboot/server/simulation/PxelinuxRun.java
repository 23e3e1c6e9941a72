package dev.netboot.server.simulation;

import dev.netboot.syslinux.Label;
import dev.netboot.syslinux.PxelinuxConfigSearch;
import dev.netboot.syslinux.SyslinuxConfig;
import dev.netboot.syslinux.SyslinuxParseException;
import dev.netboot.tftp.TftpErrorCode;
import dev.netboot.tftp.udp.TftpClient;
import dev.netboot.tftp.udp.TftpTransferException;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What lpxelinux.0 does once downloaded: loads {@code ldlinux.c32} from its own directory, tries
 * the configuration files in pxelinux's order (FIRMWARE-NOTES.md: each "file not found" must
 * come at once), reads the default label, and loads its kernel and initrds over HTTP (a URL) or
 * TFTP (a path, under the boot file's directory).
 */
final class PxelinuxRun {
  /** lpxelinux's TFTP options (FIRMWARE-NOTES.md, "TFTP clients"). */
  private static final Map<String, String> OPTIONS = Map.of("tsize", "0", "blksize", "1408");

  private final TftpClient tftp;
  private final InetSocketAddress server;
  private final ImageFetcher fetcher;
  private final StepLog log;

  PxelinuxRun(TftpClient tftp, InetSocketAddress server, ImageFetcher fetcher, StepLog log) {
    this.tftp = tftp;
    this.server = server;
    this.fetcher = fetcher;
    this.log = log;
  }

  static boolean isPxelinux(String bootFile) {
    return bootFile.endsWith("pxelinux.0");
  }

  void run(String bootFile, byte[] mac, UUID uuid, Inet4Address clientAddress)
      throws BootFailure, IOException {
    PxelinuxConfigSearch search = PxelinuxConfigSearch.builder().macAddress(mac)
        .clientAddress(clientAddress).clientUuid(uuid).bootFileName(bootFile).build();
    String prefix = search.pathPrefix();
    long start = System.nanoTime();
    TftpFetch.Download ldlinux = TftpFetch.get(tftp, server, prefix + "ldlinux.c32", OPTIONS);
    log.add("TFTP", prefix + "ldlinux.c32 (" + ldlinux.options() + ")", ldlinux.bytes(), start);
    start = System.nanoTime();
    int missing = 0;
    for (String candidate : search.candidates()) {
      TftpFetch.Download config;
      try {
        config = TftpFetch.get(tftp, server, candidate, OPTIONS);
      } catch (TftpTransferException e) {
        if (TftpErrorCode.FILE_NOT_FOUND.equals(e.result().errorCode())) {
          missing++;
          continue;
        }
        throw e;
      }
      log.add("TFTP", candidate + " after " + missing + " not found", config.bytes(), start);
      boot(parse(candidate, config.prefix()), URI.create("tftp://"
          + server.getAddress().getHostAddress() + ":" + server.getPort() + "/" + prefix));
      return;
    }
    throw new BootFailure("pxelinux found none of its " + missing + " configuration files");
  }

  private void boot(SyslinuxConfig config, URI base) throws BootFailure, IOException {
    Optional<Label> label = config.defaultLabel();
    if (label.isEmpty() && config.labels().size() == 1) {
      label = Optional.of(config.labels().get(0));
    }
    if (label.isEmpty()) {
      throw new BootFailure("the pxelinux configuration has no default label");
    }
    Label l = label.get();
    List<String> initrds = new ArrayList<>(l.initrd());
    for (String word : l.effectiveAppend(config.globalAppend()).split(" ")) {
      if (word.startsWith("initrd=")) {
        initrds.addAll(List.of(word.substring("initrd=".length()).split(",")));
      }
    }
    fetch("kernel", l.kernel(), base);
    for (String initrd : initrds) {
      fetch("initrd", initrd, base);
    }
  }

  private void fetch(String what, String file, URI base) throws BootFailure, IOException {
    URI url = file.contains("://") ? URI.create(file) : base.resolve(file.replaceFirst("^::", ""));
    long start = System.nanoTime();
    ImageFetcher.Fetched fetched = fetcher.fetch(url);
    String protocol = url.getScheme().startsWith("http") ? "HTTP " : "TFTP ";
    log.add(protocol + what, url + " -> " + fetched.status(), fetched.bytes(), start);
  }

  private static SyslinuxConfig parse(String name, byte[] text) throws BootFailure {
    try {
      return SyslinuxConfig.parse(name, new String(text, StandardCharsets.UTF_8));
    } catch (SyslinuxParseException e) {
      throw new BootFailure("unreadable pxelinux configuration " + name + ": " + e.getMessage());
    }
  }
}
