package dev.netboot.bench.tftp;

import dev.netboot.tftp.TftpTransferResult;
import dev.netboot.tftp.udp.TftpClient;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Our client as a benchmark client: downloads one file several times in one JVM (the first
 * download also warms the JIT up) and prints each download's throughput, measured from the
 * request to the last ACK, as the transfer result reports it.
 *
 * <pre>
 *   TftpGet HOST PORT REMOTE LOCAL BLKSIZE WINDOWSIZE RUNS
 * </pre>
 *
 * <p>Asks for {@code blksize} and {@code windowsize} (a window size of 1 is still asked for, as
 * atftp does). Prints {@code RUN mbPerSecond millis bytes retransmissions} per download;
 * exits 1 with the error on stderr when a download fails.
 */
public final class TftpGet {
  private TftpGet() {}

  /**
   * Runs the downloads.
   *
   * @param args HOST PORT REMOTE LOCAL BLKSIZE WINDOWSIZE RUNS
   * @throws Exception if a download fails
   */
  public static void main(String[] args) throws Exception {
    if (args.length != 7) {
      System.err.println("usage: TftpGet HOST PORT REMOTE LOCAL BLKSIZE WINDOWSIZE RUNS");
      System.exit(2);
    }
    InetSocketAddress server =
        new InetSocketAddress(InetAddress.getByName(args[0]), Integer.parseInt(args[1]));
    Map<String, String> options = new LinkedHashMap<>();
    options.put("blksize", args[4]);
    options.put("windowsize", args[5]);
    int runs = Integer.parseInt(args[6]);
    try (TftpClient client = TftpClient.create()) {
      for (int i = 0; i < runs; i++) {
        TftpTransferResult r = client.get(server, args[2], options, Path.of(args[3]));
        System.out.println(String.format(Locale.ROOT, "RUN %.2f %.1f %d %d",
            r.bytesTransferred() * 1e3 / r.durationNanos(), r.durationNanos() / 1e6,
            r.bytesTransferred(), r.retransmissions()));
        System.out.flush();
      }
    }
  }
}
