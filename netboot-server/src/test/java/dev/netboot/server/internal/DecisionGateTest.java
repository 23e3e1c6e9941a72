package dev.netboot.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netboot.dhcp.DhcpMessage;
import dev.netboot.dhcp.DhcpMessageType;
import dev.netboot.dhcp.DhcpOptionType;
import dev.netboot.pxe.BootDecision;
import dev.netboot.pxe.PxeClient;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The bound on decisions in flight and their deadline. */
class DecisionGateTest {
  final ExecutorService executor = Executors.newFixedThreadPool(2);

  @AfterEach
  void stop() {
    executor.shutdownNow();
  }

  static PxeClient client() {
    return PxeClient.of(DhcpMessage.builder().transactionId(1)
        .hardwareAddress(new byte[] {2, 0, 0, 0, 0, 1})
        .option(DhcpOptionType.MESSAGE_TYPE, DhcpMessageType.DISCOVER).build());
  }

  @Test
  void dropsBeyondTheBoundAndAdmitsAgainOnceADecisionEnds() throws Exception {
    CompletableFuture<BootDecision> pending = new CompletableFuture<>();
    DecisionGate gate = new DecisionGate(c -> pending, executor, 2, Duration.ofSeconds(30));
    CountDownLatch answered = new CountDownLatch(2);
    assertThat(gate.decide(client(), (d, e) -> answered.countDown())).isTrue();
    assertThat(gate.decide(client(), (d, e) -> answered.countDown())).isTrue();
    assertThat(gate.decide(client(), (d, e) -> { })).isFalse();
    pending.complete(BootDecision.ignore());
    assertThat(answered.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(gate.inFlight()).isZero();
    assertThat(gate.decide(client(), (d, e) -> { })).isTrue();
  }

  @Test
  void aDecisionThatNeverCompletesTimesOutAndFreesItsSlot() throws Exception {
    DecisionGate gate = new DecisionGate(
        c -> new CompletableFuture<>(), executor, 1, Duration.ofMillis(100));
    AtomicReference<Throwable> failure = new AtomicReference<>();
    CountDownLatch done = new CountDownLatch(1);
    gate.decide(client(), (d, e) -> {
      failure.set(e);
      done.countDown();
    });
    assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(failure.get()).isInstanceOf(TimeoutException.class);
    assertThat(gate.inFlight()).isZero();
  }

  @Test
  void aPolicyThatThrowsIsAFailureNotACrash() throws Exception {
    DecisionGate gate = new DecisionGate(c -> {
      throw new IllegalStateException("boom");
    }, executor, 1, Duration.ofSeconds(5));
    AtomicReference<Throwable> failure = new AtomicReference<>();
    CountDownLatch done = new CountDownLatch(1);
    gate.decide(client(), (d, e) -> {
      failure.set(e);
      done.countDown();
    });
    assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(failure.get()).hasMessageContaining("boom");
  }
}
