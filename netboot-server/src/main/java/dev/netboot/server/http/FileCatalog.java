package dev.netboot.server.http;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The files and generated documents an HTTP boot server offers, each under an unguessable URL
 * path {@code /f/<id>/<name>}, where the id holds 128 random bits (as Pixiecore does). Clients
 * reach only what was registered: there is no directory to walk, and a path whose name part
 * differs from the registered name is not found either. Thread-safe.
 *
 * <pre>{@code
 * FileCatalog files = new FileCatalog();
 * String kernel = files.register(Path.of("/srv/boot/vmlinuz"));  // "/f/3q2-7w.../vmlinuz"
 * BootHttpServer http = BootHttpServer.builder(files).bind(address).build().start();
 * }</pre>
 */
public final class FileCatalog implements BootHttpContent {
  /** The first segment of every catalog path. */
  public static final String PREFIX = "/f/";
  /** Random bits in each id. */
  public static final int ID_BITS = 128;
  /** The longest registered name, in UTF-8 bytes. */
  public static final int MAX_NAME_BYTES = 255;

  private static final Base64.Encoder ID_ENCODER = Base64.getUrlEncoder().withoutPadding();

  private final SecureRandom random = new SecureRandom();
  private final Clock clock;
  private final Map<String, Entry> byId = new ConcurrentHashMap<>();
  private final Map<Path, String> fileUrls = new ConcurrentHashMap<>();

  private record Entry(String name, HttpResource resource) {}

  /** Creates an empty catalog; in-memory entries are dated by the system clock. */
  public FileCatalog() {
    this(Clock.systemUTC());
  }

  /**
   * Creates an empty catalog.
   *
   * @param clock dates in-memory entries ({@code Last-Modified})
   */
  public FileCatalog(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Offers a file. Registering the same file again (same absolute, normalised path) returns the
   * same URL path, so that callers that map file names on every boot decision do not grow the
   * catalog. The file is opened only when requested: it may be created or replaced later.
   *
   * @param file a file; its name becomes the last part of the URL
   * @return the URL path, percent-encoded, e.g. {@code /f/<id>/vmlinuz}
   * @throws IllegalArgumentException if {@code file} has no file name
   */
  public String register(Path file) {
    Path key = file.toAbsolutePath().normalize();
    Path fileName = key.getFileName();
    if (fileName == null) {
      throw new IllegalArgumentException(
          "file: " + file + " (expected: a path that names a file, not a root)");
    }
    String name = checkName(fileName.toString());
    return fileUrls.computeIfAbsent(key, k ->
        add(name, new HttpResource.FileResource(k, ContentTypes.forName(name))));
  }

  /**
   * Offers bytes held in memory, such as a generated iPXE script or configuration file. Each
   * call adds a new entry, dated now.
   *
   * @param name the last part of the URL, e.g. {@code boot.ipxe}
   * @param bytes the body (copied)
   * @param contentType the media type, e.g. {@code text/plain; charset=utf-8}
   * @return the URL path, percent-encoded, e.g. {@code /f/<id>/boot.ipxe}
   * @throws IllegalArgumentException if {@code name} is empty, {@code .} or {@code ..}, holds
   *     {@code /}, {@code \} or control characters, or is longer than {@value #MAX_NAME_BYTES}
   *     bytes
   */
  public String register(String name, byte[] bytes, String contentType) {
    checkName(name);
    return add(name, new HttpResource.BytesResource(bytes, contentType, clock.instant()));
  }

  /**
   * Withdraws an entry; clients asking for it get 404 from then on.
   *
   * @param urlPath a path returned by a {@code register} method
   * @return whether there was such an entry
   */
  public boolean remove(String urlPath) {
    Optional<String> id = idOf(urlPath);
    if (id.isEmpty()) {
      return false;
    }
    Entry removed = byId.remove(id.get());
    if (removed != null && removed.resource() instanceof HttpResource.FileResource f) {
      fileUrls.remove(f.file(), urlPath);
    }
    return removed != null;
  }

  /**
   * Returns the number of entries.
   *
   * @return how many entries resolve
   */
  public int size() {
    return byId.size();
  }

  /**
   * Resolves {@code /f/<id>/<name>} to the entry registered under that id and name.
   *
   * @param request the request; only its decoded path is used
   * @return the entry, or empty for any other path
   */
  @Override
  public Optional<HttpResource> resolve(HttpRequestInfo request) {
    String path = request.path();
    if (!path.startsWith(PREFIX)) {
      return Optional.empty();
    }
    int slash = path.indexOf('/', PREFIX.length());
    if (slash < 0) {
      return Optional.empty();
    }
    Entry entry = byId.get(path.substring(PREFIX.length(), slash));
    if (entry == null || !entry.name().equals(path.substring(slash + 1))) {
      return Optional.empty();
    }
    return Optional.of(entry.resource());
  }

  private String add(String name, HttpResource resource) {
    byte[] idBytes = new byte[ID_BITS / 8];
    String id;
    do {
      random.nextBytes(idBytes);
      id = ID_ENCODER.encodeToString(idBytes);
    } while (byId.putIfAbsent(id, new Entry(name, resource)) != null);
    return PREFIX + id + "/" + encode(name);
  }

  private static Optional<String> idOf(String urlPath) {
    if (!urlPath.startsWith(PREFIX)) {
      return Optional.empty();
    }
    int slash = urlPath.indexOf('/', PREFIX.length());
    return slash < 0 ? Optional.empty() : Optional.of(urlPath.substring(PREFIX.length(), slash));
  }

  private static String checkName(String name) {
    boolean bad = name.isEmpty() || name.equals(".") || name.equals("..")
        || name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES
        || name.chars().anyMatch(c -> c == '/' || c == '\\' || c < 0x20 || c == 0x7f);
    if (bad) {
      throw new IllegalArgumentException("name: \"" + name + "\" (expected: 1 to "
          + MAX_NAME_BYTES + " bytes, not . or .., without /, \\ or control characters)");
    }
    return name;
  }

  /** Percent-encodes all but RFC 3986 unreserved characters, so any name is one safe segment. */
  static String encode(String name) {
    StringBuilder out = new StringBuilder(name.length());
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '-' || c == '.' || c == '_' || c == '~') {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return "FileCatalog{entries=" + byId.size() + "}";
  }
}
