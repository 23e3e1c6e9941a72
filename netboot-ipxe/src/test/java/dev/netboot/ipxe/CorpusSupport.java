package dev.netboot.ipxe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;

/** Finds the shared real-world corpus in place; tests skip their corpus part when it is absent. */
final class CorpusSupport {
  private CorpusSupport() {}

  /** Returns {@code <corpus>/ipxe}: from -Dnetboot.corpus.dir, else ../../shared/corpus. */
  static Path ipxeDir() {
    String property = System.getProperty("netboot.corpus.dir");
    Path root = property != null ? Paths.get(property) : Paths.get("..", "..", "shared", "corpus");
    return root.resolve("ipxe");
  }

  static List<Path> scripts() throws IOException {
    try (Stream<Path> files = Files.list(ipxeDir())) {
      return files.sorted().toList();
    }
  }
}
