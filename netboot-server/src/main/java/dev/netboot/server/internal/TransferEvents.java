package dev.netboot.server.internal;

import dev.netboot.pxe.BootDecision;
import dev.netboot.server.NetbootEvent;
import dev.netboot.server.http.HttpRequestInfo;
import dev.netboot.server.http.HttpTransferListener;
import dev.netboot.tftp.internal.PeerLogBudget;
import dev.netboot.tftp.udp.TftpTransferEvent;
import dev.netboot.tftp.udp.TftpTransferListener;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * Turns TFTP and HTTP transfers into {@link NetbootEvent.FileServed} and, when the last file of a
 * Linux decision has gone out, {@link NetbootEvent.BootFinished}. The machine is found by the
 * {@code mac} query parameter or by the peer's IP address as DHCP last saw it.
 */
public final class TransferEvents implements TftpTransferListener, HttpTransferListener {
  private static final Logger log = LoggerFactory.getLogger(TransferEvents.class);
  private static final int OK = 200;
  private static final int PARTIAL_CONTENT = 206;
  private static final int NOT_MODIFIED = 304;

  private final DecisionMemory decisions;
  private final EventSink events;
  private final Clock clock;
  private final PeerLogBudget refusedLines = new PeerLogBudget();

  /**
   * Creates the glue.
   *
   * @param decisions the remembered decisions and addresses
   * @param events where events go
   * @param clock the time
   */
  public TransferEvents(DecisionMemory decisions, EventSink events, Clock clock) {
    this.decisions = decisions;
    this.events = events;
    this.clock = clock;
  }

  @Override
  public void transferCompleted(TftpTransferEvent event) {
    tftp(event);
  }

  @Override
  public void transferFailed(TftpTransferEvent event) {
    tftp(event);
  }

  private void tftp(TftpTransferEvent event) {
    if (event.direction() != TftpTransferEvent.Direction.READ) {
      return;
    }
    @Nullable String mac = decisions.macOf(event.peer().getAddress());
    // The TFTP server has logged a failure already, within the peer's budget of lines: a
    // second line here would make every rejected request two.
    log.atLevel(event.isSuccess() ? Level.INFO : Level.DEBUG)
        .log("mac={} tftp: {} {} to {}: {} bytes in {} ms", orDash(mac), event.filename(),
            event.isSuccess() ? "sent" : "failed", event.peer(), event.bytes(),
            event.duration().toMillis());
    events.emit(new NetbootEvent.FileServed(mac, NetbootEvent.Protocol.TFTP, event.filename(),
        event.peer(), event.bytes(), event.duration(), event.isSuccess()));
  }

  @Override
  public void transferProgress(TftpTransferEvent event, long bytes, long expectedBytes) {
    if (event.direction() == TftpTransferEvent.Direction.READ) {
      events.emit(new NetbootEvent.TransferProgress(decisions.macOf(event.peer().getAddress()),
          NetbootEvent.Protocol.TFTP, event.filename(), event.peer(), bytes, expectedBytes));
    }
  }

  @Override
  public void onProgress(HttpRequestInfo request, long bytes, long totalBytes) {
    events.emit(new NetbootEvent.TransferProgress(mac(request), NetbootEvent.Protocol.HTTP,
        request.path(), request.remote(), bytes, totalBytes));
  }

  private @Nullable String mac(HttpRequestInfo request) {
    return request.queryParameter("mac").flatMap(DecisionMemory::parseMac)
        .orElse(decisions.macOf(request.remote().getAddress()));
  }

  @Override
  public void onServed(HttpRequestInfo request, int status, long bytes, Duration duration,
      boolean complete) {
    @Nullable String mac = mac(request);
    boolean success = complete && (status == OK || status == PARTIAL_CONTENT);
    // Refusals are what a hostile client produces in bulk: each address has a budget of lines.
    @Nullable String suffix = success || status == NOT_MODIFIED ? ""
        : refusedLines.spend(request.remote().getAddress(), System.nanoTime());
    if (suffix != null) {
      log.info("mac={} http: {} {} -> {} to {}: {} bytes in {} ms{}", orDash(mac),
          request.method(), request.path(), status, request.remote(), bytes, duration.toMillis(),
          suffix);
    }
    events.emit(new NetbootEvent.FileServed(mac, NetbootEvent.Protocol.HTTP, request.path(),
        request.remote(), bytes, duration, success));
    // Only a whole 200 GET of the last file ends a boot: not a HEAD, a range, or a cut transfer.
    if (mac == null || status != OK || !complete || !"GET".equals(request.method())) {
      return;
    }
    Optional<DecisionMemory.Remembered> r = decisions.recall(mac, clock.instant());
    if (r.isPresent() && r.get().decision() instanceof BootDecision.LinuxBoot linux
        && request.path().equals(lastFilePath(linux))) {
      log.info("mac={} boot finished: {} sent, the kernel takes over", mac, request.path());
      events.emit(new NetbootEvent.BootFinished(mac, request.remote()));
    }
  }

  private static String orDash(@Nullable String mac) {
    return mac != null ? mac : "-";
  }

  /** Returns the URL path of the file a Linux boot fetches last: its last initrd, or the kernel. */
  static String lastFilePath(BootDecision.LinuxBoot linux) {
    List<String> initrds = linux.initrds();
    String last = initrds.isEmpty() ? linux.kernel() : initrds.get(initrds.size() - 1);
    if (last.contains("://")) {
      try {
        String path = URI.create(last).getPath();
        return path == null ? "" : path;
      } catch (IllegalArgumentException e) {
        return "";
      }
    }
    return last.startsWith("/") ? last : "/" + last;
  }
}
