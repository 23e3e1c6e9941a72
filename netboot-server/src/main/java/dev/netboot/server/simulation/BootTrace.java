package dev.netboot.server.simulation;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What happened when a {@link SimulatedMachine} booted: its steps in order and whether it got as
 * far as a loaded kernel (or another final boot program).
 */
public final class BootTrace {
  private final String mac;
  private final Firmware firmware;
  private final List<BootStep> steps;
  private final @Nullable String failure;
  private final Duration duration;

  BootTrace(String mac, Firmware firmware, List<BootStep> steps, @Nullable String failure,
      Duration duration) {
    this.mac = Objects.requireNonNull(mac, "mac");
    this.firmware = Objects.requireNonNull(firmware, "firmware");
    this.steps = List.copyOf(steps);
    this.failure = failure;
    this.duration = Objects.requireNonNull(duration, "duration");
  }

  /** Returns the machine's MAC address as {@code 52:54:00:12:34:56}. */
  public String mac() {
    return mac;
  }

  /** Returns the firmware the machine started with. */
  public Firmware firmware() {
    return firmware;
  }

  /** Returns the steps that completed, in order; a failed boot stops after the last one. */
  public List<BootStep> steps() {
    return steps;
  }

  /** Returns whether the boot got to a loaded kernel (or final boot program). */
  public boolean succeeded() {
    return failure == null;
  }

  /** Returns why the boot stopped, when it failed. */
  public Optional<String> failure() {
    return Optional.ofNullable(failure);
  }

  /** Returns the time from the first request to the outcome. */
  public Duration duration() {
    return duration;
  }

  /** Returns the steps with this name, as {@code TFTP}. */
  public List<BootStep> steps(String name) {
    return steps.stream().filter(s -> s.name().equals(name)).toList();
  }

  /** Returns the bytes downloaded by every step. */
  public long totalBytes() {
    return steps.stream().mapToLong(BootStep::bytes).sum();
  }

  @Override
  public String toString() {
    return "BootTrace(" + mac + ", " + firmware + ", " + steps.size() + " steps, "
        + (failure == null ? "booted" : "failed: " + failure) + ", " + duration.toMillis()
        + " ms)";
  }
}
