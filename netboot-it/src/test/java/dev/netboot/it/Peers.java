package dev.netboot.it;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the real programs that integration tests talk to ("peers": tftp-hpa, atftp, curl, ...).
 *
 * <p>A missing peer skips the test on a developer's machine, so that {@code mvn verify} works
 * without them, but fails it where peers are required: the system property
 * {@value #REQUIRED_PROPERTY} or the environment variable {@value #REQUIRED_ENV} is
 * {@code true}, as CI sets it. There a skipped interop test would pass silently and prove
 * nothing. {@code netboot-it/install-peers.sh} installs them all.
 */
public final class Peers {
  /** The system property that turns a missing peer from a skip into a failure. */
  public static final String REQUIRED_PROPERTY = "netboot.peers.required";
  /** The environment variable that does the same. */
  public static final String REQUIRED_ENV = "NETBOOT_PEERS_REQUIRED";
  /** Where install-peers.sh unpacks tftpd-hpa, whose in.tftpd atftpd's package takes over. */
  public static final Path TFTPD_HPA = Path.of("/opt/netboot-peers/tftpd-hpa/usr/sbin/in.tftpd");

  /** Program name to the Debian package that provides it. */
  private static final Map<String, String> PACKAGES = Map.of(
      "tftp", "tftp-hpa",
      "atftp", "atftp",
      "atftpd", "atftpd",
      "curl", "curl",
      "busybox", "busybox",
      "gcc", "gcc",
      "ip", "iproute2");

  private Peers() {}

  /**
   * Returns the path of {@code program}; skips the calling test when it is absent, or fails it
   * when peers are required.
   *
   * @param program a program on {@code PATH} (or in /usr/sbin), or {@code in.tftpd} for the
   *     unpacked tftpd-hpa
   */
  public static Path require(String program) {
    Optional<Path> found = program.equals("in.tftpd") ? executable(TFTPD_HPA) : find(program);
    if (found.isPresent()) {
      return found.get();
    }
    String pkg = program.equals("in.tftpd") ? "tftpd-hpa" : PACKAGES.getOrDefault(program, program);
    String message = program + " is missing; install it (Debian package " + pkg
        + "; netboot-it/install-peers.sh installs every peer) to run this test";
    return missing(message);
  }

  /**
   * Skips the calling test unless it runs as root (network namespaces need it), or fails it when
   * peers are required.
   */
  public static void requireRoot() {
    if (!"root".equals(System.getProperty("user.name"))) {
      missing("this test creates network namespaces and must run as root");
    }
  }

  /** Returns whether missing peers fail tests instead of skipping them. */
  public static boolean required() {
    return Boolean.getBoolean(REQUIRED_PROPERTY) || "true".equals(System.getenv(REQUIRED_ENV));
  }

  /** Skips, or fails when peers are required, with {@code message}. */
  public static <T> T missing(String message) {
    if (required()) {
      return Assertions.fail(message + " (peers are required here: " + REQUIRED_PROPERTY
          + " or " + REQUIRED_ENV + " is true)");
    }
    Assumptions.abort(message);
    throw new AssertionError("unreachable: Assumptions.abort returned");
  }

  /** Returns the first executable named {@code program} on {@code PATH} or in the sbin dirs. */
  public static Optional<Path> find(String program) {
    String path = System.getenv("PATH");
    String dirs = (path == null ? "" : path) + File.pathSeparator + "/usr/sbin:/sbin";
    for (String dir : dirs.split(File.pathSeparator)) {
      if (!dir.isEmpty()) {
        Optional<Path> found = executable(Path.of(dir, program));
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<Path> executable(Path candidate) {
    return Files.isRegularFile(candidate) && Files.isExecutable(candidate)
        ? Optional.of(candidate)
        : Optional.empty();
  }
}
