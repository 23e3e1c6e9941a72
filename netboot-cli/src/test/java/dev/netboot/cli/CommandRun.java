package dev.netboot.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/**
 * One in-process run of the {@code netboot} command, with what it wrote to stdout and stderr.
 *
 * @param exitCode what the process would exit with
 * @param out what went to standard output
 * @param err what went to standard error
 */
public record CommandRun(int exitCode, String out, String err) {
  /** Runs {@code netboot args} with empty standard input. */
  public static CommandRun run(String... args) {
    return runWithStdin("", args);
  }

  /** Runs {@code netboot args} with {@code stdin} as standard input. */
  public static CommandRun runWithStdin(String stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    byte[] input = stdin.getBytes(StandardCharsets.ISO_8859_1);
    CommandLine cmd = Netboot.newCommandLine(new ByteArrayInputStream(input));
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    int exitCode = cmd.execute(args);
    return new CommandRun(exitCode, out.toString(), err.toString());
  }
}
