package dev.netboot.server;

import dev.netboot.pxe.BootDecision;
import dev.netboot.pxe.BootPolicy;
import dev.netboot.pxe.PxeClient;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * What each client boots, decided asynchronously: the server never blocks a socket's thread on a
 * decision, so a slow source of decisions (an HTTP API) delays only the clients waiting for it.
 * A {@link BootPolicy} that answers at once is adapted with {@link #of}.
 */
@FunctionalInterface
public interface AsyncBootPolicy {
  /**
   * Decides what {@code client} boots.
   *
   * @param client the client, read from its request
   * @return the decision, completed now or later; {@link BootDecision#ignore()} leaves the client
   *     to other servers, and so does a stage that fails or does not complete in time
   */
  CompletionStage<BootDecision> decide(PxeClient client);

  /**
   * Adapts a synchronous policy, which must answer quickly: it runs on the caller's thread.
   *
   * @param policy the policy
   * @return the same policy, answering with completed stages
   */
  static AsyncBootPolicy of(BootPolicy policy) {
    return client -> {
      try {
        return CompletableFuture.completedFuture(policy.decide(client));
      } catch (RuntimeException e) {
        return CompletableFuture.failedFuture(e);
      }
    };
  }
}
