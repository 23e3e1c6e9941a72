package dev.netboot.cli;

import dev.netboot.cli.dhcp.DhcpCommand;
import java.io.InputStream;
import java.io.PrintWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code netboot} command: the root of the sub-command tree and the process entry point.
 *
 * <p>Exit codes: 0 on success, 1 when the input was read but is wrong (a malformed packet, an
 * unreadable file), 2 for a usage error (unknown option, bad hex). Errors are one line on stderr
 * starting with {@code netboot: }, never a stack trace.
 */
@Command(
    name = "netboot",
    mixinStandardHelpOptions = true,
    versionProvider = NetbootVersion.class,
    description = "Network-boot protocol tools: decode and serve DHCP/ProxyDHCP, TFTP, PXE, iPXE.",
    subcommands = {DhcpCommand.class, dev.netboot.cli.tftp.TftpCommand.class, dev.netboot.cli.syslinux.SyslinuxCommand.class, dev.netboot.cli.ipxe.IpxeCommandGroup.class, dev.netboot.cli.server.BootCommand.class, dev.netboot.cli.server.ApiCommand.class, dev.netboot.cli.server.DemoCommand.class, dev.netboot.cli.conformance.ConformanceCommand.class, HelpCommand.class})
public final class Netboot {
  /** Exit code for input that was read but is not valid (a malformed packet, a missing file). */
  public static final int EXIT_BAD_INPUT = 1;

  private static final Logger log = LoggerFactory.getLogger(Netboot.class);

  private final InputStream stdin;

  /**
   * Creates the root command.
   *
   * @param stdin what sub-commands read when told to read standard input ({@code -})
   */
  public Netboot(InputStream stdin) {
    this.stdin = stdin;
  }

  /** Runs the command and exits the JVM with its exit code. */
  public static void main(String[] args) {
    System.exit(newCommandLine(System.in).execute(args));
  }

  /**
   * Returns the command tree ready to execute, with netboot's error reporting. Tests call this and
   * redirect its output with {@link CommandLine#setOut} and {@link CommandLine#setErr}.
   *
   * @param stdin what sub-commands read as standard input
   */
  public static CommandLine newCommandLine(InputStream stdin) {
    return new CommandLine(new Netboot(stdin))
        .setParameterExceptionHandler(Netboot::reportUsageError)
        .setExecutionExceptionHandler((e, cmd, parsed) -> reportFailure(e, cmd));
  }

  /** Returns the stream that sub-commands read for {@code -}. */
  public InputStream stdin() {
    return stdin;
  }

  /** Returns the root command of the tree {@code spec} belongs to. */
  public static Netboot of(CommandSpec spec) {
    return (Netboot) spec.root().userObject();
  }

  // picocli's default prints the whole usage after the error, burying the one line that matters.
  private static int reportUsageError(ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    PrintWriter err = cmd.getErr();
    err.println("netboot: " + e.getMessage());
    UnmatchedArgumentException.printSuggestions(e, err);
    err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
    err.flush();
    return cmd.getCommandSpec().exitCodeOnInvalidInput();
  }

  // A last resort: commands report expected failures themselves; anything else still gets one
  // line, because a stack trace tells a user nothing they can act on. Developers get the trace
  // at debug level (-Dorg.slf4j.simpleLogger.defaultLogLevel=debug).
  private static int reportFailure(Exception e, CommandLine cmd) {
    log.debug("command failed", e);
    PrintWriter err = cmd.getErr();
    String message = e.getMessage();
    err.println("netboot: " + (message != null ? message : e.getClass().getName()));
    err.flush();
    return EXIT_BAD_INPUT;
  }
}
