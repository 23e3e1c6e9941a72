package dev.netboot.tftp.udp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class DeadlineQueueTest {
  /** An endpoint that only carries a name; the queue never calls it. */
  private static final class Probe extends LoopEndpoint {
    @Override
    void onReadable(long nowNanos) {}

    @Override
    void onDeadline(long nowNanos) {}

    @Override
    void abort(String reason) {}
  }

  @Test
  void pollsInDeadlineOrderAndOnlyWhenDue() {
    DeadlineQueue q = new DeadlineQueue();
    Probe a = new Probe();
    Probe b = new Probe();
    Probe c = new Probe();
    q.schedule(a, 30);
    q.schedule(b, 10);
    q.schedule(c, 20);

    assertThat(q.earliest()).isEqualTo(10);
    assertThat(q.pollDue(9)).isNull();
    assertThat(q.pollDue(25)).isSameAs(b);
    assertThat(q.pollDue(25)).isSameAs(c);
    assertThat(q.pollDue(25)).isNull();
    assertThat(q.size()).isEqualTo(1);
  }

  @Test
  void movingADeadlineKeepsOneEntryPerEndpoint() {
    DeadlineQueue q = new DeadlineQueue();
    Probe a = new Probe();
    Probe b = new Probe();
    q.schedule(a, 10);
    q.schedule(b, 20);
    q.schedule(a, 30);
    q.schedule(a, 5);

    assertThat(q.size()).isEqualTo(2);
    assertThat(q.pollDue(100)).isSameAs(a);
    assertThat(q.pollDue(100)).isSameAs(b);
    assertThat(q.pollDue(100)).isNull();
  }

  @Test
  void noDeadlineRemovesAndDeadlinesCompareAcrossTheClockWrap() {
    DeadlineQueue q = new DeadlineQueue();
    Probe a = new Probe();
    Probe b = new Probe();
    q.schedule(a, Long.MAX_VALUE - 5);
    q.schedule(b, Long.MIN_VALUE + 5);
    assertThat(q.pollDue(Long.MAX_VALUE - 1)).isSameAs(a);

    q.schedule(b, LoopEndpoint.NO_DEADLINE);
    assertThat(q.size()).isZero();
    assertThat(q.earliest()).isEqualTo(LoopEndpoint.NO_DEADLINE);
    assertThat(b.heapIndex).isEqualTo(-1);
  }

  /** Random schedule/move/remove/poll sequences against a map as the model. */
  @TestFactory
  Stream<DynamicTest> agreesWithASimpleModel() {
    return LongStream.range(0, 200).mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed,
        () -> runAgainstModel(seed)));
  }

  private static void runAgainstModel(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    DeadlineQueue q = new DeadlineQueue();
    List<Probe> probes = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      probes.add(new Probe());
    }
    Map<Probe, Long> model = new HashMap<>();
    long now = 0;
    for (int step = 0; step < 500; step++) {
      Probe p = probes.get(random.nextInt(probes.size()));
      switch (random.nextInt(4)) {
        case 0, 1 -> {
          long deadline = now + random.nextInt(1000);
          q.schedule(p, deadline);
          model.put(p, deadline);
        }
        case 2 -> {
          q.remove(p);
          model.remove(p);
        }
        default -> {
          now += random.nextInt(300);
          LoopEndpoint due;
          while ((due = q.pollDue(now)) != null) {
            Long expected = model.remove(due);
            check(expected != null, seed, "polled an endpoint that is not queued");
            check(expected <= now, seed, "polled a deadline not yet due");
            for (long other : model.values()) {
              check(other >= expected, seed, "polled out of order");
            }
          }
          for (long left : model.values()) {
            check(left > now, seed, "a due deadline stayed queued");
          }
        }
      }
      check(q.size() == model.size(), seed, "size differs from the model");
      long min = model.values().stream().mapToLong(Long::longValue).min()
          .orElse(LoopEndpoint.NO_DEADLINE);
      check(q.earliest() == min, seed, "earliest differs from the model");
    }
  }

  // Plain checks: AssertJ's per-call cost would dominate 100,000 steps.
  private static void check(boolean condition, long seed, String what) {
    if (!condition) {
      throw new AssertionError("seed " + seed + ": " + what);
    }
  }
}
