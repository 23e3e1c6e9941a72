package dev.netboot.server.simulation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Collects a boot's steps, tells the listener of each, and logs it with the MAC. */
final class StepLog {
  private static final Logger log = LoggerFactory.getLogger(SimulatedMachine.class);

  private final String mac;
  private final Consumer<BootStep> listener;
  private final List<BootStep> steps = new ArrayList<>();

  StepLog(String mac, Consumer<BootStep> listener) {
    this.mac = mac;
    this.listener = listener;
  }

  /** Records a step that started at {@code startNanos} ({@link System#nanoTime()}). */
  void add(String name, String detail, long bytes, long startNanos) {
    BootStep step = new BootStep(name, detail, bytes,
        Duration.ofNanos(System.nanoTime() - startNanos));
    steps.add(step);
    log.debug("mac={} {}", mac, step);
    listener.accept(step);
  }

  List<BootStep> steps() {
    return steps;
  }
}
