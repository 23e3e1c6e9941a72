package dev.netboot.conformance.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP categories: traversal in every spelling, malformed requests, Range abuse, and slow
 * clients that trickle a request head one byte a second.
 */
final class HttpHostility {
  /** Slow clients held open at once. */
  static final int SLOW_CLIENTS = 64;
  /** A response larger than this is not read further: nothing here should be that large. */
  private static final int MAX_RESPONSE = 16 << 20;
  private static final Pattern STATUS = Pattern.compile("^HTTP/1\\.[01] (\\d{3})");
  private static final Pattern CONTENT_RANGE =
      Pattern.compile("(?im)^content-range: *bytes (\\d+)-(\\d+)/(\\d+)\\s*$");

  private final HostileCampaign c;
  private final InetSocketAddress to;

  HttpHostility(HostileCampaign campaign) {
    this.c = campaign;
    this.to = new InetSocketAddress(campaign.server, campaign.httpPort);
  }

  List<HostileReport.Row> run() throws IOException {
    List<HostileReport.Row> rows = new ArrayList<>();
    rows.add(traversal());
    rows.add(malformed());
    if (c.httpPath != null) {
      rows.add(ranges());
    }
    return rows;
  }

  private HostileReport.Row traversal() throws IOException {
    HostileReport.Tally tally = new HostileReport.Tally("http", "path traversal",
        "4xx, never a byte from outside the roots");
    String s = c.secretName != null ? c.secretName : "netboot-secret";
    String known = c.httpPath != null ? c.httpPath : "/";
    List<String> targets = new ArrayList<>(List.of("/../" + s, "/../../" + s, "/%2e%2e/" + s,
        "/%2E%2E/" + s, "/%2e%2e%2f" + s, "/..%2f" + s, "/..%2F..%2F" + s, "/%252e%252e/" + s,
        "/..\\" + s, "/%5c..%5c" + s, "/..%5c" + s, "/%c0%ae%c0%ae/" + s, "/%e0%80%ae%e0%80%ae/"
        + s, "/.%00./" + s, "/%00/../" + s, "/" + s + "%00", "//etc/passwd", "/etc/passwd",
        "/proc/self/environ", "/dev/zero", "/./../" + s, "/....//" + s, "/..;/" + s,
        "http://127.0.0.1/../" + s, "*", "/.", "/..", "/%2e", "/~/../" + s,
        known + "/../../" + s, known + "%2f..%2f..%2f" + s, known + "/..", known + "%00",
        known + "/%2e%2e/%2e%2e/" + s, "/f/../../" + s, "/" + s));
    for (String target : targets) {
      for (String method : new String[] {"GET", "HEAD"}) {
        tally.sent();
        Response r = exchange((method + " " + target + " HTTP/1.1\r\nHost: netboot\r\n"
            + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        if (r.status() != 0) {
          tally.answered();
        }
        if (c.leaks(r.raw())) {
          tally.violation(method + " " + target + ": the response holds the file outside the"
              + " roots");
        } else if (r.status() < 400 || r.status() > 499) {
          tally.violation(method + " " + target + ": " + r.describe() + " (expected: 4xx)");
        }
      }
    }
    return tally.row();
  }

  private HostileReport.Row malformed() throws IOException {
    HostileReport.Tally tally = new HostileReport.Tally("http", "malformed requests",
        "an error status or a closed connection, never 2xx");
    String path = c.httpPath != null ? c.httpPath : "/";
    List<String> requests = new ArrayList<>(List.of(
        "GET /\r\n\r\n",
        "FOO " + path + " HTTP/1.1\r\nHost: x\r\n\r\n",
        "CONNECT 127.0.0.1:22 HTTP/1.1\r\nHost: x\r\n\r\n",
        "GET " + path + " HTTP/9.9\r\nHost: x\r\n\r\n",
        "GET " + path + "\r\n",
        "GET /" + "a".repeat(16 * 1024) + " HTTP/1.1\r\nHost: x\r\n\r\n",
        "GET " + path + " HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(32 * 1024) + "\r\n\r\n",
        "GET " + path + " HTTP/1.1\r\n" + "X-H: 1\r\n".repeat(4000) + "\r\n",
        "POST " + path + " HTTP/1.1\r\nHost: x\r\nContent-Length: 100000000000\r\n\r\nabc",
        "POST " + path + " HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n",
        "POST " + path + " HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n",
        "POST " + path + " HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nContent-Length: 5\r\n"
            + "\r\nabcde",
        "POST " + path + " HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "fffffffffffffff\r\nx\r\n",
        "PUT /netboot-upload HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello",
        "DELETE " + path + " HTTP/1.1\r\nHost: x\r\n\r\n",
        "GET " + path + " HTTP/1.1\r\nHost: x\r\nBad Header Line\r\n\r\n",
        "GET " + path + " HTTP/1.1\r\nHost: x\r\nX: a\0b\r\n\r\n",
        "\r\n\r\n\r\n",
        "GET\r\n\r\n",
        "GET  HTTP/1.1\r\n\r\n",
        "G\u00c9T " + path + " HTTP/1.1\r\nHost: x\r\n\r\n",
        "GET " + path + "?" + "q=1&".repeat(2000) + " HTTP/1.1\r\nHost: x\r\n\r\n",
        "GET " + path + "#frag HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\n"
            + "Content-Length: 10\r\n\r\n"));
    java.util.SplittableRandom random = new java.util.SplittableRandom(c.seed ^ 80);
    for (int i = 0; i < c.cases / 4; i++) {
      byte[] junk = new byte[1 + random.nextInt(2048)];
      random.nextBytes(junk);
      requests.add(new String(junk, StandardCharsets.ISO_8859_1));
    }
    for (String request : requests) {
      tally.sent();
      Response r = exchange(request.getBytes(StandardCharsets.ISO_8859_1));
      if (r.status() != 0) {
        tally.answered();
      }
      if (r.status() >= 200 && r.status() < 300 || r.stalled()) {
        tally.violation(HostileCampaign.ascii(request.getBytes(StandardCharsets.ISO_8859_1), 48)
            + ": " + r.describe());
      } else if (c.leaks(r.raw())) {
        tally.violation(HostileCampaign.ascii(request.getBytes(StandardCharsets.ISO_8859_1), 48)
            + ": the response holds the file outside the roots");
      }
    }
    return tally.row();
  }

  private HostileReport.Row ranges() throws IOException {
    HostileReport.Tally tally = new HostileReport.Tally("http", "Range abuse",
        "200 with the whole file, 206 with exactly the range, or 416; never more than the file");
    long size = c.httpBytes.length;
    StringBuilder many = new StringBuilder("bytes=");
    for (int i = 0; i < 1000; i++) {
      many.append(i == 0 ? "" : ",").append(i % 7).append('-').append(i % 7);
    }
    List<String> ranges = new ArrayList<>(List.of(many.toString(), "bytes=-0", "bytes=0--1",
        "bytes=99999999999999999999-", "bytes=5-1", "bytes= 0-1", "bytes=0-1,0-1",
        "items=0-1", "bytes=-99999999999", "bytes=", "bytes=1-2-3", "bytes=0-0,-1",
        "bytes=" + size + "-", "bytes=" + (size - 1) + "-" + (size + 1000), "bytes=0-",
        "bytes=-1", "bytes=0-" + Long.MAX_VALUE, "bytes=" + Long.MAX_VALUE + "-",
        "bytes=0-1, 3-4", "BYTES=0-1", "bytes=\u00b9-2", "bytes=0x10-0x20",
        "bytes=" + "9".repeat(5000) + "-"));
    for (String range : ranges) {
      tally.sent();
      Response r = exchange(("GET " + c.httpPath + " HTTP/1.1\r\nHost: netboot\r\nRange: "
          + range + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      if (r.status() != 0) {
        tally.answered();
      }
      String what = "Range: " + (range.length() > 40 ? range.substring(0, 40) + "..." : range);
      byte[] body = r.body();
      switch (r.status()) {
        case 200 -> {
          if (!java.util.Arrays.equals(body, c.httpBytes)) {
            tally.violation(what + ": 200 with " + body.length + " bytes of a " + size
                + "-byte file");
          }
        }
        case 206 -> {
          Matcher m = CONTENT_RANGE.matcher(r.head());
          if (!m.find()) {
            tally.violation(what + ": 206 without a single Content-Range");
            break;
          }
          long first = Long.parseLong(m.group(1));
          long last = Long.parseLong(m.group(2));
          if (first > last || last >= size || Long.parseLong(m.group(3)) != size
              || body.length != last - first + 1 || !java.util.Arrays.equals(body,
                  java.util.Arrays.copyOfRange(c.httpBytes, (int) first, (int) last + 1))) {
            tally.violation(what + ": 206 " + m.group() + " with " + body.length + " bytes");
          }
        }
        case 416 -> {
          if (body.length > 1024) {
            tally.violation(what + ": 416 with a " + body.length + "-byte body");
          }
        }
        default -> tally.violation(what + ": " + r.describe());
      }
    }
    return tally.row();
  }

  /** Sends a request, half-closes, and reads the response to the end or the head timeout. */
  private Response exchange(byte[] request) throws IOException {
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(c.sources.get(0), 0));
      socket.connect(to, 5_000);
      socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, c.httpHeadTimeout.toMillis() + 5_000));
      try {
        socket.getOutputStream().write(request);
        socket.getOutputStream().flush();
        // Half-close: a server keeps a keep-alive connection for its idle timeout otherwise.
        socket.shutdownOutput();
      } catch (IOException e) {
        // The server may close early on a request it refused; read what it answered.
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try {
        InputStream in = socket.getInputStream();
        byte[] buf = new byte[16 * 1024];
        int n;
        while (out.size() < MAX_RESPONSE && (n = in.read(buf)) >= 0) {
          out.write(buf, 0, n);
        }
      } catch (SocketTimeoutException e) {
        return new Response(out.toByteArray(), true);
      } catch (IOException e) {
        // a reset after the response: the response is what counts
      }
      return new Response(out.toByteArray(), false);
    }
  }

  /** A response read whole; {@code stalled} when the server neither finished nor closed. */
  private record Response(byte[] raw, boolean stalled) {
    int status() {
      Matcher m = STATUS.matcher(new String(raw, 0, Math.min(raw.length, 16),
          StandardCharsets.ISO_8859_1));
      return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    int split() {
      int at = HostileCampaign.indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      return at < 0 ? raw.length : at + 4;
    }

    String head() {
      return new String(raw, 0, split(), StandardCharsets.ISO_8859_1);
    }

    byte[] body() {
      return java.util.Arrays.copyOfRange(raw, split(), raw.length);
    }

    String describe() {
      if (raw.length == 0) {
        return stalled ? "no answer, connection held open" : "closed without an answer";
      }
      int status = status();
      return status == 0 ? raw.length + " bytes that are not an HTTP response"
          : "status " + status + (stalled ? ", then held open" : "");
    }
  }

  /** Starts the slow clients; they trickle until {@link SlowClients#finish()}. */
  SlowClients startSlowClients() throws IOException {
    return new SlowClients();
  }

  /** Connections that send a request head one byte a second and must be closed by the server. */
  final class SlowClients {
    private final List<SocketChannel> channels = new ArrayList<>();
    private final boolean[] closed = new boolean[SLOW_CLIENTS];
    private final long started = System.nanoTime();
    private final Thread trickler;
    private final byte[] head;
    private final HostileReport.Tally tally = new HostileReport.Tally("http",
        "slow clients (slowloris)", "each closed within the request head timeout");

    private SlowClients() throws IOException {
      head = ("GET " + (c.httpPath != null ? c.httpPath : "/") + " HTTP/1.1\r\nHost: netboot\r\n"
          + "X-Slow: " + "s".repeat(4096)).getBytes(StandardCharsets.ISO_8859_1);
      try {
        for (int i = 0; i < SLOW_CLIENTS; i++) {
          SocketChannel ch = SocketChannel.open();
          channels.add(ch);
          ch.bind(new InetSocketAddress(c.sources.get(i % c.sources.size()), 0));
          ch.connect(to);
          ch.configureBlocking(false);
          tally.sent();
        }
      } catch (IOException | RuntimeException e) {
        closeAll();
        throw e;
      }
      trickler = new Thread(this::trickle, "hostile-http-slow-clients");
      trickler.setDaemon(true);
      trickler.start();
    }

    private void trickle() {
      long limit = started + c.httpHeadTimeout.toNanos() + 5_000_000_000L;
      ByteBuffer one = ByteBuffer.allocate(1);
      ByteBuffer sink = ByteBuffer.allocate(4096);
      for (int second = 0; System.nanoTime() < limit && !allClosed(); second++) {
        for (int i = 0; i < channels.size(); i++) {
          if (closed[i]) {
            continue;
          }
          SocketChannel ch = channels.get(i);
          try {
            sink.clear();
            int read = ch.read(sink);
            if (read < 0) {
              markClosed(i);
              continue;
            }
            one.clear();
            one.put(head[second % head.length]).flip();
            ch.write(one);
          } catch (IOException e) {
            markClosed(i);
          }
        }
        try {
          Thread.sleep(1_000);
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    private synchronized boolean allClosed() {
      for (boolean b : closed) {
        if (!b) {
          return false;
        }
      }
      return true;
    }

    private synchronized void markClosed(int i) {
      if (!closed[i]) {
        closed[i] = true;
        long after = System.nanoTime() - started;
        tally.answered();
        if (after > c.httpHeadTimeout.toNanos() + 3_000_000_000L) {
          tally.violation(String.format(Locale.ROOT, "slow client %d closed only after %d ms", i,
              after / 1_000_000));
        }
      }
    }

    /** Waits until every client was closed or the timeout and a margin passed; returns the row. */
    HostileReport.Row finish() throws InterruptedException {
      trickler.join(c.httpHeadTimeout.toMillis() + 10_000);
      trickler.interrupt();
      trickler.join(2_000);
      synchronized (this) {
        for (int i = 0; i < closed.length; i++) {
          if (!closed[i]) {
            tally.violation("slow client " + i + " still open after "
                + (System.nanoTime() - started) / 1_000_000 + " ms");
          }
        }
      }
      closeAll();
      return tally.row();
    }

    private void closeAll() {
      for (SocketChannel ch : channels) {
        try {
          ch.close();
        } catch (IOException e) {
          // nothing to do: the campaign is over for this connection
        }
      }
    }
  }
}
