package dev.netboot.cli.syslinux;

import dev.netboot.cli.ConfigFileInput;
import dev.netboot.cli.ConfigFileInput.UnreadableFileException;
import dev.netboot.cli.Netboot;
import dev.netboot.cli.NetbootVersion;
import dev.netboot.syslinux.ConfigDocument;
import dev.netboot.syslinux.ConfigLoader;
import dev.netboot.syslinux.ConfigValidator;
import dev.netboot.syslinux.Diagnostic;
import dev.netboot.syslinux.FileResolver;
import dev.netboot.syslinux.FileResolvers;
import dev.netboot.syslinux.SyslinuxParseException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code netboot syslinux check}: reports what syslinux will make of a configuration file. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    versionProvider = NetbootVersion.class,
    description = {
      "Checks a syslinux configuration file: labels named by DEFAULT, ONTIMEOUT and MENU GOTO,"
          + " unknown directives, unbalanced MENU BEGIN/END, unterminated TEXT blocks; with"
          + " --root, also that INCLUDEd files, kernels, initrds and CONFIG files exist.",
      "Prints one FILE:LINE:COLUMN: severity: message line per finding."
    },
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:no errors (warnings may have been printed)",
      "1:errors found, or the file cannot be read",
      "2:usage error"
    })
public final class SyslinuxCheckCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "FILE", description = "The configuration file.")
  private @Nullable Path file;

  @Option(
      names = "--root",
      paramLabel = "DIR",
      description = "The boot medium or TFTP root the file lives on; names are resolved against"
          + " it from the file's own directory, and includes are followed.")
  private @Nullable Path root;

  @Option(
      names = "--cwd",
      paramLabel = "DIR",
      description = "With --root: the directory, relative to the root, that relative names"
          + " resolve against. syslinux uses the configuration file's directory (the default);"
          + " pxelinux uses its path prefix, usually the TFTP root: --cwd ''.")
  private @Nullable String cwd;

  @Spec private @Nullable CommandSpec spec;

  @Override
  public Integer call() {
    return ConfigFileInput.of(spec, file).run(
        f -> root != null ? checkTree(root, cwd, f) : checkFile(f),
        SyslinuxParseException.class,
        (e, out, err) -> out.println(
            e.file() + ":" + e.line() + ":" + e.column() + ": error: " + e.reason()),
        (found, out) -> {
          found.forEach(out::println);
          boolean errors = found.stream().anyMatch(d -> d.severity() == Diagnostic.Severity.ERROR);
          return errors ? Netboot.EXIT_BAD_INPUT : 0;
        });
  }

  private static List<Diagnostic> checkFile(Path f) throws IOException {
    return ConfigValidator.structural().validate(ConfigDocument.read(f));
  }

  private static List<Diagnostic> checkTree(Path root, @Nullable String cwd, Path f)
      throws UnreadableFileException {
    Path absoluteRoot = root.toAbsolutePath().normalize();
    Path absoluteFile = f.toAbsolutePath().normalize();
    if (!absoluteFile.startsWith(absoluteRoot)) {
      throw new UnreadableFileException(
          f + ": not under --root " + root);
    }
    Path relative = absoluteRoot.relativize(absoluteFile);
    Path parent = relative.getParent();
    String dir = cwd != null ? cwd : parent == null ? "" : parent.toString();
    Path dirPath = absoluteRoot.resolve(dir).normalize();
    FileResolver resolver = FileResolvers.directory(absoluteRoot, dir.replace('\\', '/'));
    // The file's name as the configuration would write it: relative to the working
    // directory when it is under it, else absolute from the root.
    String name = absoluteFile.startsWith(dirPath)
        ? dirPath.relativize(absoluteFile).toString().replace('\\', '/')
        : "/" + relative.toString().replace('\\', '/');
    try {
      return ConfigValidator.withFiles(resolver).validate(ConfigLoader.load(name, resolver));
    } catch (IOException e) {
      throw new UnreadableFileException(f + ": " + e.getMessage());
    }
  }
}
