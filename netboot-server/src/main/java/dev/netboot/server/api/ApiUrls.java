package dev.netboot.server.api;

import dev.netboot.pxe.BootDecision;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Turns an API answer into a boot decision, mapping each URL the way the booting machine will
 * fetch it: Pixiecore's {@code makeURLAbsolute} (a URL without a scheme resolves against
 * {@code <api>/v1}, so {@code /kernel} is at the API host's root), then http and https as they
 * are, {@code file://} through the file mapper, other schemes refused.
 */
final class ApiUrls {
  private final URI urlPrefix;
  private final @Nullable Function<URI, String> fileMapper;

  /**
   * Creates the mapping.
   *
   * @param urlPrefix {@code <api>/v1}, what relative URLs resolve against
   * @param fileMapper what serves {@code file://} URLs, or {@code null} to refuse them
   */
  ApiUrls(URI urlPrefix, @Nullable Function<URI, String> fileMapper) {
    this.urlPrefix = urlPrefix;
    this.fileMapper = fileMapper;
  }

  /**
   * Turns a parsed answer into a decision.
   *
   * @param spec the answer
   * @return {@link BootDecision#ipxeScript} for an {@code ipxe-script} answer, else
   *     {@link BootDecision#linux} with mapped URLs and the expanded command line
   * @throws ApiResponseException if a URL does not parse or cannot be served, or the command
   *     line is outside the supported template subset
   */
  BootDecision decision(ApiBootSpec spec) throws ApiResponseException {
    if (!spec.ipxeScript().isEmpty()) {
      return BootDecision.ipxeScript(spec.ipxeScript());
    }
    String kernel = map(spec.kernel());
    List<String> initrds = new ArrayList<>();
    for (String initrd : spec.initrds()) {
      initrds.add(map(initrd));
    }
    String cmdline = CmdlineTemplate.expand(spec.cmdline(), this::map);
    return BootDecision.linux(kernel, initrds, cmdline);
  }

  /**
   * Maps one URL from the API.
   *
   * @param url the URL as sent
   * @return what the booting machine fetches
   * @throws ApiResponseException if the URL does not parse (RFC 3986, as {@link URI} reads it)
   *     or cannot be served
   */
  String map(String url) throws ApiResponseException {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new ApiResponseException("not a URL: " + url, e);
    }
    if (!uri.isAbsolute()) {
      uri = urlPrefix.resolve(uri);
    }
    String scheme = Objects.requireNonNull(uri.getScheme()).toLowerCase(Locale.ROOT);
    switch (scheme) {
      case "http":
      case "https":
        return uri.toString();
      case "file":
        Function<URI, String> mapper = fileMapper;
        if (mapper == null) {
          throw new ApiResponseException("no file mapper configured for " + url);
        }
        try {
          return mapper.apply(uri);
        } catch (RuntimeException e) {
          throw new ApiResponseException("cannot serve " + url + ": " + e.getMessage(), e);
        }
      default:
        throw new ApiResponseException(
            "unsupported URL scheme in " + url + " (expected: http, https or file)");
    }
  }
}
