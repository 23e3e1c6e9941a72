package dev.netboot.tftp;

import dev.netboot.tftp.internal.Checks;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a TFTP server grants: the largest block size and window size it agrees to (RFC 2348,
 * RFC 7440), whether it accepts uploads and how large, and how it retransmits. Immutable; make
 * one with {@link #builder()}.
 */
public final class TftpServerSettings {
  /**
   * The default block size cap: an Ethernet MTU of 1500 minus the IPv4 (20), UDP (8) and TFTP
   * (4) headers, so that no block is fragmented (RFC 2348 section "Block Size Option").
   */
  public static final int DEFAULT_MAX_BLKSIZE = 1468;
  /** The default window size cap (RFC 7440): 64 blocks of 1468 bytes is 94 KB in flight. */
  public static final int DEFAULT_MAX_WINDOWSIZE = 64;
  /** The default upload size cap: 64 MiB. */
  public static final long DEFAULT_MAX_WRITE_SIZE = 64L << 20;

  /** Reads only, 1468-byte blocks, 64-block windows, default retransmission. */
  public static final TftpServerSettings DEFAULTS = builder().build();

  private final int maxBlksize;
  private final int maxWindowsize;
  private final boolean writeAllowed;
  private final long maxWriteSize;
  private final TftpRetransmitSettings retransmit;

  private TftpServerSettings(Builder b) {
    this.maxBlksize = b.maxBlksize;
    this.maxWindowsize = b.maxWindowsize;
    this.writeAllowed = b.writeAllowed;
    this.maxWriteSize = b.maxWriteSize;
    this.retransmit = b.retransmit.build();
  }

  /** Returns a builder holding {@link #DEFAULTS}. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding these settings. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.maxBlksize = maxBlksize;
    b.maxWindowsize = maxWindowsize;
    b.writeAllowed = writeAllowed;
    b.maxWriteSize = maxWriteSize;
    b.retransmit = retransmit.toBuilder();
    return b;
  }

  /** Returns the largest block size granted; a client asking more gets this. */
  public int maxBlksize() {
    return maxBlksize;
  }

  /** Returns the largest window size granted; a client asking more gets this. */
  public int maxWindowsize() {
    return maxWindowsize;
  }

  /** Returns whether write requests are served at all. */
  public boolean writeAllowed() {
    return writeAllowed;
  }

  /** Returns the largest upload accepted, in bytes. */
  public long maxWriteSize() {
    return maxWriteSize;
  }

  /** Returns how transfers retransmit and when they give up. */
  public TftpRetransmitSettings retransmit() {
    return retransmit;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof TftpServerSettings)) {
      return false;
    }
    TftpServerSettings s = (TftpServerSettings) o;
    return s.maxBlksize == maxBlksize && s.maxWindowsize == maxWindowsize
        && s.writeAllowed == writeAllowed && s.maxWriteSize == maxWriteSize
        && s.retransmit.equals(retransmit);
  }

  @Override
  public int hashCode() {
    return Objects.hash(maxBlksize, maxWindowsize, writeAllowed, maxWriteSize, retransmit);
  }

  @Override
  public String toString() {
    return "TftpServerSettings{maxBlksize=" + maxBlksize + ", maxWindowsize=" + maxWindowsize
        + ", writeAllowed=" + writeAllowed + ", maxWriteSize=" + maxWriteSize + ", "
        + retransmit + "}";
  }

  /** Builds {@link TftpServerSettings}; every setter checks its range. */
  public static final class Builder extends RetransmitBuilder<Builder> {
    private int maxBlksize = DEFAULT_MAX_BLKSIZE;
    private int maxWindowsize = DEFAULT_MAX_WINDOWSIZE;
    private boolean writeAllowed;
    private long maxWriteSize = DEFAULT_MAX_WRITE_SIZE;

    private Builder() {}

    /**
     * Sets the largest block size granted.
     *
     * @param blksize 8..65464
     * @return this builder
     */
    public Builder maxBlksize(int blksize) {
      maxBlksize = (int) Checks.range(
          "maxBlksize", blksize, TftpOptions.MIN_BLKSIZE, TftpOptions.MAX_BLKSIZE);
      return this;
    }

    /**
     * Sets the largest window size granted.
     *
     * @param windowsize 1..65535
     * @return this builder
     */
    public Builder maxWindowsize(int windowsize) {
      maxWindowsize = (int) Checks.range("maxWindowsize", windowsize,
          TftpOptions.MIN_WINDOWSIZE, TftpOptions.MAX_WINDOWSIZE);
      return this;
    }

    /**
     * Sets whether write requests are served; the file source must accept them too.
     *
     * @param allowed true to serve WRQ
     * @return this builder
     */
    public Builder writeAllowed(boolean allowed) {
      writeAllowed = allowed;
      return this;
    }

    /**
     * Sets the largest upload accepted.
     *
     * @param bytes 0 or more
     * @return this builder
     */
    public Builder maxWriteSize(long bytes) {
      maxWriteSize = Checks.range("maxWriteSize", bytes, 0, Long.MAX_VALUE);
      return this;
    }

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
    public TftpServerSettings build() {
      return new TftpServerSettings(this);
    }
  }
}
