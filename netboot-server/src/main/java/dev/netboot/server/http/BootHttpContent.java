package dev.netboot.server.http;

import java.util.Optional;

/**
 * What a {@link BootHttpServer} serves: maps each request to a resource, or to nothing (404).
 * The server has already normalised and checked the path (see {@link HttpRequestInfo#path()}),
 * and it serves only what this method returns, so a resolver that looks paths up in a table
 * ({@link FileCatalog}) cannot be tricked into serving other files.
 */
@FunctionalInterface
public interface BootHttpContent {
  /**
   * Resolves one request. Called on an I/O thread: it must not block (no network calls, no
   * slow disk scans); a resolver that throws yields 500.
   *
   * @param request the request, with a decoded, normalised path
   * @return the resource to send, or empty for 404 Not Found
   */
  Optional<HttpResource> resolve(HttpRequestInfo request);
}
