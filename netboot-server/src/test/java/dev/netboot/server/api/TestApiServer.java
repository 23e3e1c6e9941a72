package dev.netboot.server.api;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A Pixiecore API server written from README.api.md, on 127.0.0.1: it answers
 * {@code GET /api/v1/boot/<mac>} with what a test registered for that MAC (404 otherwise) and
 * records every request. Each connection has its own thread, so a slow answer for one MAC does not
 * hold up another.
 *
 * <p>A plain HTTP/1.1 server over a {@link ServerSocket}, one request per connection: the JDK's
 * {@code com.sun.net.httpserver} lives in module {@code jdk.httpserver}, which this module's test
 * compilation (patched into {@code dev.netboot.server}) does not read.
 */
final class TestApiServer implements AutoCloseable {
  /** What the server does for one MAC. */
  @FunctionalInterface
  interface Answer {
    void respond(Exchange exchange) throws IOException, InterruptedException;
  }

  /** One request as the server saw it. */
  record Request(String method, String path, Map<String, List<String>> headers, int bodyBytes) {}

  /** The response side of one request. */
  static final class Exchange {
    private final OutputStream out;

    Exchange(OutputStream out) {
      this.out = out;
    }

    /** Sends the status line and headers; {@code contentLength} -1 ends the body at close. */
    OutputStream start(int status, long contentLength) throws IOException {
      StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(" Status\r\n")
          .append("Content-Type: application/json\r\nConnection: close\r\n");
      if (contentLength >= 0) {
        head.append("Content-Length: ").append(contentLength).append("\r\n");
      }
      out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
      return out;
    }
  }

  private final ServerSocket server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final Map<String, Answer> answers = new ConcurrentHashMap<>();
  final List<Request> requests = new CopyOnWriteArrayList<>();

  TestApiServer() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    executor.execute(this::acceptLoop);
  }

  /** Returns the API prefix to give Pixiecore: {@code http://127.0.0.1:<port>/api}. */
  URI base() {
    return URI.create(origin() + "/api");
  }

  /** Returns {@code http://127.0.0.1:<port>}. */
  String origin() {
    return "http://127.0.0.1:" + server.getLocalPort();
  }

  void answer(String mac, Answer answer) {
    answers.put(mac, answer);
  }

  void json(String mac, String json) {
    answer(mac, exchange -> send(exchange, 200, json));
  }

  static void send(Exchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.start(status, bytes.length).write(bytes);
  }

  long count(String mac) {
    return requests.stream().filter(r -> r.path().equals("/api/v1/boot/" + mac)).count();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        executor.execute(() -> handle(socket));
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void handle(Socket socket) {
    try (socket) {
      socket.setSoTimeout(20_000);
      BufferedReader in = new BufferedReader(
          new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
      String[] requestLine = in.readLine().split(" ");
      Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
        int colon = line.indexOf(':');
        headers.computeIfAbsent(line.substring(0, colon).trim(), k -> new ArrayList<>())
            .add(line.substring(colon + 1).trim());
      }
      int bodyBytes = 0;
      List<String> length = headers.get("Content-Length");
      if (length != null) {
        bodyBytes = Integer.parseInt(length.get(0));
        in.skip(bodyBytes);
      }
      String path = URI.create(requestLine[1]).getRawPath();
      requests.add(new Request(requestLine[0], path, headers, bodyBytes));
      String prefix = "/api/v1/boot/";
      Answer answer = path.startsWith(prefix) ? answers.get(path.substring(prefix.length())) : null;
      Exchange exchange = new Exchange(socket.getOutputStream());
      if (answer == null) {
        send(exchange, 404, "");
      } else {
        answer.respond(exchange);
      }
      socket.getOutputStream().flush();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (SocketException e) {
      // The client went away (timeout, body too large): nothing to answer.
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
