package dev.netboot.server.internal;

import dev.netboot.pxe.BootDecision;
import dev.netboot.syslinux.Label;
import dev.netboot.syslinux.SyslinuxConfig;
import dev.netboot.tftp.TftpRequestInfo;
import dev.netboot.tftp.files.DynamicFileSource;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Generates {@code pxelinux.cfg/01-<mac>} for machines with a remembered Linux decision: pxelinux
 * asks for that name first (then UUID, IP prefixes, default), so one generated name per machine
 * suffices, and other names are refused at once instead of costing a timeout each.
 */
public final class PxelinuxConfigs implements DynamicFileSource.Generator {
  private static final Logger log = LoggerFactory.getLogger(PxelinuxConfigs.class);
  /** The directory pxelinux reads its configuration from. */
  public static final String DIRECTORY = "pxelinux.cfg/";
  /** ARP hardware type 1 (Ethernet), the {@code 01-} prefix of the per-MAC file name. */
  private static final String ETHERNET_PREFIX = "01-";
  /** The label of the one entry. */
  public static final String LABEL = "linux";

  private final DecisionMemory decisions;
  private final SettingsByAddress settings;
  private final Clock clock;

  /**
   * Creates the generator.
   *
   * @param decisions the remembered decisions
   * @param settings PXE settings per server address, for the HTTP URLs
   * @param clock the time
   */
  public PxelinuxConfigs(DecisionMemory decisions, SettingsByAddress settings, Clock clock) {
    this.decisions = decisions;
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public Optional<byte[]> generate(TftpRequestInfo request) {
    String name = request.filename().replace('\\', '/');
    if (name.startsWith("/")) {
      name = name.substring(1);
    }
    String lower = name.toLowerCase(Locale.ROOT);
    if (!lower.startsWith(DIRECTORY + ETHERNET_PREFIX)) {
      return Optional.empty();
    }
    Optional<String> mac = DecisionMemory.parseMac(
        lower.substring((DIRECTORY + ETHERNET_PREFIX).length()));
    Optional<DecisionMemory.Remembered> remembered =
        mac.flatMap(m -> decisions.recall(m, clock.instant()));
    if (remembered.isEmpty()
        || !(remembered.get().decision() instanceof BootDecision.LinuxBoot linux)) {
      return Optional.empty();
    }
    String base = settings.forAddress(remembered.get().serverAddress()).httpBaseUrl().orElse("");
    String config = render(linux, base);
    log.info("mac={} tftp: generated {} for {}", mac.get(), name, request.peer());
    return Optional.of(config.getBytes(StandardCharsets.UTF_8));
  }

  /** Renders the configuration that boots {@code linux}, with HTTP URLs under {@code base}. */
  public static String render(BootDecision.LinuxBoot linux, String base) {
    Label.Builder label = Label.builder(LABEL).kernel(url(linux.kernel(), base));
    if (!linux.initrds().isEmpty()) {
      label.initrd(String.join(",", linux.initrds().stream().map(i -> url(i, base)).toList()));
    }
    if (!linux.cmdline().isEmpty()) {
      label.append(linux.cmdline());
    }
    return SyslinuxConfig.builder().defaultCommand(LABEL).add(label.build()).build().render();
  }

  private static String url(String pathOrUrl, String base) {
    if (pathOrUrl.contains("://")) {
      return pathOrUrl;
    }
    return base + (pathOrUrl.startsWith("/") ? "" : "/") + pathOrUrl;
  }
}
