package dev.netboot.server.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelProgressiveFuture;
import io.netty.channel.ChannelProgressiveFutureListener;
import io.netty.channel.ChannelProgressivePromise;
import io.netty.channel.DefaultFileRegion;
import io.netty.channel.FileRegion;
import io.netty.handler.codec.DateFormatter;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes responses: resolves a request to a resource, applies conditional and range headers,
 * and sends the body as a zero-copy {@link DefaultFileRegion} or an in-memory buffer. Tells the
 * {@link HttpTransferListener} once per response.
 */
final class ResponseWriter {
  private static final Logger log = LoggerFactory.getLogger(ResponseWriter.class);
  private static final String TEXT = "text/plain; charset=utf-8";

  /** Told whether a response went out completely. */
  @FunctionalInterface
  interface Completion {
    void done(boolean ok);
  }

  /** One request and what has been sent for it so far. Confined to the connection's thread. */
  static final class Exchange {
    private HttpRequestInfo info;
    private final HttpRequest request;
    private final long startNanos;
    private final boolean keepAlive;
    private final boolean http10KeepAlive;
    private long bytes;
    private long nextProgressNanos;

    Exchange(HttpRequestInfo info, HttpRequest request, long startNanos, boolean keepAlive,
        boolean http10KeepAlive) {
      this.info = info;
      this.request = request;
      this.startNanos = startNanos;
      this.keepAlive = keepAlive;
      this.http10KeepAlive = http10KeepAlive;
    }

    HttpRequestInfo info() {
      return info;
    }

    HttpRequest request() {
      return request;
    }

    boolean keepAlive() {
      return keepAlive;
    }

    void resolved(HttpRequestInfo resolvedInfo) {
      this.info = resolvedInfo;
    }
  }

  private final BootHttpContent content;
  private final HttpTransferListener listener;
  private final long progressIntervalNanos;

  ResponseWriter(BootHttpContent content, HttpTransferListener listener,
      Duration progressInterval) {
    this.content = content;
    this.listener = listener;
    this.progressIntervalNanos = progressInterval.toNanos();
  }

  /** Answers with a status and a one-line text body (none for HEAD). */
  void status(ChannelHandlerContext ctx, Exchange ex, HttpResponseStatus status,
      Map<String, String> extraHeaders, Completion done) {
    byte[] text = (status.code() + " " + status.reasonPhrase() + "\n")
        .getBytes(StandardCharsets.UTF_8);
    HttpResponse response = new DefaultHttpResponse(HttpVersion.HTTP_1_1, status);
    extraHeaders.forEach(response.headers()::set);
    response.headers().set(HttpHeaderNames.CONTENT_TYPE, TEXT)
        .setInt(HttpHeaderNames.CONTENT_LENGTH, text.length);
    send(ctx, ex, response, isHead(ex) ? null : Unpooled.wrappedBuffer(text), text.length, done);
  }

  /** Resolves the request and sends the resource, 304, 206, 416 or 404. */
  void resource(ChannelHandlerContext ctx, Exchange ex, Completion done) {
    Optional<HttpResource> resolved;
    try {
      resolved = content.resolve(ex.info());
    } catch (RuntimeException e) {
      log.warn("HTTP content resolver failed for {} from {}", ex.info().path(),
          ex.info().remote(), e);
      status(ctx, ex, HttpResponseStatus.INTERNAL_SERVER_ERROR, Map.of(), done);
      return;
    }
    if (resolved.isEmpty()) {
      status(ctx, ex, HttpResponseStatus.NOT_FOUND, Map.of(), done);
    } else if (resolved.get() instanceof HttpResource.FileResource file) {
      file(ctx, ex, file, done);
    } else {
      HttpResource.BytesResource bytes = (HttpResource.BytesResource) resolved.get();
      Validators v = new Validators(bytes.length(), bytes.lastModified());
      ranged(ctx, ex, v, bytes.contentType(), done, range -> Unpooled.wrappedBuffer(
          bytes.content().slice((int) range.first(), (int) range.length())));
    }
  }

  private void file(ChannelHandlerContext ctx, Exchange ex, HttpResource.FileResource file,
      Completion done) {
    BasicFileAttributes attributes;
    FileChannel channel = null;
    try {
      // Checked before opening: opening a FIFO or device could block the I/O thread.
      attributes = Files.readAttributes(file.file(), BasicFileAttributes.class);
      if (!attributes.isRegularFile()) {
        throw new IOException("not a regular file");
      }
      if (!isHead(ex)) {
        channel = FileChannel.open(file.file(), StandardOpenOption.READ);
      }
    } catch (IOException | SecurityException e) {
      log.debug("HTTP {} resolved to {}, which cannot be served: {}", ex.info().path(),
          file.file(), e.toString());
      status(ctx, ex, HttpResponseStatus.NOT_FOUND, Map.of(), done);
      return;
    }
    FileChannel open = channel;
    try {
      long size = open != null ? open.size() : attributes.size();
      Validators v = new Validators(size, attributes.lastModifiedTime().toInstant());
      ranged(ctx, ex, v, file.contentType(), ok -> {
        closeQuietly(open);
        done.done(ok);
      }, range -> new DefaultFileRegion(open, range.first(), range.length()));
    } catch (IOException e) {
      closeQuietly(open);
      status(ctx, ex, HttpResponseStatus.NOT_FOUND, Map.of(), done);
    }
  }

