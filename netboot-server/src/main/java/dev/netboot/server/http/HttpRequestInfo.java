package dev.netboot.server.http;

import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One HTTP request as {@link BootHttpContent} and {@link HttpTransferListener} see it.
 *
 * @param method the request method, e.g. {@code GET}
 * @param path the percent-decoded path, starting with {@code /}, without query; it never holds a
 *     {@code .} or {@code ..} segment, a backslash, NUL or other control characters, nor a
 *     decoded {@code /} (requests that would need one are refused before resolution). For
 *     requests refused that early (400, 405, 413, 414, 431) it is the raw request target
 *     instead, or {@code ""} when none was read.
 * @param query the decoded query parameters, in request order; values of a repeated name in
 *     order
 * @param remote the client's address and port
 * @param local the server's address and port the connection came in on (the address a
 *     multi-homed server answers as)
 */
public record HttpRequestInfo(
    String method,
    String path,
    Map<String, List<String>> query,
    InetSocketAddress remote,
    InetSocketAddress local) {

  /** Copies {@code query} into an unmodifiable map that keeps its order. */
  public HttpRequestInfo {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(remote, "remote");
    Objects.requireNonNull(local, "local");
    Map<String, List<String>> copy = new LinkedHashMap<>();
    query.forEach((name, values) -> copy.put(name, List.copyOf(values)));
    query = java.util.Collections.unmodifiableMap(copy);
  }

  /**
   * Returns the first value of query parameter {@code name}.
   *
   * @param name the parameter name
   * @return the first value, or empty when the parameter is absent
   */
  public java.util.Optional<String> queryParameter(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty()
        ? java.util.Optional.empty()
        : java.util.Optional.of(values.get(0));
  }
}
