package dev.netboot.cli.server;

import dev.netboot.cli.ProgressLine;
import dev.netboot.pxe.BootDecision;
import dev.netboot.server.NetbootEvent;
import java.net.InetSocketAddress;

/** One line per server event, starting with the machine's MAC so that one boot can be grepped. */
final class EventLine {
  private EventLine() {}

  static String of(NetbootEvent event) {
    String mac = event.mac() != null ? event.mac() : "-";
    if (event instanceof NetbootEvent.MachineSeen e) {
      return mac + " " + e.family() + (e.architecture() != null ? " arch " + e.architecture() : "")
          + " asks on port " + e.serverPort() + " from " + peer(e.peer())
          + (e.interfaceName() != null ? " via " + e.interfaceName() : "");
    }
    if (event instanceof NetbootEvent.BootDecided e) {
      return mac + " boots " + decision(e.decision());
    }
    if (event instanceof NetbootEvent.FileServed e) {
      return mac + " " + e.protocol() + " " + e.path() + " to " + peer(e.peer()) + ": "
          + e.bytes() + " bytes in " + e.duration().toMillis() + " ms"
          + (e.success() ? "" : " (incomplete)");
    }
    if (event instanceof NetbootEvent.TransferProgress e) {
      return mac + " " + e.protocol() + " " + e.path() + " to " + peer(e.peer()) + ": "
          + ProgressLine.amount(e.bytes(), e.totalBytes());
    }
    if (event instanceof NetbootEvent.BootFinished e) {
      return mac + " has its kernel and initrds: boot handed to the kernel";
    }
    if (event instanceof NetbootEvent.ServiceError e) {
      return mac + " " + e.service() + " error: " + e.message();
    }
    return mac + " " + event;
  }

  static String decision(BootDecision d) {
    if (d instanceof BootDecision.LinuxBoot l) {
      return "linux " + l.kernel() + (l.initrds().isEmpty() ? "" : " + " + l.initrds())
          + (l.cmdline().isEmpty() ? "" : " \"" + l.cmdline() + "\"");
    }
    if (d instanceof BootDecision.IpxeScriptUrl u) {
      return "iPXE script " + u.url();
    }
    if (d instanceof BootDecision.IpxeScript) {
      return "an iPXE script";
    }
    if (d instanceof BootDecision.BootFile f) {
      return "boot file " + (f.byArchitecture().isEmpty() ? f.fallback() : f.byArchitecture());
    }
    return "nothing (ignored)";
  }

  private static String peer(InetSocketAddress a) {
    return a.getAddress() != null ? a.getAddress().getHostAddress() + ":" + a.getPort()
        : a.toString();
  }
}
