package dev.netboot.tftp.udp;

import dev.netboot.tftp.internal.Checks;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How much a {@link TftpServer} takes on: concurrent transfers in all and per client address,
 * and how long closing waits for running transfers. A request over a limit is answered once
 * with ERROR 0 "server busy" and dropped; clients retry. Retransmission and idle limits of each
 * transfer are in {@link dev.netboot.tftp.TftpServerSettings}. Immutable; make one with
 * {@link #builder()}.
 */
public final class TftpServerLimits {
  /** The default cap on concurrent transfers. */
  public static final int DEFAULT_MAX_TRANSFERS = 1000;
  /**
   * The default cap on concurrent transfers from one client address: a booting machine needs
   * one or two at a time, and several machines behind one NAT address stay within it.
   */
  public static final int DEFAULT_MAX_TRANSFERS_PER_CLIENT = 16;
  /** The default time {@link TftpServer#close()} lets running transfers finish. */
  public static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(5);
  /** The largest allowed shutdown timeout. */
  public static final Duration MAX_SHUTDOWN_TIMEOUT = Duration.ofMinutes(10);
  /** The largest value allowed for either transfer cap. */
  public static final int MAX_TRANSFERS_LIMIT = 1_000_000;

  /** 1000 transfers, 16 per client address, 5 s to shut down. */
  public static final TftpServerLimits DEFAULTS = builder().build();

  private final int maxTransfers;
  private final int maxTransfersPerClient;
  private final Duration shutdownTimeout;

  private TftpServerLimits(Builder b) {
    this.maxTransfers = b.maxTransfers;
    this.maxTransfersPerClient = b.maxTransfersPerClient;
    this.shutdownTimeout = b.shutdownTimeout;
  }

  /** Returns a builder holding {@link #DEFAULTS}. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding these limits. */
  public Builder toBuilder() {
    return new Builder().maxTransfers(maxTransfers).maxTransfersPerClient(maxTransfersPerClient)
        .shutdownTimeout(shutdownTimeout);
  }

  /** Returns the cap on concurrent transfers. */
  public int maxTransfers() {
    return maxTransfers;
  }

  /** Returns the cap on concurrent transfers from one client IP address. */
  public int maxTransfersPerClient() {
    return maxTransfersPerClient;
  }

  /** Returns how long closing waits for running transfers before aborting them. */
  public Duration shutdownTimeout() {
    return shutdownTimeout;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof TftpServerLimits)) {
      return false;
    }
    TftpServerLimits l = (TftpServerLimits) o;
    return l.maxTransfers == maxTransfers && l.maxTransfersPerClient == maxTransfersPerClient
        && l.shutdownTimeout.equals(shutdownTimeout);
  }

  @Override
  public int hashCode() {
    return Objects.hash(maxTransfers, maxTransfersPerClient, shutdownTimeout);
  }

  @Override
  public String toString() {
    return "TftpServerLimits{maxTransfers=" + maxTransfers + ", maxTransfersPerClient="
        + maxTransfersPerClient + ", shutdownTimeout=" + shutdownTimeout + "}";
  }

  /** Builds {@link TftpServerLimits}; every setter checks its range. */
  public static final class Builder {
    private int maxTransfers = DEFAULT_MAX_TRANSFERS;
    private int maxTransfersPerClient = DEFAULT_MAX_TRANSFERS_PER_CLIENT;
    private Duration shutdownTimeout = DEFAULT_SHUTDOWN_TIMEOUT;

    private Builder() {}

    /**
     * Sets the cap on concurrent transfers.
     *
     * @param max 1..1000000
     * @return this builder
     */
    public Builder maxTransfers(int max) {
      maxTransfers = (int) Checks.range("maxTransfers", max, 1, MAX_TRANSFERS_LIMIT);
      return this;
    }

    /**
     * Sets the cap on concurrent transfers from one client IP address.
     *
     * @param max 1..1000000
     * @return this builder
     */
    public Builder maxTransfersPerClient(int max) {
      maxTransfersPerClient =
          (int) Checks.range("maxTransfersPerClient", max, 1, MAX_TRANSFERS_LIMIT);
      return this;
    }

    /**
     * Sets how long {@link TftpServer#close()} lets running transfers finish before it aborts
     * them with ERROR 0.
     *
     * @param timeout zero to 10 min
     * @return this builder
     */
    public Builder shutdownTimeout(Duration timeout) {
      Checks.duration("shutdownTimeout", timeout, Duration.ZERO, MAX_SHUTDOWN_TIMEOUT);
      shutdownTimeout = timeout;
      return this;
    }

    /** Returns the limits. */
    public TftpServerLimits build() {
      return new TftpServerLimits(this);
    }
  }
}
