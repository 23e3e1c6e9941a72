package dev.netboot.server.http;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How much a {@link BootHttpServer} takes on, and how long it waits for slow or silent clients.
 * A connection over {@link #maxConnections()} is closed as soon as it is accepted; a request head
 * over the size limits gets 414 or 431 and the connection is closed. Immutable; make one with
 * {@link #builder()}.
 */
public final class BootHttpLimits {
  /** The default cap on open connections. */
  public static final int DEFAULT_MAX_CONNECTIONS = 1024;
  /** The default longest request line (method, target, version), in bytes. */
  public static final int DEFAULT_MAX_INITIAL_LINE_LENGTH = 4 * 1024;
  /** The default largest request header block, in bytes. */
  public static final int DEFAULT_MAX_HEADER_SIZE = 8 * 1024;
  /**
   * The default largest request body: boot clients send GET and HEAD without bodies, so a body
   * is tolerated (and discarded) only up to this size; beyond it the answer is 413.
   */
  public static final int DEFAULT_MAX_REQUEST_BODY = 4 * 1024;
  /**
   * The default time a client has to send a complete request head once it has connected or
   * sent the first byte of a request: a client that trickles a head (slowloris) is cut off.
   */
  public static final Duration DEFAULT_REQUEST_HEAD_TIMEOUT = Duration.ofSeconds(10);
  /** The default time an idle keep-alive connection stays open between requests. */
  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);
  /**
   * The default time a response may make no progress (a client that stopped reading) before
   * the connection is closed.
   */
  public static final Duration DEFAULT_WRITE_TIMEOUT = Duration.ofSeconds(30);
  /** The default time {@link BootHttpServer#close()} lets responses in flight finish. */
  public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(10);
  /** The largest value allowed for any connection or size limit. */
  public static final int MAX_LIMIT = 1 << 24;
  /** The longest allowed timeout or grace period. */
  public static final Duration MAX_TIMEOUT = Duration.ofHours(1);

  /** All defaults: 1024 connections, 4 KiB line, 8 KiB headers, 10 s head, 30 s idle. */
  public static final BootHttpLimits DEFAULTS = builder().build();

  private final int maxConnections;
  private final int maxInitialLineLength;
  private final int maxHeaderSize;
  private final int maxRequestBody;
  private final Duration requestHeadTimeout;
  private final Duration idleTimeout;
  private final Duration writeTimeout;
  private final Duration shutdownGrace;

  private BootHttpLimits(Builder b) {
    this.maxConnections = b.maxConnections;
    this.maxInitialLineLength = b.maxInitialLineLength;
    this.maxHeaderSize = b.maxHeaderSize;
    this.maxRequestBody = b.maxRequestBody;
    this.requestHeadTimeout = b.requestHeadTimeout;
    this.idleTimeout = b.idleTimeout;
    this.writeTimeout = b.writeTimeout;
    this.shutdownGrace = b.shutdownGrace;
  }

  /**
   * Returns a builder holding {@link #DEFAULTS}.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder holding these limits.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.maxConnections = maxConnections;
    b.maxInitialLineLength = maxInitialLineLength;
    b.maxHeaderSize = maxHeaderSize;
    b.maxRequestBody = maxRequestBody;
    b.requestHeadTimeout = requestHeadTimeout;
    b.idleTimeout = idleTimeout;
    b.writeTimeout = writeTimeout;
    b.shutdownGrace = shutdownGrace;
    return b;
  }

  /** @return the cap on open connections */
  public int maxConnections() {
    return maxConnections;
  }

  /** @return the longest accepted request line, in bytes */
  public int maxInitialLineLength() {
    return maxInitialLineLength;
  }

  /** @return the largest accepted header block, in bytes */
  public int maxHeaderSize() {
    return maxHeaderSize;
  }

  /** @return the largest request body tolerated (and discarded), in bytes */
  public int maxRequestBody() {
    return maxRequestBody;
  }

  /** @return how long a client may take to send a complete request head */
  public Duration requestHeadTimeout() {
    return requestHeadTimeout;
  }

  /** @return how long an idle keep-alive connection stays open */
  public Duration idleTimeout() {
    return idleTimeout;
  }

  /** @return how long a response may make no progress before the connection is closed */
  public Duration writeTimeout() {
    return writeTimeout;
  }

  /** @return how long {@link BootHttpServer#close()} lets responses in flight finish */
  public Duration shutdownGrace() {
    return shutdownGrace;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof BootHttpLimits l && l.maxConnections == maxConnections
        && l.maxInitialLineLength == maxInitialLineLength && l.maxHeaderSize == maxHeaderSize
        && l.maxRequestBody == maxRequestBody && l.requestHeadTimeout.equals(requestHeadTimeout)
        && l.idleTimeout.equals(idleTimeout) && l.writeTimeout.equals(writeTimeout)
        && l.shutdownGrace.equals(shutdownGrace);
  }

  @Override
  public int hashCode() {
    return Objects.hash(maxConnections, maxInitialLineLength, maxHeaderSize, maxRequestBody,
        requestHeadTimeout, idleTimeout, writeTimeout, shutdownGrace);
  }

  @Override
  public String toString() {
    return "BootHttpLimits{maxConnections=" + maxConnections + ", maxInitialLineLength="
        + maxInitialLineLength + ", maxHeaderSize=" + maxHeaderSize + ", maxRequestBody="
        + maxRequestBody + ", requestHeadTimeout=" + requestHeadTimeout + ", idleTimeout="
        + idleTimeout + ", writeTimeout=" + writeTimeout + ", shutdownGrace=" + shutdownGrace
        + "}";
  }

  /** Builds {@link BootHttpLimits}; every setter checks its range. */
  public static final class Builder {
    private int maxConnections = DEFAULT_MAX_CONNECTIONS;
    private int maxInitialLineLength = DEFAULT_MAX_INITIAL_LINE_LENGTH;
    private int maxHeaderSize = DEFAULT_MAX_HEADER_SIZE;
    private int maxRequestBody = DEFAULT_MAX_REQUEST_BODY;
    private Duration requestHeadTimeout = DEFAULT_REQUEST_HEAD_TIMEOUT;
    private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
    private Duration writeTimeout = DEFAULT_WRITE_TIMEOUT;
    private Duration shutdownGrace = DEFAULT_SHUTDOWN_GRACE;

    private Builder() {}

    /**
     * Sets the cap on open connections.
     *
     * @param max 1 to {@link #MAX_LIMIT}
     * @return this builder
     */
    public Builder maxConnections(int max) {
      maxConnections = range("maxConnections", max, 1);
      return this;
    }

    /**
     * Sets the longest accepted request line; longer ones get 414.
     *
     * @param max 256 to {@link #MAX_LIMIT} bytes
     * @return this builder
     */
    public Builder maxInitialLineLength(int max) {
      maxInitialLineLength = range("maxInitialLineLength", max, 256);
      return this;
    }

    /**
     * Sets the largest accepted header block; larger ones get 431.
     *
     * @param max 256 to {@link #MAX_LIMIT} bytes
     * @return this builder
     */
    public Builder maxHeaderSize(int max) {
      maxHeaderSize = range("maxHeaderSize", max, 256);
      return this;
    }

    /**
     * Sets the largest request body tolerated; larger ones get 413.
     *
     * @param max 0 to {@link #MAX_LIMIT} bytes
     * @return this builder
     */
    public Builder maxRequestBody(int max) {
      maxRequestBody = range("maxRequestBody", max, 0);
      return this;
    }

    /**
     * Sets how long a client may take to send a complete request head, counted from the
     * connection or from the first byte of a later request.
     *
     * @param timeout positive, at most {@link #MAX_TIMEOUT}
     * @return this builder
     */
    public Builder requestHeadTimeout(Duration timeout) {
      requestHeadTimeout = positive("requestHeadTimeout", timeout);
      return this;
    }

    /**
     * Sets how long an idle keep-alive connection stays open between requests.
     *
     * @param timeout positive, at most {@link #MAX_TIMEOUT}
     * @return this builder
     */
    public Builder idleTimeout(Duration timeout) {
      idleTimeout = positive("idleTimeout", timeout);
      return this;
    }

    /**
     * Sets how long a response may make no progress before the connection is closed.
     *
     * @param timeout positive, at most {@link #MAX_TIMEOUT}
     * @return this builder
     */
    public Builder writeTimeout(Duration timeout) {
      writeTimeout = positive("writeTimeout", timeout);
      return this;
    }

    /**
     * Sets how long {@link BootHttpServer#close()} lets responses in flight finish.
     *
     * @param grace zero to {@link #MAX_TIMEOUT}
     * @return this builder
     */
    public Builder shutdownGrace(Duration grace) {
      Objects.requireNonNull(grace, "grace");
      if (grace.isNegative() || grace.compareTo(MAX_TIMEOUT) > 0) {
        throw new IllegalArgumentException(
            "shutdownGrace: " + grace + " (expected: 0 to " + MAX_TIMEOUT + ")");
      }
      shutdownGrace = grace;
      return this;
    }

    /**
     * Returns the limits.
     *
     * @return the immutable limits
     */
    public BootHttpLimits build() {
      return new BootHttpLimits(this);
    }

    private static int range(String name, int value, int min) {
      if (value < min || value > MAX_LIMIT) {
        throw new IllegalArgumentException(
            name + ": " + value + " (expected: " + min + " to " + MAX_LIMIT + ")");
      }
      return value;
    }

    private static Duration positive(String name, Duration value) {
      Objects.requireNonNull(value, name);
      if (value.isNegative() || value.isZero() || value.compareTo(MAX_TIMEOUT) > 0) {
        throw new IllegalArgumentException(
            name + ": " + value + " (expected: more than 0, at most " + MAX_TIMEOUT + ")");
      }
      return value;
    }
  }
}
