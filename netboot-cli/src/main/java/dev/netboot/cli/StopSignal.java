package dev.netboot.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * How a serving command ends: on SIGINT or SIGTERM (a shutdown hook), or, for embedders and
 * tests, on an interrupt of the command's thread. Shared by {@code netboot tftp} and the
 * server commands so that both stop the same way.
 */
public final class StopSignal {
  /** How long the event printer may take to print what is queued. */
  private static final long PRINTER_DRAIN_SECONDS = 5;

  private StopSignal() {}

  /**
   * Blocks until a stop signal, then runs {@code close} once (from the hook on a signal, on this
   * thread on an interrupt), and lets {@code printer} print what is queued.
   *
   * @param hookName the name of the shutdown hook thread
   */
  public static void awaitThenClose(Runnable close, String hookName, ExecutorService printer) {
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      close.run();
      stopped.countDown();
    }, hookName);
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Runtime.getRuntime().removeShutdownHook(hook);
      close.run();
    }
    printer.shutdown();
    try {
      printer.awaitTermination(PRINTER_DRAIN_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
