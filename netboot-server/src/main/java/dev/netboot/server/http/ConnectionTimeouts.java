package dev.netboot.server.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes connections whose client is too slow to ask: it sits in front of the HTTP decoder and
 * sees raw bytes. A request head must be complete within the head timeout, counted from the
 * connection or from the first byte after the previous response, so a client that trickles
 * bytes (slowloris) cannot hold a connection; a keep-alive connection that sends nothing is
 * closed after the idle timeout. While a response is being written no timer runs here; the
 * write timeout watches that instead.
 */
final class ConnectionTimeouts extends ChannelInboundHandlerAdapter {
  private static final Logger log = LoggerFactory.getLogger(ConnectionTimeouts.class);

  private enum State { IDLE, READING_HEAD, BUSY }

  private final long headTimeoutNanos;
  private final long idleTimeoutNanos;
  private @Nullable ChannelHandlerContext ctx;
  private @Nullable ScheduledFuture<?> timer;
  private State state = State.READING_HEAD;

  ConnectionTimeouts(Duration headTimeout, Duration idleTimeout) {
    this.headTimeoutNanos = headTimeout.toNanos();
    this.idleTimeoutNanos = idleTimeout.toNanos();
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    this.ctx = ctx;
    if (ctx.channel().isActive()) {
      // Added to a connected channel: channelActive() has passed and will not come.
      schedule(State.READING_HEAD, headTimeoutNanos);
    }
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    // The first request's head is due a head timeout after the connection opened.
    schedule(State.READING_HEAD, headTimeoutNanos);
    ctx.fireChannelActive();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (state == State.IDLE && msg instanceof ByteBuf buf && buf.isReadable()) {
      schedule(State.READING_HEAD, headTimeoutNanos);
    }
    ctx.fireChannelRead(msg);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    cancel();
    ctx.fireChannelInactive();
  }

  /** A complete request head arrived: no read timer until its response is done. */
  void requestStarted() {
    cancel();
    state = State.BUSY;
  }

  /** A response is done and the connection stays open for the next request. */
  void responseDone() {
    schedule(State.IDLE, idleTimeoutNanos);
  }

  private void schedule(State next, long nanos) {
    cancel();
    state = next;
    ChannelHandlerContext c = ctx;
    if (c == null) {
      return;
    }
    timer = c.executor().schedule(() -> expire(next), nanos, TimeUnit.NANOSECONDS);
  }

  private void expire(State expected) {
    ChannelHandlerContext c = ctx;
    if (c == null || state != expected) {
      return;
    }
    log.debug("HTTP connection from {} closed: {}", c.channel().remoteAddress(),
        expected == State.IDLE ? "idle" : "request head not complete in time");
    c.close();
  }

  private void cancel() {
    ScheduledFuture<?> t = timer;
    if (t != null) {
      t.cancel(false);
      timer = null;
    }
  }
}
