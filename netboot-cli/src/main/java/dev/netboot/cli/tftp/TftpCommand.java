package dev.netboot.cli.tftp;

import dev.netboot.cli.NetbootVersion;
import dev.netboot.cli.ProgressLine;
import dev.netboot.cli.StopSignal;
import dev.netboot.tftp.TftpOptions;
import dev.netboot.tftp.TftpServerSettings;
import dev.netboot.tftp.files.DirectoryFileSource;
import dev.netboot.tftp.udp.TftpServer;
import dev.netboot.tftp.udp.TftpTransferEvent;
import dev.netboot.tftp.udp.TftpTransferListener;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code netboot tftp ROOT}: serves a directory over TFTP until interrupted (Ctrl-C), printing
 * one line per transfer. Reads only, unless {@code --allow-write}.
 */
@Command(
    name = "tftp",
    mixinStandardHelpOptions = true,
    versionProvider = NetbootVersion.class,
    description = "Serves a directory over TFTP (RFC 1350, 2347, 2348, 2349, 7440) until"
        + " interrupted, printing a line per transfer.",
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:stopped (Ctrl-C)",
      "1:cannot serve: no such directory, address in use, port needs privileges",
      "2:usage error"
    })
public final class TftpCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "ROOT", description = "The directory to serve.")
  private @Nullable Path root;

  @Option(names = "--address", paramLabel = "IP",
      description = "An address to listen on; repeat for each address of a multi-homed host"
          + " (replies then leave from the address asked). Default: all IPv4 addresses.")
  private List<InetAddress> addresses = new ArrayList<>();

  @Option(names = "--port", paramLabel = "N", defaultValue = "69",
      description = "The UDP port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
  private int port;

  @Option(names = "--max-blksize", paramLabel = "N", defaultValue = "1468",
      description = "The largest block size granted, 8-65464 (default: ${DEFAULT-VALUE},"
          + " which fits an Ethernet frame).")
  private int maxBlksize;

  @Option(names = "--max-windowsize", paramLabel = "N", defaultValue = "64",
      description = "The largest window size granted, 1-65535 (default: ${DEFAULT-VALUE}).")
  private int maxWindowsize;

  @Option(names = "--allow-write",
      description = "Accepts uploads (WRQ) into ROOT; files appear only once complete.")
  private boolean allowWrite;

  @Spec private @Nullable CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    CommandSpec s = spec();
    checkRanges(s);
    Path dir = root();
    PrintWriter out = s.commandLine().getOut();
    PrintWriter err = s.commandLine().getErr();
    if (!Files.isDirectory(dir)) {
      err.println("netboot: not a directory: " + dir);
      err.flush();
      return 1;
    }
    // One thread prints, so that a slow terminal never holds up the I/O threads.
    ExecutorService printer = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "netboot-tftp-log");
      t.setDaemon(true);
      return t;
    });
    TftpServer.Builder builder = TftpServer.builder(
            DirectoryFileSource.builder(dir).allowWrite(allowWrite).build())
        .settings(TftpServerSettings.builder().maxBlksize(maxBlksize)
            .maxWindowsize(maxWindowsize).writeAllowed(allowWrite).build())
        .listener(new Printer(out))
        .listenerExecutor(printer);
    List<InetSocketAddress> binds = new ArrayList<>();
    if (addresses.isEmpty()) {
      binds.add(new InetSocketAddress(port));
    }
    for (InetAddress address : addresses) {
      binds.add(new InetSocketAddress(address, port));
    }
    binds.forEach(builder::bind);
    TftpServer server;
    try {
      server = builder.build().start();
    } catch (BindException e) {
      err.println("netboot: " + bindFailure(e, port));
      err.flush();
      printer.shutdown();
      return 1;
    }
    return serveUntilStopped(server, dir, out, printer);
  }

  private int serveUntilStopped(TftpServer server, Path dir, PrintWriter out,
      ExecutorService printer) {
    out.println("Serving " + dir + (allowWrite ? " (reads and writes)" : " (reads only)")
        + " on " + joined(server.boundAddresses()) + "; Ctrl-C stops.");
    out.flush();
    StopSignal.awaitThenClose(server::close, "netboot-tftp-shutdown", printer);
    out.println("Stopped.");
    out.flush();
    return 0;
  }

  /**
   * Returns the one-line explanation of a failed bind: for a privileged port, what to do.
   *
   * @param e what the bind threw
   * @param port the port asked for
   */
  static String bindFailure(BindException e, int port) {
    String message = String.valueOf(e.getMessage());
    if (port > 0 && port < 1024 && message.toLowerCase(java.util.Locale.ROOT)
        .contains("permission denied")) {
      return "port " + port + " needs root or CAP_NET_BIND_SERVICE; use --port 6969";
    }
    return "cannot listen on port " + port + ": " + message;
  }

  private void checkRanges(CommandSpec s) {
    check(s, "--port", port, 0, 65535);
    check(s, "--max-blksize", maxBlksize, TftpOptions.MIN_BLKSIZE, TftpOptions.MAX_BLKSIZE);
    check(s, "--max-windowsize", maxWindowsize, TftpOptions.MIN_WINDOWSIZE,
        TftpOptions.MAX_WINDOWSIZE);
  }

  private static void check(CommandSpec s, String option, int value, int min, int max) {
    if (value < min || value > max) {
      throw new ParameterException(s.commandLine(),
          option + ": " + value + " (expected: " + min + "-" + max + ")");
    }
  }

  private static String joined(List<InetSocketAddress> addresses) {
    List<String> parts = new ArrayList<>();
    for (InetSocketAddress a : addresses) {
      String host = a.getAddress().getHostAddress();
      parts.add((host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort());
    }
    return String.join(", ", parts);
  }

  private CommandSpec spec() {
    if (spec == null) {
      throw new IllegalStateException("picocli did not inject the command spec");
    }
    return spec;
  }

  private Path root() {
    if (root == null) {
      throw new IllegalStateException("picocli did not set ROOT");
    }
    return root;
  }

  /**
   * Prints each ended transfer, and on a terminal a status line for a long one while it runs;
   * runs on the printer thread.
   */
  private static final class Printer implements TftpTransferListener {
    private final ProgressLine lines;

    Printer(PrintWriter out) {
      this.lines = new ProgressLine(out, ProgressLine.stdoutIsTerminal());
    }

    @Override
    public void transferProgress(TftpTransferEvent event, long bytes, long expectedBytes) {
      lines.update(TransferLine.progress(event, bytes, expectedBytes));
    }

    @Override
    public void transferCompleted(TftpTransferEvent event) {
      print(event);
    }

    @Override
    public void transferFailed(TftpTransferEvent event) {
      print(event);
    }

    private void print(TftpTransferEvent event) {
      lines.println(TransferLine.of(event));
    }
  }
}
