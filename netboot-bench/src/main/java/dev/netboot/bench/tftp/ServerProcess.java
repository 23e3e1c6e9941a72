package dev.netboot.bench.tftp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The child JVM that runs {@link ConcurrentServer}: started with a heap cap and a GC log, talked
 * to over its stdin and stdout, and destroyed (this process only, by its handle) on close.
 */
final class ServerProcess implements AutoCloseable {
  private static final long EXIT_SECONDS = 10;

  private final Process process;
  private final BufferedReader out;
  private final OutputStream in;
  private final int port;

  /** What the server counted, from its STATS line. */
  record Stats(int completed, int failed, long retransmissions, int maxActive,
      long sampledPeakBytes, long poolPeakBytes) {}

  static ServerProcess start(Path work, Path root, String heap) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(List.of(java, "-Xmx" + heap, "-Xms" + heap,
            "-Xlog:gc:file=" + work.resolve("gc.log"), "-cp", System.getProperty("java.class.path"),
            ConcurrentServer.class.getName(), root.toString()))
        .redirectError(work.resolve("server.err").toFile())
        .start();
    BufferedReader reader = new BufferedReader(
        new InputStreamReader(p.getInputStream(), StandardCharsets.US_ASCII));
    String line = reader.readLine();
    if (line == null || !line.startsWith("LISTENING ")) {
      p.destroyForcibly();
      throw new IOException("server did not start (see " + work.resolve("server.err") + "): "
          + line);
    }
    return new ServerProcess(p, Integer.parseInt(line.substring(10).trim()), reader);
  }

  private ServerProcess(Process process, int port, BufferedReader reader) {
    this.process = process;
    this.out = reader;
    this.in = process.getOutputStream();
    this.port = port;
  }

  int port() {
    return port;
  }

  /**
   * Waits until {@code running} transfers run in the server (20 s at most), runs a full GC there
   * and returns {used bytes after it, transfers running}.
   */
  long[] liveHeap(int running) throws IOException {
    in.write(("GC " + running + "\n").getBytes(StandardCharsets.US_ASCII));
    in.flush();
    String[] f = expect("LIVE ");
    return new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])};
  }

  /** Ends the server and returns its counts. */
  Stats stop() throws IOException {
    in.close();
    String[] f = expect("STATS ");
    return new Stats(Integer.parseInt(f[1]), Integer.parseInt(f[2]), Long.parseLong(f[3]),
        Integer.parseInt(f[4]), Long.parseLong(f[5]), Long.parseLong(f[6]));
  }

  private String[] expect(String prefix) throws IOException {
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      if (line.startsWith(prefix)) {
        return line.split(" ");
      }
    }
    throw new IOException("server exited before printing " + prefix.trim());
  }

  @Override
  public void close() throws InterruptedException {
    try {
      in.close();
    } catch (IOException e) {
      // Already gone: nothing to ask it.
    }
    if (!process.waitFor(EXIT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
