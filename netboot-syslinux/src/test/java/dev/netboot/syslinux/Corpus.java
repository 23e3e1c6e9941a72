package dev.netboot.syslinux;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;

/** The shared real-world corpus, read in place; tests skip (not fail) when it is absent. */
final class Corpus {
  private Corpus() {}

  static Path dir() {
    String property = System.getProperty("netboot.corpus.dir");
    Path base = property != null ? Paths.get(property) : Paths.get("..", "..", "shared", "corpus");
    return base.resolve("syslinux");
  }

  static List<Path> files() throws IOException {
    Path dir = dir();
    assumeTrue(Files.isDirectory(dir), "corpus not found at " + dir.toAbsolutePath());
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(Files::isRegularFile).sorted().toList();
    }
  }

  static Path file(String name) {
    Path p = dir().resolve(name);
    assumeTrue(Files.isRegularFile(p), "corpus file not found: " + p.toAbsolutePath());
    return p;
  }
}
