package dev.netboot.server.simulation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * A GET-only HTTP/1.1 server on a loopback port, one connection at a time and closed after each
 * answer: enough for the simulation's tests, without jdk.httpserver (not readable by the module
 * under test).
 */
final class TinyHttpServer implements AutoCloseable {
  private final ServerSocket socket;

  /** @param content the body for a request URI, or {@code null} for 404 */
  TinyHttpServer(InetAddress address, Function<URI, byte[]> content) throws IOException {
    socket = new ServerSocket();
    socket.bind(new InetSocketAddress(address, 0));
    Thread t = new Thread(() -> {
      while (!socket.isClosed()) {
        try (Socket c = socket.accept()) {
          answer(c, content);
        } catch (IOException | RuntimeException e) {
          // closed, or a client gone: next
        }
      }
    }, "tiny-http");
    t.setDaemon(true);
    t.start();
  }

  int port() {
    return socket.getLocalPort();
  }

  private static void answer(Socket c, Function<URI, byte[]> content) throws IOException {
    BufferedReader in = new BufferedReader(
        new InputStreamReader(c.getInputStream(), StandardCharsets.ISO_8859_1));
    String requestLine = in.readLine();
    for (String header = in.readLine(); header != null && !header.isEmpty();
        header = in.readLine()) {
      // headers are not needed
    }
    byte[] body = requestLine == null ? null
        : content.apply(URI.create(requestLine.split(" ")[1]));
    OutputStream out = c.getOutputStream();
    String head = body == null
        ? "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
        : "HTTP/1.1 200 OK\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
    out.write(head.getBytes(StandardCharsets.ISO_8859_1));
    if (body != null) {
      out.write(body);
    }
    out.flush();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
