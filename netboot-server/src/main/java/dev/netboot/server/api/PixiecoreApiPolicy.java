package dev.netboot.server.api;

import dev.netboot.pxe.BootDecision;
import dev.netboot.pxe.PxeClient;
import dev.netboot.server.AsyncBootPolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Boot decisions from an HTTP API that speaks Pixiecore's boot API (as specified in
 * {@code pixiecore/README.api.md} of github.com/danderson/netboot and implemented by its
 * {@code apibooter}), so an API server written for Pixiecore works unchanged.
 *
 * <p>For each machine it sends {@code GET <api>/v1/boot/<mac>}, the MAC as Go prints a
 * {@code net.HardwareAddr} ({@code 52:54:00:12:34:56}, lower case). A 200 answer with a JSON
 * document boots a Linux kernel ({@link BootDecision#linux}): {@code kernel} (URL),
 * {@code initrd} (list of URLs) and {@code cmdline}; a non-empty {@code ipxe-script} gives
 * {@link BootDecision#ipxeScript} instead. Any other status, a malformed document, a timeout or a
 * transport error ignores the machine ({@link BootDecision#ignore()}), as Pixiecore does; so
 * another server may boot it.
 *
 * <p>URLs: absolute {@code http} and {@code https} URLs are kept; a URL without a scheme is
 * resolved against {@code <api>/v1} as Pixiecore does (so {@code /kernel} is at the API host's
 * root); a {@code file://} URL is handed to the {@linkplain Builder#fileMapper file mapper}, which
 * returns what the booting machine fetches (typically: registers the file in the server's
 * {@code FileCatalog} and returns its URL); other schemes ignore the machine. The command line may be a string holding
 * {@code {{ URL "..." }}} template actions, which become the same mapped URLs, or Pixiecore's
 * deprecated object form (see {@link CmdlineTemplate} for the template subset).
 *
 * <p>Where this differs from Pixiecore:
 *
 * <ul>
 *   <li>Pixiecore proxies every URL through its own HTTP server. Here {@code http(s)} URLs go to
 *       the booting machine as they are, so the machine must reach them, and {@code https} needs
 *       an iPXE built with TLS; only {@code file://} URLs are served by this server.
 *   <li>A file mapper's answer is used verbatim in the command line: a mapper that returns a path
 *       (not a full URL) gives the kernel a path, which is only useful for the kernel and initrds
 *       (the server prefixes its own URL to those).
 *   <li>{@code message} is read but not shown: the generated iPXE script has no place for it.
 *   <li>The body must be one valid UTF-8 JSON value of at most {@link #MAX_RESPONSE_BYTES}, and a
 *       200 answer without a kernel ignores the machine.
 *   <li>Answers are cached per MAC for {@link Builder#cacheTtl} and concurrent lookups of one MAC
 *       share one request, so the several DHCP packets of one boot cost one or two API requests
 *       (Pixiecore asks for each packet).
 * </ul>
 *
 * <p>No thread waits on the API: requests use {@link HttpClient#sendAsync}. At most
 * {@link Builder#maxConcurrent} requests are in flight; a machine that would need one more is
 * ignored at once (its firmware retries), with a rate-limited warning.
 */
public final class PixiecoreApiPolicy implements AsyncBootPolicy {
  /** The default time a request may take, connection included. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
  /** The default limit of requests in flight. */
  public static final int DEFAULT_MAX_CONCURRENT = 64;
  /**
   * The default time an answer is reused: long enough for one boot's DISCOVER, port 4011 request
   * and iPXE DHCP to share it, short enough for a change on the API server to show on the next
   * boot.
   */
  public static final Duration DEFAULT_CACHE_TTL = Duration.ofSeconds(10);
  /** The largest response body read; Pixiecore's documents are a few hundred bytes. */
  public static final int MAX_RESPONSE_BYTES = 64 * 1024;
  /** How many machines' answers are cached at most; beyond, new answers are not cached. */
  public static final int MAX_CACHED_MACHINES = AnswerCache.MAX_MACHINES;

  private static final Logger LOG = LoggerFactory.getLogger(PixiecoreApiPolicy.class);
  private static final long OVERLOAD_LOG_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);

  private final URI apiBase;
  private final URI urlPrefix;
  private final Duration timeout;
  private final int maxConcurrent;
  private final ApiUrls urls;
  private final AnswerCache cache;
  private final HttpClient httpClient;
  private final Map<String, String> headers;

  private final ConcurrentHashMap<String, CompletableFuture<BootDecision>> inFlight =
      new ConcurrentHashMap<>();
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicLong nextOverloadLog = new AtomicLong(System.nanoTime());
  private final AtomicInteger overloadsSinceLog = new AtomicInteger();

  private PixiecoreApiPolicy(Builder builder) {
    this.apiBase = builder.apiBase;
    String base = apiBase.toString();
    this.urlPrefix = URI.create((base.endsWith("/") ? base : base + "/") + "v1");
    this.timeout = builder.timeout;
    this.maxConcurrent = builder.maxConcurrent;
    this.urls = new ApiUrls(urlPrefix, builder.fileMapper);
    this.cache = new AnswerCache(builder.cacheTtl.toNanos());
    this.headers = Map.copyOf(builder.headers);
    HttpClient client = builder.httpClient;
    this.httpClient = client != null ? client : HttpClient.newBuilder()
        // No h2c upgrade dance on plain http: API servers are often small HTTP/1.1 servers.
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(timeout)
        .followRedirects(HttpClient.Redirect.NORMAL)
        .build();
  }

  /**
   * Returns a builder for the API at {@code apiBase}, the URL prefix given to
   * {@code pixiecore api}.
   *
   * @param apiBase the API's absolute http or https URL, without {@code /v1}
   * @return the builder
   * @throws IllegalArgumentException if the URL is not absolute http or https
   */
  public static Builder builder(URI apiBase) {
    return new Builder(apiBase);
  }

  /** Returns the API's URL prefix, as given to the builder. */
  public URI apiBase() {
    return apiBase;
  }

  /**
   * Returns the URL asked for a MAC address: {@code <api>/v1/boot/<mac>}.
   *
   * @param hardwareAddress the client's hardware address (chaddr)
   * @return the request URL
   */
  public URI bootUri(byte[] hardwareAddress) {
    return URI.create(urlPrefix + "/boot/" + macText(hardwareAddress));
  }

  /**
   * Asks the API what {@code client} boots, or reuses a recent or pending answer for its MAC.
   *
   * @param client the client
   * @return the decision; never fails (errors become {@link BootDecision#ignore()})
   */
  @Override
  public CompletionStage<BootDecision> decide(PxeClient client) {
    byte[] hardwareAddress = client.hardwareAddress();
    if (hardwareAddress.length == 0) {
      return CompletableFuture.completedFuture(BootDecision.ignore());
    }
    String mac = macText(hardwareAddress);
    BootDecision cached = cache.get(mac, System.nanoTime());
    if (cached != null) {
      return CompletableFuture.completedFuture(cached);
    }
    CompletableFuture<BootDecision> mine = new CompletableFuture<>();
    CompletableFuture<BootDecision> pending = inFlight.putIfAbsent(mac, mine);
    if (pending != null) {
      return pending.copy();
    }
    if (requests.incrementAndGet() > maxConcurrent) {
      requests.decrementAndGet();
      inFlight.remove(mac, mine);
      logOverload(mac);
      mine.complete(BootDecision.ignore());
      return mine.copy();
    }
    URI uri = bootUri(hardwareAddress);
    fetch(uri, mac).whenComplete((decision, error) -> {
      requests.decrementAndGet();
      BootDecision result = decision != null ? decision : BootDecision.ignore();
      if (error != null) {
        LOG.error("mac={} unexpected failure asking {}, ignoring the machine", mac, uri, error);
      }
      cache.put(mac, result, System.nanoTime());
      inFlight.remove(mac, mine);
      mine.complete(result);
    });
    return mine.copy();
  }

  private CompletableFuture<BootDecision> fetch(URI uri, String mac) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri)
        .GET()
        .timeout(timeout)
        .header("Accept", "application/json");
    headers.forEach(request::header);
    long started = System.nanoTime();
    CompletableFuture<HttpResponse<byte[]>> exchange;
    try {
      exchange = httpClient.sendAsync(request.build(), new LimitedBodyHandler(MAX_RESPONSE_BYTES));
    } catch (RuntimeException e) {
      LOG.warn("mac={} cannot ask {}: {}, ignoring the machine", mac, uri, e.toString());
      return CompletableFuture.completedFuture(BootDecision.ignore());
    }
    // The request timeout covers the wait for headers; this one covers a body that trickles.
    CompletableFuture<HttpResponse<byte[]>> bounded = exchange.copy()
        .orTimeout(timeout.toNanos(), TimeUnit.NANOSECONDS);
    return bounded.handle((response, error) -> {
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
      if (error != null) {
        exchange.cancel(true);
        Throwable cause = unwrap(error);
        if (cause instanceof TimeoutException
            || cause instanceof java.net.http.HttpTimeoutException) {
          LOG.warn("mac={} API {} did not answer within {} ms, ignoring the machine",
              mac, uri, timeout.toMillis());
        } else {
          LOG.warn("mac={} API {} failed after {} ms: {}, ignoring the machine",
              mac, uri, millis, cause.toString());
        }
        return BootDecision.ignore();
      }
      return decision(mac, uri, response, millis);
    });
  }

  private BootDecision decision(String mac, URI uri, HttpResponse<byte[]> response, long millis) {
    if (response.statusCode() != 200) {
      LOG.info("mac={} API {} answered {} in {} ms, ignoring the machine",
          mac, uri, response.statusCode(), millis);
      return BootDecision.ignore();
    }
    try {
      BootDecision decision = urls.decision(ApiBootSpec.parse(response.body()));
      LOG.info("mac={} API {} answered in {} ms: {}", mac, uri, millis, decision);
      return decision;
    } catch (ApiResponseException e) {
      LOG.warn("mac={} API {} sent a malformed answer ({}), ignoring the machine",
          mac, uri, e.getMessage());
      return BootDecision.ignore();
    }
  }

  private void logOverload(String mac) {
    int suppressed = overloadsSinceLog.incrementAndGet();
    long now = System.nanoTime();
    long next = nextOverloadLog.get();
    if (now - next >= 0 && nextOverloadLog.compareAndSet(next, now + OVERLOAD_LOG_INTERVAL_NANOS)) {
      overloadsSinceLog.addAndGet(-suppressed);
      LOG.warn("mac={} {} API requests already in flight, ignoring the machine"
          + " ({} machines ignored for this since the last warning)",
          mac, maxConcurrent, suppressed);
    }
  }

  private static Throwable unwrap(Throwable error) {
    Throwable cause = error;
    while ((cause instanceof java.util.concurrent.CompletionException
        || cause instanceof java.util.concurrent.ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  /** Go's {@code net.HardwareAddr.String()}: lower-case hex bytes separated by colons. */
  static String macText(byte[] hardwareAddress) {
    return HexFormat.ofDelimiter(":").formatHex(hardwareAddress);
  }

  @Override
  public String toString() {
    return "PixiecoreApiPolicy(" + apiBase + ")";
  }

  /** Configures a {@link PixiecoreApiPolicy}. */
  public static final class Builder {
    private final URI apiBase;
    private Duration timeout = DEFAULT_TIMEOUT;
    private int maxConcurrent = DEFAULT_MAX_CONCURRENT;
    private Duration cacheTtl = DEFAULT_CACHE_TTL;
    private @Nullable Function<URI, String> fileMapper;
    private @Nullable HttpClient httpClient;
    private final Map<String, String> headers = new LinkedHashMap<>();

    private Builder(URI apiBase) {
      String scheme = apiBase.getScheme();
      if (!apiBase.isAbsolute() || apiBase.getHost() == null || scheme == null
          || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
        throw new IllegalArgumentException(
            "apiBase: " + apiBase + " (expected: an absolute http or https URL)");
      }
      this.apiBase = apiBase;
    }

    /**
     * Sets how long one API request may take, connecting included; a machine whose request
     * takes longer is ignored. Default {@link #DEFAULT_TIMEOUT}.
     *
     * @param timeout a positive duration
     * @return this builder
     */
    public Builder timeout(Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout: " + timeout + " (expected: > 0)");
      }
      this.timeout = timeout;
      return this;
    }

    /**
     * Sets how many API requests may be in flight; a machine that would need one more is ignored
     * at once. Default {@link #DEFAULT_MAX_CONCURRENT}.
     *
     * @param maxConcurrent at least 1
     * @return this builder
     */
    public Builder maxConcurrent(int maxConcurrent) {
      if (maxConcurrent < 1) {
        throw new IllegalArgumentException("maxConcurrent: " + maxConcurrent + " (expected: >= 1)");
      }
      this.maxConcurrent = maxConcurrent;
      return this;
    }

    /**
     * Sets how long an answer (including "ignore") is reused for the same MAC; zero asks the API
     * every time. Default {@link #DEFAULT_CACHE_TTL}.
     *
     * @param cacheTtl zero or more
     * @return this builder
     */
    public Builder cacheTtl(Duration cacheTtl) {
      if (cacheTtl.isNegative()) {
        throw new IllegalArgumentException("cacheTtl: " + cacheTtl + " (expected: >= 0)");
      }
      this.cacheTtl = cacheTtl;
      return this;
    }

    /**
     * Sets what turns a {@code file://} URL from the API into what the booting machine fetches,
     * typically by registering the file in the server's HTTP catalog and returning its path.
     * Without one, an answer with a {@code file://} URL ignores the machine. An exception from
     * the mapper ignores the machine too.
     *
     * @param fileMapper the mapper, called on an HTTP client thread; must not block long
     * @return this builder
     */
    public Builder fileMapper(Function<URI, String> fileMapper) {
      this.fileMapper = Objects.requireNonNull(fileMapper, "fileMapper");
      return this;
    }

    /**
     * Sets the HTTP client, e.g. for TLS settings or a proxy. Default: an HTTP/1.1 client with
     * the timeout as connect timeout, following redirects except from https to http.
     *
     * @param httpClient the client
     * @return this builder
     */
    public Builder httpClient(HttpClient httpClient) {
      this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
      return this;
    }

    /**
     * Adds a header to every API request, e.g. {@code Authorization} for an API that wants
     * credentials.
     *
     * @param name the header name
     * @param value the value
     * @return this builder
     */
    public Builder header(String name, String value) {
      try {
        // The JDK refuses some headers (Host, Connection, Content-Length...) only when a request
        // is built: check now, so that decide() cannot fail on them later.
        HttpRequest.newBuilder(URI.create("http://localhost/")).header(name, value);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("header: " + name + " (expected: a valid header"
            + " name and value the JDK HTTP client may set: " + e.getMessage() + ")", e);
      }
      headers.put(name, value);
      return this;
    }

    /** Returns the policy. */
    public PixiecoreApiPolicy build() {
      return new PixiecoreApiPolicy(this);
    }
  }
}
