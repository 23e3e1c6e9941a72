package dev.netboot.server.internal;

import dev.netboot.pxe.PxeServerSettings;
import java.net.Inet4Address;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The PXE settings per server address: every answer and script names the server by the address
 * the client reached it on, so that a multi-homed server sends each segment its own address.
 */
public final class SettingsByAddress {
  /** Distinct addresses cached at most; a host has few, the bound only guards against misuse. */
  public static final int MAX_ADDRESSES = 1024;

  private final PxeServerSettings template;
  private final int httpPort;
  private final ConcurrentMap<Inet4Address, PxeServerSettings> cache = new ConcurrentHashMap<>();

  /**
   * Creates the cache.
   *
   * @param template the user's settings; when they name an HTTP base URL (a server behind NAT or
   *     a proxy) it is kept as is
   * @param httpPort the HTTP server's bound port
   */
  public SettingsByAddress(PxeServerSettings template, int httpPort) {
    this.template = template;
    this.httpPort = httpPort;
  }

  /** Returns the settings for answers sent as {@code serverAddress}. */
  public PxeServerSettings forAddress(Inet4Address serverAddress) {
    PxeServerSettings s = cache.get(serverAddress);
    if (s != null) {
      return s;
    }
    s = template.httpBaseUrl().isPresent()
        ? template
        : template.toBuilder().httpBaseUrl(baseUrl(serverAddress, httpPort)).build();
    if (cache.size() < MAX_ADDRESSES) {
      cache.put(serverAddress, s);
    }
    return s;
  }

  /** Returns {@code http://<address>:<port>}. */
  public static String baseUrl(Inet4Address address, int port) {
    return "http://" + address.getHostAddress() + ":" + port;
  }
}
