package dev.netboot.tftp;

import java.time.Duration;

/**
 * The retransmission setters that the client's and the server's settings builders share; each
 * passes them on to a {@link TftpRetransmitSettings.Builder}. Not API: its public methods are
 * documented as members of the public builders.
 *
 * @param <B> the public builder, returned by every setter
 */
abstract class RetransmitBuilder<B extends RetransmitBuilder<B>> {
  TftpRetransmitSettings.Builder retransmit = TftpRetransmitSettings.builder();

  RetransmitBuilder() {}

  /** Returns this builder as its public type. */
  abstract B self();

  /**
   * Sets all retransmission settings at once.
   *
   * @param settings the settings
   * @return this builder
   */
  public B retransmit(TftpRetransmitSettings settings) {
    retransmit = settings.toBuilder();
    return self();
  }

  /**
   * Sets the timeout used until a round trip is measured.
   *
   * @param timeout 1 ms to 10 min
   * @return this builder
   * @see TftpRetransmitSettings.Builder#initialTimeout(Duration)
   */
  public B initialTimeout(Duration timeout) {
    retransmit.initialTimeout(timeout);
    return self();
  }

  /**
   * Sets the floor of the adaptive timeout.
   *
   * @param timeout 1 ms to 10 min
   * @return this builder
   */
  public B minRetransmitTimeout(Duration timeout) {
    retransmit.minTimeout(timeout);
    return self();
  }

  /**
   * Sets the ceiling of the adaptive timeout and its backoff.
   *
   * @param timeout 1 ms to 10 min
   * @return this builder
   */
  public B maxRetransmitTimeout(Duration timeout) {
    retransmit.maxTimeout(timeout);
    return self();
  }

  /**
   * Sets how many consecutive retransmissions are made before giving up.
   *
   * @param retries 0..100
   * @return this builder
   */
  public B maxRetries(int retries) {
    retransmit.maxRetries(retries);
    return self();
  }

  /**
   * Sets how long a transfer waits for any packet from its peer.
   *
   * @param timeout 1 ms to 10 min
   * @return this builder
   */
  public B idleTimeout(Duration timeout) {
    retransmit.idleTimeout(timeout);
    return self();
  }
}
