package dev.netboot.cli.ipxe;

import dev.netboot.cli.ConfigFileInput;
import dev.netboot.cli.Netboot;
import dev.netboot.cli.NetbootVersion;
import dev.netboot.ipxe.IpxeDiagnostic;
import dev.netboot.ipxe.IpxeParseException;
import dev.netboot.ipxe.IpxeValidator;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code netboot ipxe check}: reports what iPXE would fail on, or trip over, in a script. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    versionProvider = NetbootVersion.class,
    description = {
      "Checks an iPXE script as iPXE reads it: the #!ipxe magic, goto and menu targets, options"
          + " and argument counts against iPXE's command table, unknown commands, unreachable"
          + " lines, unknown setting types.",
      "Prints one FILE:LINE:COLUMN: severity: message line per finding."
    },
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:no errors (warnings may have been printed)",
      "1:errors found, or the file cannot be read",
      "2:usage error"
    })
public final class IpxeCheckCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "FILE", description = "The script.")
  private @Nullable Path file;

  @Option(
      names = "--chained",
      description = "The script is chained from another one: a goto to a label it does not"
          + " define (which fails back to the caller) is a warning, not an error.")
  private boolean chained;

  @Spec private @Nullable CommandSpec spec;

  @Override
  public Integer call() {
    ConfigFileInput input = ConfigFileInput.of(spec, file);
    return input.run(ScriptFile::parse, IpxeParseException.class,
        (e, out, err) -> out.println(input.file() + ":" + e.line() + ":" + e.column()
            + ": error: " + e.reason()),
        (script, out) -> {
          List<IpxeDiagnostic> found = IpxeValidator.validate(script,
              chained ? IpxeValidator.Role.CHAINED : IpxeValidator.Role.STANDALONE);
          for (IpxeDiagnostic d : found) {
            out.println(d.format(input.file().toString()));
          }
          return IpxeValidator.hasErrors(found) ? Netboot.EXIT_BAD_INPUT : 0;
        });
  }
}
