package dev.netboot.server.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.DecoderResultProvider;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.ReferenceCountUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection's requests, answered one at a time in order (pipelined requests wait in a short
 * queue, and the socket is not read while a response is written, which bounds what a client can
 * make the server hold). Request bodies are counted and discarded; too large ones get 413.
 */
final class HttpExchangeHandler extends ChannelInboundHandlerAdapter {
  /** Requests a client may pipeline behind the one being answered before it is disconnected. */
  static final int MAX_PIPELINED_REQUESTS = 16;

  private static final Logger log = LoggerFactory.getLogger(HttpExchangeHandler.class);

  /** A complete request head waiting for its answer; {@code refusal} answers it and closes. */
  private record Pending(HttpRequest head, long startNanos, @Nullable HttpResponseStatus refusal) {}

  private final BootHttpLimits limits;
  private final ConnectionTimeouts timeouts;
  private final ResponseWriter writer;
  private final ArrayDeque<Pending> queue = new ArrayDeque<>();
  private @Nullable ChannelHandlerContext ctx;
  private @Nullable HttpRequest receiving;
  private long receivingStart;
  private long bodyBytes;
  private boolean discarding;
  private boolean responding;
  private boolean draining;

  private HttpExchangeHandler(BootHttpContent content, BootHttpLimits limits,
      HttpTransferListener listener, Duration progressInterval, ConnectionTimeouts timeouts) {
    this.limits = limits;
    this.timeouts = timeouts;
    this.writer = new ResponseWriter(content, listener, progressInterval);
  }

  /** Adds the handlers of one server connection to {@code p}. */
  static void configure(ChannelPipeline p, BootHttpContent content, BootHttpLimits limits,
      HttpTransferListener listener, Duration progressInterval) {
    ConnectionTimeouts timeouts =
        new ConnectionTimeouts(limits.requestHeadTimeout(), limits.idleTimeout());
    // observeOutput: a large sendfile that keeps progressing is not "idle"; one that stalls is.
    p.addLast("write-timeout", new IdleStateHandler(
        true, 0, limits.writeTimeout().toNanos(), 0, TimeUnit.NANOSECONDS));
    p.addLast("read-timeouts", timeouts);
    p.addLast("codec", new HttpServerCodec(new HttpDecoderConfig()
        .setMaxInitialLineLength(limits.maxInitialLineLength())
        .setMaxHeaderSize(limits.maxHeaderSize())));
    p.addLast("exchange",
        new HttpExchangeHandler(content, limits, listener, progressInterval, timeouts));
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    try {
      if (!discarding) {
        read(ctx, msg);
      }
    } finally {
      ReferenceCountUtil.release(msg);
    }
  }

