package dev.netboot.dhcp.interop;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the real programs that interop tests talk to ("peers": tshark, dnsmasq, ...).
 *
 * <p>A missing peer skips the test on a developer's machine, so that {@code mvn test} works
 * without them, but fails it where the system property {@value #REQUIRED_PROPERTY} is
 * {@code true}, or the environment variable {@value #REQUIRED_ENV} is {@code true}, as CI sets it:
 * there a skipped interop test would pass silently and prove nothing.
 */
final class Peers {
  /** The system property that turns a missing peer from a skip into a failure. */
  static final String REQUIRED_PROPERTY = "netboot.peers.required";
  /** The environment variable that does the same, so CI can run the README's test command as is. */
  static final String REQUIRED_ENV = "NETBOOT_PEERS_REQUIRED";

  private Peers() {}

  /**
   * Returns the path of {@code program} on {@code PATH}; skips the calling test when it is absent,
   * or fails it when peers are required. The program's Debian package has the same name.
   */
  static Path require(String program) {
    return require(program, program);
  }

  /**
   * Returns the path of {@code program} on {@code PATH}; skips the calling test when it is absent,
   * or fails it when peers are required. {@code debianPackage} goes in the message.
   */
  static Path require(String program, String debianPackage) {
    Optional<Path> found = find(program);
    if (found.isPresent()) {
      return found.get();
    }
    String message =
        program + " is not on PATH; install it (Debian: apt-get install -y " + debianPackage
            + ") to run this interop test";
    if (Boolean.getBoolean(REQUIRED_PROPERTY) || "true".equals(System.getenv(REQUIRED_ENV))) {
      return Assertions.fail(message + " (peers are required here)");
    }
    Assumptions.abort(message);
    throw new AssertionError("unreachable: Assumptions.abort returned");
  }

  /** Returns the first executable named {@code program} in the directories of {@code PATH}. */
  static Optional<Path> find(String program) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(dir, program);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
