package dev.netboot.server.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** A minimal HTTP/1.1 client over a raw socket, for requests no ordinary client would send. */
final class RawHttp implements AutoCloseable {
  /** One response. */
  record Response(int status, Map<String, String> headers, byte[] body) {
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private final Socket socket;
  private final InputStream in;

  RawHttp(InetSocketAddress server) throws IOException {
    socket = new Socket();
    socket.connect(server, 5000);
    socket.setSoTimeout(10_000);
    in = socket.getInputStream();
  }

  Socket socket() {
    return socket;
  }

  void send(String raw) throws IOException {
    socket.getOutputStream().write(raw.getBytes(StandardCharsets.ISO_8859_1));
    socket.getOutputStream().flush();
  }

  /** Sends a GET (or other method) of {@code target} with extra header lines. */
  Response request(String method, String target, String... headerLines) throws IOException {
    StringBuilder sb = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: test\r\n");
    for (String line : headerLines) {
      sb.append(line).append("\r\n");
    }
    send(sb.append("\r\n").toString());
    return read(method.equals("HEAD"));
  }

  /** Reads one response; the body is read by Content-Length, or to EOF without one. */
  Response read(boolean head) throws IOException {
    String statusLine = line();
    if (statusLine == null) {
      throw new IOException("connection closed before a response");
    }
    int status = Integer.parseInt(statusLine.split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (String line = line(); line != null && !line.isEmpty(); line = line()) {
      int colon = line.indexOf(':');
      headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
          line.substring(colon + 1).trim());
    }
    byte[] body;
    String length = headers.get("content-length");
    if (head || status == 304) {
      body = new byte[0];
    } else if (length != null) {
      body = in.readNBytes(Integer.parseInt(length));
    } else {
      body = in.readAllBytes();
    }
    return new Response(status, headers, body);
  }

  /** Returns whether the server closes the connection (EOF or reset) within 5 s. */
  boolean closedByServer() {
    return closedWithin(Duration.ofSeconds(5));
  }

  /** Returns whether the server closes the connection (EOF or reset) within {@code timeout}. */
  boolean closedWithin(Duration timeout) {
    try {
      socket.setSoTimeout((int) timeout.toMillis());
    } catch (IOException e) {
      return true;
    }
    try {
      return in.read() < 0;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true; // reset
    } finally {
      try {
        socket.setSoTimeout(10_000);
      } catch (IOException e) {
        // closed meanwhile: nothing to restore
      }
    }
  }

  private String line() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) >= 0) {
      if (b == '\n') {
        String s = out.toString(StandardCharsets.ISO_8859_1);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
      }
      out.write(b);
    }
    return out.size() == 0 ? null : out.toString(StandardCharsets.ISO_8859_1);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
