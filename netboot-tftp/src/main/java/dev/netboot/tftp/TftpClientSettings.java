package dev.netboot.tftp;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How a TFTP client transfer retransmits and when it gives up (RFC 1350 section 2). The options
 * it asks for are given per transfer to {@link TftpClientTransfers}. Immutable; make one with
 * {@link #builder()}.
 */
public final class TftpClientSettings {
  /** Default retransmission. */
  public static final TftpClientSettings DEFAULTS = builder().build();

  private final TftpRetransmitSettings retransmit;

  private TftpClientSettings(Builder b) {
    this.retransmit = b.retransmit.build();
  }

  /** Returns a builder holding {@link #DEFAULTS}. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding these settings. */
  public Builder toBuilder() {
    return new Builder().retransmit(retransmit);
  }

  /** Returns how transfers retransmit and when they give up. */
  public TftpRetransmitSettings retransmit() {
    return retransmit;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof TftpClientSettings
        && ((TftpClientSettings) o).retransmit.equals(retransmit);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(retransmit);
  }

  @Override
  public String toString() {
    return "TftpClientSettings{" + retransmit + "}";
  }

  /** Builds {@link TftpClientSettings}; every setter checks its range. */
  public static final class Builder {
    private TftpRetransmitSettings.Builder retransmit = TftpRetransmitSettings.builder();

    private Builder() {}

    /**
     * Sets all retransmission settings at once.
     *
     * @param settings the settings
     * @return this builder
     */
    public Builder retransmit(TftpRetransmitSettings settings) {
      retransmit = settings.toBuilder();
      return this;
    }

    /**
     * Sets the timeout used until a round trip is measured.
     *
     * @param timeout 1 ms to 10 min
     * @return this builder
     */
    public Builder initialTimeout(Duration timeout) {
      retransmit.initialTimeout(timeout);
      return this;
    }

    /**
     * Sets the floor of the adaptive timeout.
     *
     * @param timeout 1 ms to 10 min
     * @return this builder
     */
    public Builder minRetransmitTimeout(Duration timeout) {
      retransmit.minTimeout(timeout);
      return this;
    }

    /**
     * Sets the ceiling of the adaptive timeout and its backoff.
     *
     * @param timeout 1 ms to 10 min
     * @return this builder
     */
    public Builder maxRetransmitTimeout(Duration timeout) {
      retransmit.maxTimeout(timeout);
      return this;
    }

    /**
     * Sets how many consecutive retransmissions are made before giving up.
     *
     * @param retries 0..100
     * @return this builder
     */
    public Builder maxRetries(int retries) {
      retransmit.maxRetries(retries);
      return this;
    }

    /**
     * Sets how long a transfer waits for any packet from its peer.
     *
     * @param timeout 1 ms to 10 min
     * @return this builder
     */
    public Builder idleTimeout(Duration timeout) {
      retransmit.idleTimeout(timeout);
      return this;
    }

    /**
     * Returns the settings.
     *
     * @return the settings
     * @throws IllegalArgumentException if the minimum timeout exceeds the maximum
     */
    public TftpClientSettings build() {
      return new TftpClientSettings(this);
    }
  }
}
