package dev.netboot.cli.conformance;

import dev.netboot.cli.NetbootVersion;
import dev.netboot.conformance.tftp.suite.TftpServerSuite;
import dev.netboot.conformance.tftp.suite.TftpSuiteReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code netboot conformance tftp HOST:PORT --file NAME=LOCALPATH...}: runs the TFTP server
 * conformance suite ({@link TftpServerSuite}) against a running server and prints its report.
 */
@Command(
    name = "tftp",
    mixinStandardHelpOptions = true,
    versionProvider = NetbootVersion.class,
    description = "Checks a running TFTP server against RFC 1350, 2347, 2348, 2349 and 7440 and"
        + " what boot firmware does, and prints one line per check.",
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:every check passed (or was skipped)",
      "1:a check failed, or a local file cannot be read",
      "2:usage error"
    })
public final class TftpConformanceCommand implements Callable<Integer> {
  /** The largest local file read into memory for the suite. */
  static final long MAX_LOCAL_FILE = 512L << 20;

  @Parameters(index = "0", paramLabel = "HOST:PORT",
      description = "The server's address and request port, such as 192.168.1.10:69 or"
          + " [fd00::1]:69.")
  private String server = "";

  @Option(names = "--file", paramLabel = "NAME=LOCALPATH", required = true,
      description = "A file the server holds, by the name to request and a local copy of its"
          + " exact content; repeat. Give a small one and one of 2 MiB or more; a text file"
          + " (LF line ends) enables the netascii check.")
  private Map<String, Path> files = new LinkedHashMap<>();

  @Option(names = "--writable",
      description = "The server accepts uploads: check that a WRQ is written byte-exact"
          + " (default: check that it is refused with ERROR 2).")
  private boolean writable;

  @Option(names = "--seed", paramLabel = "N",
      description = "Replays a run's random choices (default: random, printed in the report).")
  private @Nullable Long seed;

  @Option(names = "--missing", paramLabel = "NAME",
      description = "A name the server does not hold (default: a random one).")
  private @Nullable String missing;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "5",
      description = "How long to wait for any one answer (default: ${DEFAULT-VALUE}).")
  private int timeoutSeconds;

  @Option(names = "--give-up-wait", paramLabel = "SECONDS", defaultValue = "30",
      description = "How long the server may retransmit an unacknowledged block before the"
          + " give-up check fails (default: ${DEFAULT-VALUE}).")
  private int giveUpSeconds;

  @Option(names = "--only", paramLabel = "CHECK", split = ",",
      description = "Runs only these checks (comma-separated ids, as in the report).")
  private List<String> only = new ArrayList<>();

  @Spec private @Nullable CommandSpec spec;

  @Override
  public Integer call() {
    CommandSpec s = spec();
    PrintWriter out = s.commandLine().getOut();
    PrintWriter err = s.commandLine().getErr();
    TftpServerSuite.Builder suite;
    try {
      suite = TftpServerSuite.builder(address(s))
          .writable(writable)
          .timeout(Duration.ofSeconds(timeoutSeconds))
          .giveUpWait(Duration.ofSeconds(giveUpSeconds));
      if (seed != null) {
        suite.seed(seed);
      }
      if (missing != null) {
        suite.missingFile(missing);
      }
      if (!only.isEmpty()) {
        suite.only(only);
      }
    } catch (IllegalArgumentException e) {
      throw new ParameterException(s.commandLine(), String.valueOf(e.getMessage()), e);
    }
    for (Map.Entry<String, Path> f : files.entrySet()) {
      try {
        if (Files.size(f.getValue()) > MAX_LOCAL_FILE) {
          err.println("netboot: " + f.getValue() + " is larger than " + (MAX_LOCAL_FILE >> 20)
              + " MiB");
          err.flush();
          return 1;
        }
        suite.file(f.getKey(), Files.readAllBytes(f.getValue()));
      } catch (IOException e) {
        err.println("netboot: cannot read " + f.getValue() + ": " + e.getMessage());
        err.flush();
        return 1;
      } catch (IllegalArgumentException e) {
        throw new ParameterException(s.commandLine(), String.valueOf(e.getMessage()), e);
      }
    }
    TftpSuiteReport report = suite.run();
    out.print(report.toText());
    out.flush();
    return report.passed() ? 0 : 1;
  }

  private InetSocketAddress address(CommandSpec s) {
    int colon = server.lastIndexOf(':');
    String host = colon > 0 ? server.substring(0, colon) : "";
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port;
    try {
      port = Integer.parseInt(server.substring(colon + 1));
    } catch (NumberFormatException e) {
      port = -1;
    }
    if (host.isEmpty() || port < 1 || port > 65_535) {
      throw new ParameterException(s.commandLine(), "server: " + server
          + " (expected: HOST:PORT, such as 192.168.1.10:69)");
    }
    try {
      return new InetSocketAddress(InetAddress.getByName(host), port);
    } catch (UnknownHostException e) {
      throw new ParameterException(s.commandLine(), "server: unknown host " + host);
    }
  }

  private CommandSpec spec() {
    CommandSpec s = spec;
    if (s == null) {
      throw new IllegalStateException("picocli did not inject the command spec");
    }
    return s;
  }
}
