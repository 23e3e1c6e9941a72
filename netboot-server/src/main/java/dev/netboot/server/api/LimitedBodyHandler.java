package dev.netboot.server.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads a 200 answer's body into memory up to a limit, and fails beyond it, so that a broken or
 * hostile API server cannot make the DHCP service buffer without bound. Other statuses discard
 * their body: only the status matters then.
 */
final class LimitedBodyHandler implements HttpResponse.BodyHandler<byte[]> {
  private final int maxBytes;

  /**
   * Creates the handler.
   *
   * @param maxBytes the largest body accepted
   */
  LimitedBodyHandler(int maxBytes) {
    this.maxBytes = maxBytes;
  }

  @Override
  public HttpResponse.BodySubscriber<byte[]> apply(HttpResponse.ResponseInfo info) {
    if (info.statusCode() != 200) {
      return HttpResponse.BodySubscribers.replacing(new byte[0]);
    }
    long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1L);
    if (declared > maxBytes) {
      return HttpResponse.BodySubscribers.mapping(
          HttpResponse.BodySubscribers.discarding(), ignored -> {
            throw new TooLargeException(declared, maxBytes);
          });
    }
    return new Subscriber(maxBytes);
  }

  /** The body was longer than the limit. */
  static final class TooLargeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TooLargeException(long size, int maxBytes) {
      super("response body of " + (size >= 0 ? size + " bytes" : "unknown size")
          + " (expected: at most " + maxBytes + " bytes)");
    }
  }

  private static final class Subscriber implements HttpResponse.BodySubscriber<byte[]> {
    private final int maxBytes;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private Flow.Subscription subscription = EMPTY;

    private static final Flow.Subscription EMPTY = new Flow.Subscription() {
      @Override
      public void request(long n) {}

      @Override
      public void cancel() {}
    };

    Subscriber(int maxBytes) {
      this.maxBytes = maxBytes;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      this.subscription = subscription;
      subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
      if (result.isDone()) {
        return;
      }
      for (ByteBuffer buffer : buffers) {
        if (body.size() + buffer.remaining() > maxBytes) {
          subscription.cancel();
          result.completeExceptionally(new TooLargeException(-1, maxBytes));
          return;
        }
        byte[] chunk = new byte[buffer.remaining()];
        buffer.get(chunk);
        body.write(chunk, 0, chunk.length);
      }
    }

    @Override
    public void onError(Throwable throwable) {
      result.completeExceptionally(throwable instanceof IOException
          ? throwable : new IOException(throwable));
    }

    @Override
    public void onComplete() {
      result.complete(body.toByteArray());
    }
  }
}
