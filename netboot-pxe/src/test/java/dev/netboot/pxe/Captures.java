package dev.netboot.pxe;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.netboot.dhcp.DhcpMessage;
import dev.netboot.dhcp.DhcpMessageDecoder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HexFormat;

/**
 * Reads the firmware conversations recorded by netboot-dhcp's {@code capture.sh} in place, from
 * {@code ../netboot-dhcp/src/test/resources/dhcp/captures} (or {@code -Dnetboot.captures.dir}).
 */
final class Captures {
  static final Path DIR = Paths.get(System.getProperty("netboot.captures.dir",
      Paths.get("..", "netboot-dhcp", "src", "test", "resources", "dhcp", "captures").toString()));

  private Captures() {}

  /** Skips the calling test when the captures are not there. */
  static void assumePresent() {
    assumeTrue(Files.isDirectory(DIR), "captures not found at " + DIR.toAbsolutePath());
  }

  /** Returns the raw bytes of {@code <client>/<file>.hex}. */
  static byte[] bytes(String client, String file) {
    try {
      return HexFormat.of().parseHex(Files.readString(DIR.resolve(client).resolve(file)).strip());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns the decoded message of {@code <client>/<file>.hex}. */
  static DhcpMessage message(String client, String file) {
    return DhcpMessageDecoder.decode(bytes(client, file));
  }
}
