package dev.netboot.pxe;

/**
 * The SPI that says what each client boots. Called once per request, on the server's receiving
 * thread, so it should answer quickly and must be safe to call from several threads.
 *
 * <p>{@link BootPolicies} has the static policies: one image for all, tables by MAC, GUID or
 * architecture, any predicate.
 */
@FunctionalInterface
public interface BootPolicy {
  /**
   * Decides what {@code client} boots.
   *
   * @param client the client, read from its request
   * @return the decision; {@link BootDecision#ignore()} to leave the client to other servers
   */
  BootDecision decide(PxeClient client);
}
