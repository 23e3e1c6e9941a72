package dev.netboot.cli.server;

import dev.netboot.cli.ProgressLine;
import dev.netboot.cli.StopSignal;
import dev.netboot.server.NetbootEvent;
import dev.netboot.server.NetbootListener;
import dev.netboot.server.NetbootServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs a server until SIGINT or SIGTERM (or, for embedders and tests, an interrupt of the
 * command's thread), printing a line per event, then closes it gracefully.
 */
final class ServeLoop {
  private final ProgressLine lines;
  // One thread prints, so that a slow terminal never holds up the server's threads.
  private final ExecutorService printer = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "netboot-events");
    t.setDaemon(true);
    return t;
  });

  ServeLoop(PrintWriter out) {
    this(out, ProgressLine.stdoutIsTerminal());
  }

  ServeLoop(PrintWriter out, boolean terminal) {
    this.lines = new ProgressLine(out, terminal);
  }

  /**
   * Returns the listener that prints each event on the printer thread; transfers in progress
   * only on a terminal, as a status line rewritten in place.
   */
  NetbootListener listener() {
    return event -> {
      try {
        if (event instanceof NetbootEvent.TransferProgress p) {
          printer.execute(() -> lines.update(EventLine.of(p)));
        } else {
          printer.execute(() -> println(EventLine.of(event)));
        }
      } catch (RejectedExecutionException e) {
        // stopping: the last events are not worth holding up the shutdown
      }
    };
  }

  /**
   * Starts {@code server}, says where it serves, waits for a stop signal, closes it.
   *
   * @param what what is served, for the first line
   * @return the exit code, 0
   * @throws UserError if the server cannot start
   */
  int run(NetbootServer server, ServerOptions options, String what) {
    try {
      server.start();
    } catch (IOException e) {
      printer.shutdown();
      throw new UserError(options.startFailure(e));
    }
    println("Serving " + what + ": DHCP on port " + server.dhcpPort() + ", boot server "
        + server.bootServerPort() + ", TFTP " + server.tftpPort() + ", HTTP "
        + server.httpPort() + "; Ctrl-C stops.");
    StopSignal.awaitThenClose(server::close, "netboot-shutdown", printer);
    println("Stopped.");
    return 0;
  }

  private void println(String line) {
    lines.println(line);
  }
}
