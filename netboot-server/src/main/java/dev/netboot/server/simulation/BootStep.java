package dev.netboot.server.simulation;

import java.time.Duration;
import java.util.Objects;

/**
 * One step of a simulated boot: a DHCP exchange, a TFTP download, an HTTP request.
 *
 * @param name what kind of step, as {@code DHCP}, {@code PXE boot server}, {@code TFTP},
 *     {@code HTTP script}, {@code HTTP kernel}
 * @param detail what was asked and answered, for people
 * @param bytes the bytes downloaded (0 for DHCP exchanges)
 * @param duration how long the step took, retries included
 */
public record BootStep(String name, String detail, long bytes, Duration duration) {
  /** Checks the fields. */
  public BootStep {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(duration, "duration");
    if (bytes < 0) {
      throw new IllegalArgumentException("bytes: " + bytes + " (expected: >= 0)");
    }
  }

  /** Returns the step as one line: {@code TFTP undionly.kpxe from 127.0.0.1 (1048576 bytes, 12 ms)}. */
  @Override
  public String toString() {
    return name + " " + detail + " (" + (bytes > 0 ? bytes + " bytes, " : "")
        + duration.toMillis() + " ms)";
  }
}
