package dev.netboot.cli.ipxe;

import dev.netboot.cli.ConfigFileInput;
import dev.netboot.cli.NetbootVersion;
import dev.netboot.ipxe.IpxeParseException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code netboot ipxe fmt}: prints a script in canonical form, which iPXE reads identically. */
@Command(
    name = "fmt",
    mixinStandardHelpOptions = true,
    versionProvider = NetbootVersion.class,
    description = {
      "Prints an iPXE script canonically on standard output: one space between words, options"
          + " in long form, continuation lines joined, LF line ends, comments kept.",
      "The output is read by iPXE exactly as the input is; the file is not changed."
    },
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {"0:printed", "1:the file cannot be read or parsed", "2:usage error"})
public final class IpxeFmtCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "FILE", description = "The script.")
  private @Nullable Path file;

  @Spec private @Nullable CommandSpec spec;

  @Override
  public Integer call() {
    ConfigFileInput input = ConfigFileInput.of(spec, file);
    return input.run(ScriptFile::parse, IpxeParseException.class,
        (e, out, err) -> err.println("netboot: " + input.file() + ":" + e.line() + ":"
            + e.column() + ": " + e.reason()),
        (script, out) -> {
          out.print(script.render());
          return 0;
        });
  }
}
