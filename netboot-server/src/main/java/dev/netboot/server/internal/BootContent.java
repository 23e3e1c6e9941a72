package dev.netboot.server.internal;

import dev.netboot.pxe.IpxeScripts;
import dev.netboot.server.http.BootHttpContent;
import dev.netboot.server.http.FileCatalog;
import dev.netboot.server.http.HttpRequestInfo;
import dev.netboot.server.http.HttpResource;
import java.net.Inet4Address;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the server's HTTP port serves: the generated iPXE script at {@code /<scriptPath>?mac=..}
 * from the machine's remembered decision, and every other path from the {@link FileCatalog}.
 */
public final class BootContent implements BootHttpContent {
  private static final Logger log = LoggerFactory.getLogger(BootContent.class);
  /** The media type of iPXE scripts. */
  public static final String SCRIPT_TYPE = "text/plain; charset=utf-8";

  private final String scriptPath;
  private final DecisionMemory decisions;
  private final Supplier<@Nullable SettingsByAddress> settings;
  private final FileCatalog files;
  private final Clock clock;

  /**
   * Creates the content.
   *
   * @param scriptPath the script's path without the leading {@code /}
   * @param decisions the remembered decisions
   * @param settings PXE settings per server address, for the URLs inside scripts; supplied
   *     late because they need the HTTP port, known once HTTP is bound
   * @param files everything else
   * @param clock the time
   */
  public BootContent(String scriptPath, DecisionMemory decisions,
      Supplier<@Nullable SettingsByAddress> settings,
      FileCatalog files, Clock clock) {
    this.scriptPath = "/" + scriptPath;
    this.decisions = decisions;
    this.settings = settings;
    this.files = files;
    this.clock = clock;
  }

  @Override
  public Optional<HttpResource> resolve(HttpRequestInfo request) {
    if (!request.path().equals(scriptPath)) {
      return files.resolve(request);
    }
    Optional<String> mac = request.queryParameter("mac").flatMap(DecisionMemory::parseMac);
    if (mac.isEmpty()) {
      log.debug("http: script request from {} without a valid mac", request.remote());
      return Optional.empty();
    }
    Optional<DecisionMemory.Remembered> remembered = decisions.recall(mac.get(), clock.instant());
    if (remembered.isEmpty()) {
      log.info("mac={} http: script requested by {} but no decision is remembered", mac.get(),
          request.remote());
      return Optional.empty();
    }
    DecisionMemory.Remembered r = remembered.get();
    SettingsByAddress byAddress = settings.get();
    if (byAddress == null) {
      return Optional.empty(); // still starting: no DHCP answer has named this server yet
    }
    Inet4Address local = request.local().getAddress() instanceof Inet4Address a
        ? a : r.serverAddress();
    return IpxeScripts.render(r.decision(), r.client(), byAddress.forAddress(local))
        .map(script -> new HttpResource.BytesResource(
            script.getBytes(StandardCharsets.UTF_8), SCRIPT_TYPE, r.decidedAt()));
  }
}
