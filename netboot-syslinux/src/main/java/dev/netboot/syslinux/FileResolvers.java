package dev.netboot.syslinux;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The usual {@link FileResolver}s: a directory tree, a TFTP root, a map in memory. */
public final class FileResolvers {
  private FileResolvers() {}

  /**
   * Returns a resolver over a boot medium mounted at {@code root}, as syslinux sees it: names
   * starting with {@code /} (or pxelinux's {@code ::}) from the root, others from
   * {@code workingDirectory} (the directory the configuration was found in). Names that would
   * leave {@code root}, URLs and {@code host::path} names are not found.
   *
   * @param root the medium's root directory
   * @param workingDirectory relative to {@code root}, for example {@code "boot/syslinux"}
   * @return the resolver
   */
  public static FileResolver directory(Path root, String workingDirectory) {
    return new DirectoryResolver(root, workingDirectory);
  }

  /**
   * Returns a resolver over a TFTP server's root as pxelinux sees it: relative names are
   * prefixed with the path prefix (option 210, or the boot file's directory), {@code ::name}
   * and {@code /name} are taken from the root.
   *
   * @param root the TFTP root directory
   * @param pathPrefix pxelinux's path prefix, for example {@code "boot/x86/"} or {@code ""}
   * @return the resolver
   */
  public static FileResolver tftpRoot(Path root, String pathPrefix) {
    String prefix = pathPrefix.startsWith("::") ? pathPrefix.substring(2) : pathPrefix;
    return new DirectoryResolver(root, prefix);
  }

  /**
   * Returns a resolver over files held in memory, looked up by the exact name written.
   *
   * @param files name to UTF-8 content
   * @return the resolver
   */
  public static FileResolver inMemory(Map<String, String> files) {
    Map<String, String> copy = new LinkedHashMap<>(files);
    return name -> Optional.ofNullable(copy.get(name))
        .map(s -> s.getBytes(StandardCharsets.UTF_8));
  }

  private static final class DirectoryResolver implements FileResolver {
    private final Path root;
    private final String workingDirectory;

    DirectoryResolver(Path root, String workingDirectory) {
      this.root = root.toAbsolutePath().normalize();
      this.workingDirectory = workingDirectory.replaceFirst("^/+", "");
    }

    private Optional<Path> locate(String name) {
      if (name.isEmpty() || name.contains("://")) {
        return Optional.empty();
      }
      int colons = name.indexOf("::");
      if (colons > 0) {
        return Optional.empty();
      }
      try {
        Path p;
        if (colons == 0) {
          p = root.resolve(name.substring(2).replaceFirst("^/+", ""));
        } else if (name.startsWith("/")) {
          p = root.resolve(name.replaceFirst("^/+", ""));
        } else {
          p = root.resolve(workingDirectory).resolve(name);
        }
        p = p.normalize();
        return p.startsWith(root) ? Optional.of(p) : Optional.empty();
      } catch (InvalidPathException e) {
        return Optional.empty();
      }
    }

    @Override
    public Optional<byte[]> read(String name) throws IOException {
      Optional<Path> p = locate(name);
      if (p.isEmpty() || !Files.isRegularFile(p.get())) {
        return Optional.empty();
      }
      try (InputStream in = Files.newInputStream(p.get())) {
        // One byte over the limit is enough for the parser to refuse the file.
        return Optional.of(in.readNBytes(ConfigDocument.MAX_FILE_SIZE + 1));
      }
    }

    @Override
    public boolean exists(String name) {
      return locate(name).map(Files::isRegularFile).orElse(false);
    }
  }
}
