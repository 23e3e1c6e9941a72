package dev.netboot.server.internal;

import dev.netboot.pxe.BootDecision;
import dev.netboot.pxe.PxeClient;
import dev.netboot.server.AsyncBootPolicy;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * Asks the boot policy off the sockets' threads, with a bound on decisions in flight and a
 * deadline on each. A client whose decision is dropped, fails or is late gets no answer and
 * retries (PXE ROMs resend DISCOVER after 4, 8, 16 and 32 s), which beats queueing without end
 * behind a slow policy during a boot storm.
 */
public final class DecisionGate {
  /** The default number of decisions in flight before new requests are dropped. */
  public static final int DEFAULT_MAX_IN_FLIGHT = 256;
  /**
   * The default deadline of one decision: above the Pixiecore API policy's own 5 s timeout, so
   * that its error is the one reported, and below a PXE ROM's 8 s second retry.
   */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(6);

  private final AsyncBootPolicy policy;
  private final Executor executor;
  private final int maxInFlight;
  private final Duration timeout;
  private final AtomicInteger inFlight = new AtomicInteger();

  /**
   * Creates a gate.
   *
   * @param policy the policy asked
   * @param executor where the policy is called and its answers handled
   * @param maxInFlight decisions in flight at most
   * @param timeout deadline of each decision
   */
  public DecisionGate(
      AsyncBootPolicy policy, Executor executor, int maxInFlight, Duration timeout) {
    if (maxInFlight < 1) {
      throw new IllegalArgumentException("maxInFlight: " + maxInFlight + " (expected: >= 1)");
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout: " + timeout + " (expected: > 0)");
    }
    this.policy = policy;
    this.executor = executor;
    this.maxInFlight = maxInFlight;
    this.timeout = timeout;
  }

  /** Returns the decisions in flight now. */
  public int inFlight() {
    return inFlight.get();
  }

  /**
   * Asks for a decision unless too many are in flight.
   *
   * @param client the client
   * @param then called once on the executor with the decision, or with the failure (a
   *     {@link java.util.concurrent.TimeoutException} when late)
   * @return false if the request was dropped because the gate is full
   */
  public boolean decide(PxeClient client, BiConsumer<@Nullable BootDecision, @Nullable Throwable> then) {
    if (inFlight.incrementAndGet() > maxInFlight) {
      inFlight.decrementAndGet();
      return false;
    }
    CompletableFuture<BootDecision> result = new CompletableFuture<>();
    result.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    try {
      result.whenCompleteAsync((decision, failure) -> {
        inFlight.decrementAndGet();
        then.accept(decision, failure);
      }, executor);
      executor.execute(() -> ask(client, result));
    } catch (RejectedExecutionException e) {
      // Closing: whenCompleteAsync could not run either, so release the slot here.
      if (!result.isDone()) {
        inFlight.decrementAndGet();
      }
      result.completeExceptionally(e);
    }
    return true;
  }

  private void ask(PxeClient client, CompletableFuture<BootDecision> result) {
    try {
      CompletionStage<BootDecision> stage = policy.decide(client);
      stage.whenComplete((decision, failure) -> {
        if (failure != null) {
          result.completeExceptionally(failure);
        } else {
          result.complete(decision != null ? decision : BootDecision.ignore());
        }
      });
    } catch (RuntimeException e) {
      result.completeExceptionally(e);
    }
  }
}
