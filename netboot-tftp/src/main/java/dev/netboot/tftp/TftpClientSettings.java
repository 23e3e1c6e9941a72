package dev.netboot.tftp;

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
  public static final class Builder extends RetransmitBuilder<Builder> {
    private Builder() {}

    @Override
    Builder self() {
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
