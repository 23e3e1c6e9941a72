package dev.netboot.server.internal;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.Locale;

/** Turns the JDK's terse bind failures into messages that say what to do. */
public final class BindErrors {
  /** Ports below this need privileges on Linux and most Unixes. */
  public static final int FIRST_UNPRIVILEGED_PORT = 1024;

  private BindErrors() {}

  /**
   * Explains why binding {@code address} for {@code service} failed.
   *
   * @param service e.g. {@code DHCP}, named in the message
   * @param option the command-line option that changes the port, e.g. {@code --dhcp-port}
   * @param address what was being bound
   * @param cause the failure
   * @return an exception with a message a person can act on, {@code cause} attached
   */
  public static IOException explain(
      String service, String option, InetSocketAddress address, Throwable cause) {
    String text = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
    int port = address.getPort();
    String where = address.getAddress().getHostAddress() + ":" + port;
    String message;
    if (text.contains("permission denied") || text.contains("access denied")) {
      message = port > 0 && port < FIRST_UNPRIVILEGED_PORT
          ? service + ": port " + port + " needs root (or CAP_NET_BIND_SERVICE); use " + option
              + " with a port above 1023 for a test"
          : service + ": not allowed to bind " + where + " (" + cause.getMessage() + ")";
    } else if (text.contains("cannot assign requested address")) {
      message = service + ": address " + address.getAddress().getHostAddress()
          + " is not on this host; pick one of its addresses";
    } else if (text.contains("address already in use")) {
      message = service + ": " + where + " is already in use by another program (another DHCP"
          + " or TFTP server?); stop it or use " + option;
    } else if (cause instanceof BindException || cause instanceof IOException) {
      message = service + ": cannot bind " + where + ": " + cause.getMessage();
    } else {
      message = service + ": cannot bind " + where + ": " + cause;
    }
    return new IOException(message, cause);
  }
}
