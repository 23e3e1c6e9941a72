package dev.netboot.tftp.udp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;

/** A fixed set of {@link EventLoop}s; each new endpoint goes to the least busy one. */
final class EventLoopGroup {
  /** The default number of loops: two, or one on a single-core machine. */
  static final int DEFAULT_LOOPS = Math.min(2, Runtime.getRuntime().availableProcessors());

  /** The most loops a client or server builder accepts. */
  static final int MAX_LOOPS = 64;

  private final EventLoop[] loops;

  /**
   * Checks a builder's {@code eventLoops} setting.
   *
   * @return {@code count}
   * @throws IllegalArgumentException if it is not 1..{@value #MAX_LOOPS}
   */
  static int checkCount(int count) {
    if (count < 1 || count > MAX_LOOPS) {
      throw new IllegalArgumentException(
          "eventLoops: " + count + " (expected: 1-" + MAX_LOOPS + ")");
    }
    return count;
  }

  EventLoopGroup(String namePrefix, int count) {
    if (count < 1) {
      throw new IllegalArgumentException("event loops: " + count + " (expected: at least 1)");
    }
    loops = new EventLoop[count];
    try {
      for (int i = 0; i < count; i++) {
        loops[i] = new EventLoop(namePrefix + "-" + i);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open a selector", e);
    }
    for (EventLoop loop : loops) {
      loop.start();
    }
  }

  /** Returns the loop with the fewest endpoints, already {@link EventLoop#reserve reserved}. */
  EventLoop reserveLeastBusy() {
    EventLoop best = loops[0];
    for (int i = 1; i < loops.length; i++) {
      if (loops[i].load() < best.load()) {
        best = loops[i];
      }
    }
    best.reserve();
    return best;
  }

  /** Returns loop {@code i % count}: listeners spread over the loops by their index. */
  EventLoop get(int i) {
    return loops[i % loops.length];
  }

  /** Returns whether the calling thread is one of these loops. */
  boolean inLoop() {
    for (EventLoop loop : loops) {
      if (loop.inLoop()) {
        return true;
      }
    }
    return false;
  }

  /** Returns the number of endpoints on all loops: transfers, plus listeners for a server. */
  int load() {
    int total = 0;
    for (EventLoop loop : loops) {
      total += loop.load();
    }
    return total;
  }

  /** Stops every loop, aborting what is left, and waits up to {@code timeoutMillis} for them. */
  void shutdown(long timeoutMillis) {
    for (EventLoop loop : loops) {
      loop.shutdown();
    }
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    try {
      for (EventLoop loop : loops) {
        loop.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
