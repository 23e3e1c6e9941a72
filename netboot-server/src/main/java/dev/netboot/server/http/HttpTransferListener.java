package dev.netboot.server.http;

import java.time.Duration;

/**
 * Told about every response a {@link BootHttpServer} sends: once per response, when it has been
 * written completely or has failed (client gone, write timeout, server closed).
 */
@FunctionalInterface
public interface HttpTransferListener {
  /** A listener that ignores everything. */
  HttpTransferListener NONE = (request, status, bytes, duration, complete) -> {};

  /**
   * Called on the connection's I/O thread once the response is done; must not block.
   * Exceptions are logged and otherwise ignored.
   *
   * @param request the request answered
   * @param status the status code sent, e.g. 200, 206, 304, 404
   * @param bytes the body bytes actually written to the socket (headers not counted); less than
   *     the body's length when the transfer failed
   * @param duration from the complete request head to the end of the response
   * @param complete whether the whole response reached the socket; false when the client went
   *     away or the connection failed mid-body
   */
  void onServed(HttpRequestInfo request, int status, long bytes, Duration duration,
      boolean complete);

  /**
   * Called on the connection's I/O thread while a body is going out, at most once per the
   * server's progress interval ({@link BootHttpServer.Builder#progressInterval}, one second by
   * default), and not for responses that end sooner; must not block. For progress bars; the
   * default does nothing.
   *
   * @param request the request answered
   * @param bytes the body bytes written to the socket so far
   * @param totalBytes the body's length
   */
  default void onProgress(HttpRequestInfo request, long bytes, long totalBytes) {}
}
