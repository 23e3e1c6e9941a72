package dev.netboot.cli.syslinux;

import dev.netboot.cli.ConfigFileInput;
import dev.netboot.cli.NetbootVersion;
import dev.netboot.syslinux.ConfigDocument;
import dev.netboot.syslinux.SyslinuxParseException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code netboot syslinux fmt}: prints a configuration file in canonical form. */
@Command(
    name = "fmt",
    mixinStandardHelpOptions = true,
    versionProvider = NetbootVersion.class,
    description = {
      "Prints the canonical rendering of a syslinux configuration file on standard output:"
          + " upper-case keywords, label sections and sub-menus indented by two spaces, one"
          + " blank line around each, LF line ends.",
      "The rendering is of what syslinux reads: comments and blank lines are dropped, text"
          + " after a label's name is dropped, directives syslinux does not know are kept."
    },
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {"0:formatted", "1:the file cannot be read", "2:usage error"})
public final class SyslinuxFmtCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "FILE", description = "The configuration file.")
  private @Nullable Path file;

  @Spec private @Nullable CommandSpec spec;

  @Override
  public Integer call() {
    return ConfigFileInput.of(spec, file).run(
        f -> ConfigDocument.read(f).model().render(),
        SyslinuxParseException.class,
        (e, out, err) -> err.println(
            e.file() + ":" + e.line() + ":" + e.column() + ": error: " + e.reason()),
        (text, out) -> {
          out.print(text);
          return 0;
        });
  }
}