  private void read(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof HttpRequest req) {
      timeouts.requestStarted();
      receiving = req;
      receivingStart = System.nanoTime();
      bodyBytes = 0;
      if (req.decoderResult().isFailure()) {
        refuse(ctx, req, statusFor(req.decoderResult().cause()));
        return;
      }
      // RFC 9110 section 15.6.6: a major version we do not speak gets 505, not a guess at 1.1.
      if (req.protocolVersion().majorVersion() != 1) {
        refuse(ctx, req, HttpResponseStatus.HTTP_VERSION_NOT_SUPPORTED);
        return;
      }
      if (HttpUtil.getContentLength(req, -1L) > limits.maxRequestBody()) {
        refuse(ctx, req, HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE);
        return;
      }
    }
    HttpRequest req = receiving;
    if (!(msg instanceof HttpContent body) || req == null) {
      return;
    }
    if (msg instanceof DecoderResultProvider d && d.decoderResult().isFailure()) {
      refuse(ctx, req, HttpResponseStatus.BAD_REQUEST);
      return;
    }
    bodyBytes += body.content().readableBytes();
    if (bodyBytes > limits.maxRequestBody()) {
      refuse(ctx, req, HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE);
      return;
    }
    if (msg instanceof LastHttpContent) {
      receiving = null;
      if (queue.size() >= MAX_PIPELINED_REQUESTS) {
        log.debug("HTTP client {} pipelined too many requests; closing",
            ctx.channel().remoteAddress());
        ctx.close();
        discarding = true;
        return;
      }
      queue.add(new Pending(req, receivingStart, null));
      next(ctx);
    }
  }

  /** Answers {@code req} with an error once the responses before it are out, then closes. */
  private void refuse(ChannelHandlerContext ctx, HttpRequest req, HttpResponseStatus status) {
    discarding = true;
    receiving = null;
    queue.add(new Pending(req, receivingStart, status));
    next(ctx);
  }

  private static HttpResponseStatus statusFor(Throwable cause) {
    if (cause instanceof TooLongHttpLineException) {
      return HttpResponseStatus.REQUEST_URI_TOO_LONG;
    }
    if (cause instanceof TooLongHttpHeaderException) {
      return HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE;
    }
    return HttpResponseStatus.BAD_REQUEST;
  }

  private void next(ChannelHandlerContext ctx) {
    if (responding || queue.isEmpty()) {
      return;
    }
    Pending p = queue.poll();
    responding = true;
    timeouts.requestStarted();
    ctx.channel().config().setAutoRead(false);
    HttpRequest req = p.head();
    boolean keepAlive = p.refusal() == null && !draining && HttpUtil.isKeepAlive(req);
    ResponseWriter.Exchange exchange = new ResponseWriter.Exchange(
        info(ctx, req), req, p.startNanos(), keepAlive, HttpUtil.isKeepAlive(req)
            && req.protocolVersion().equals(HttpVersion.HTTP_1_0));
    try {
      if (p.refusal() != null) {
        writer.status(ctx, exchange, p.refusal(), Map.of(), ok -> finished(ctx, exchange, ok));
      } else {
        answer(ctx, exchange);
      }
    } catch (RuntimeException e) {
      log.warn("HTTP {} {} from {} failed", req.method(), req.uri(), exchange.info().remote(), e);
      ctx.close();
    }
  }

  private void answer(ChannelHandlerContext ctx, ResponseWriter.Exchange exchange) {
    HttpRequest req = exchange.request();
    if (!req.method().equals(HttpMethod.GET) && !req.method().equals(HttpMethod.HEAD)) {
      writer.status(ctx, exchange, HttpResponseStatus.METHOD_NOT_ALLOWED,
          Map.of("allow", "GET, HEAD"), ok -> finished(ctx, exchange, ok));
      return;
    }
    Optional<RequestTarget> target = RequestTarget.parse(req.uri());
    if (target.isEmpty()) {
      writer.status(ctx, exchange, HttpResponseStatus.BAD_REQUEST, Map.of(),
          ok -> finished(ctx, exchange, ok));
      return;
    }
    exchange.resolved(new HttpRequestInfo(req.method().name(), target.get().path(),
        target.get().query(), exchange.info().remote(), exchange.info().local()));
    writer.resource(ctx, exchange, ok -> finished(ctx, exchange, ok));
  }

  private void finished(ChannelHandlerContext ctx, ResponseWriter.Exchange exchange, boolean ok) {
    responding = false;
    if (!ok || !exchange.keepAlive() || draining) {
      queue.clear();
      discarding = true;
      ctx.close();
      return;
    }
    timeouts.responseDone();
    ctx.channel().config().setAutoRead(true);
    next(ctx);
  }

  /** Closes the connection once the response in flight, if any, is out. */
  void drain() {
    draining = true;
    ChannelHandlerContext c = ctx;
    if (c != null && !responding) {
      c.close();
    }
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
    if (evt instanceof IdleStateEvent e && e.state() == IdleState.WRITER_IDLE && responding) {
      log.debug("HTTP client {} stopped reading; closing", ctx.channel().remoteAddress());
      ctx.close();
      return;
    }
    ReferenceCountUtil.release(evt);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    log.debug("HTTP connection from {} failed", ctx.channel().remoteAddress(), cause);
    ctx.close();
  }

  private static HttpRequestInfo info(ChannelHandlerContext ctx, HttpRequest req) {
    return new HttpRequestInfo(req.method().name(), req.uri(), Map.of(),
        inet(ctx.channel().remoteAddress()), inet(ctx.channel().localAddress()));
  }

  /** Channels that are not IP sockets (tests' embedded channels) report the loopback address. */
  private static InetSocketAddress inet(@Nullable SocketAddress address) {
    return address instanceof InetSocketAddress inet
        ? inet : new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
  }
}