  /** Makes the body of a range; called only for GET with a non-empty range. */
  @FunctionalInterface
  private interface BodySource {
    Object body(ByteRange range);
  }

  private void ranged(ChannelHandlerContext ctx, Exchange ex, Validators v, String contentType,
      Completion done, BodySource source) {
    HttpHeaders requestHeaders = ex.request().headers();
    HttpResponse response = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
    HttpHeaders h = response.headers();
    h.set(HttpHeaderNames.ETAG, v.etag())
        .set(HttpHeaderNames.LAST_MODIFIED, v.lastModifiedHeader())
        .set(HttpHeaderNames.ACCEPT_RANGES, HttpHeaderValues.BYTES);
    if (v.notModified(requestHeaders)) {
      response.setStatus(HttpResponseStatus.NOT_MODIFIED);
      send(ctx, ex, response, null, 0, done);
      return;
    }
    // RFC 9110 section 14.2: only GET has range semantics; HEAD describes the whole file.
    ByteRange.Outcome outcome = !isHead(ex) && v.rangeAllowed(requestHeaders)
        ? ByteRange.parse(requestHeaders.get(HttpHeaderNames.RANGE), v.size())
        : new ByteRange.Whole();
    if (outcome instanceof ByteRange.Unsatisfiable) {
      status(ctx, ex, HttpResponseStatus.REQUESTED_RANGE_NOT_SATISFIABLE,
          Map.of("content-range", "bytes */" + v.size()), done);
      return;
    }
    ByteRange range = outcome instanceof ByteRange.Part part ? part.range()
        : new ByteRange(0, v.size() - 1);
    if (outcome instanceof ByteRange.Part) {
      response.setStatus(HttpResponseStatus.PARTIAL_CONTENT);
      h.set(HttpHeaderNames.CONTENT_RANGE, range.contentRange(v.size()));
    }
    h.set(HttpHeaderNames.CONTENT_TYPE, contentType)
        .set(HttpHeaderNames.CONTENT_LENGTH, range.length());
    Object body = isHead(ex) || range.length() == 0 ? null : source.body(range);
    send(ctx, ex, response, body, range.length(), done);
  }

  private void send(ChannelHandlerContext ctx, Exchange ex, HttpResponse response,
      @Nullable Object body, long bodyLength, Completion done) {
    HttpHeaders h = response.headers();
    h.set(HttpHeaderNames.DATE, DateFormatter.format(new Date()));
    if (!ex.keepAlive) {
      h.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    } else if (ex.http10KeepAlive) {
      h.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
    }
    int code = response.status().code();
    ctx.write(response);
    if (body != null) {
      ChannelProgressivePromise promise = ctx.newProgressivePromise();
      ex.nextProgressNanos = System.nanoTime() + progressIntervalNanos;
      promise.addListener(new ChannelProgressiveFutureListener() {
        @Override
        public void operationProgressed(ChannelProgressiveFuture f, long progress, long total) {
          ex.bytes = Math.max(ex.bytes, progress);
          long now = System.nanoTime();
          if (now - ex.nextProgressNanos >= 0 && ex.bytes < bodyLength) {
            ex.nextProgressNanos = now + progressIntervalNanos;
            try {
              listener.onProgress(ex.info, ex.bytes, bodyLength);
            } catch (RuntimeException e) {
              log.warn("HTTP transfer listener failed", e);
            }
          }
        }

        @Override
        public void operationComplete(ChannelProgressiveFuture f) {
          if (f.isSuccess()) {
            ex.bytes = bodyLength;
          } else if (body instanceof FileRegion region) {
            ex.bytes = Math.max(ex.bytes, region.transferred());
          }
        }
      });
      ctx.write(body, promise);
    }
    ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT).addListener(f -> {
      Duration took = Duration.ofNanos(System.nanoTime() - ex.startNanos);
      report(ex, code, took, f.isSuccess());
      done.done(f.isSuccess());
    });
  }

  private void report(Exchange ex, int code, Duration took, boolean ok) {
    HttpRequestInfo info = ex.info;
    if (log.isDebugEnabled()) {
      log.debug("HTTP {} {} -> {} {} bytes in {} ms{} peer={} mac={}", info.method(), info.path(),
          code, ex.bytes, took.toMillis(), ok ? "" : " (failed)", info.remote(),
          info.queryParameter("mac").map(m -> m.replace('-', ':')).orElse("-"));
    }
    try {
      listener.onServed(info, code, ex.bytes, took, ok);
    } catch (RuntimeException e) {
      log.warn("HTTP transfer listener failed", e);
    }
  }

  private static boolean isHead(Exchange ex) {
    return ex.request.method().equals(HttpMethod.HEAD);
  }

  private static void closeQuietly(@Nullable FileChannel channel) {
    if (channel == null) {
      return;
    }
    try {
      // A region that was written already closed it; closing again is harmless.
      channel.close();
    } catch (IOException e) {
      log.debug("closing a served file failed", e);
    }
  }
}
