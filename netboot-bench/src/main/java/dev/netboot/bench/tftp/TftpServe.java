package dev.netboot.bench.tftp;

import dev.netboot.tftp.TftpServerSettings;
import dev.netboot.tftp.TftpTransferResult;
import dev.netboot.tftp.files.DirectoryFileSource;
import dev.netboot.tftp.udp.TftpServer;
import dev.netboot.tftp.udp.TftpTransferEvent;
import dev.netboot.tftp.udp.TftpTransferListener;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;

/**
 * Our server as the throughput benchmark runs it: configured as {@code netboot tftp ROOT
 * --address IP --port N --max-blksize N --max-windowsize N} configures it (a read-only
 * {@link DirectoryFileSource}, default retransmission settings and limits), but printing per
 * transfer the retransmission count that the CLI's line leaves out, so that the script can
 * explain a slow point.
 *
 * <pre>
 *   TftpServe ADDRESS PORT ROOT MAX_BLKSIZE MAX_WINDOWSIZE
 * </pre>
 *
 * <p>Prints {@code LISTENING host:port}, then one line per ended transfer:
 * {@code TRANSFER outcome file bytes millis retransmissions blksize windowsize}. Serves until
 * the process is stopped (SIGTERM closes the server).
 */
public final class TftpServe {
  private TftpServe() {}

  /**
   * Serves until the process is stopped.
   *
   * @param args ADDRESS PORT ROOT MAX_BLKSIZE MAX_WINDOWSIZE
   * @throws Exception if the server cannot start
   */
  public static void main(String[] args) throws Exception {
    if (args.length != 5) {
      System.err.println("usage: TftpServe ADDRESS PORT ROOT MAX_BLKSIZE MAX_WINDOWSIZE");
      System.exit(2);
    }
    TftpServerSettings settings = TftpServerSettings.builder()
        .maxBlksize(Integer.parseInt(args[3]))
        .maxWindowsize(Integer.parseInt(args[4]))
        .build();
    DirectoryFileSource files = DirectoryFileSource.builder(Path.of(args[2])).build();
    try (TftpServer server = TftpServer.builder(files)
        .bind(InetAddress.getByName(args[0]), Integer.parseInt(args[1]))
        .settings(settings)
        .listener(new Lines(System.out))
        .build()
        .start()) {
      System.out.println("LISTENING " + server.boundAddress());
      System.out.flush();
      CountDownLatch stopped = new CountDownLatch(1);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        server.close();
        stopped.countDown();
      }, "tftp-serve-stop"));
      stopped.await();
    }
  }

  /** Prints one line per ended transfer; the listener runs off the I/O threads. */
  private static final class Lines implements TftpTransferListener {
    private final PrintStream out;

    Lines(PrintStream out) {
      this.out = out;
    }

    @Override
    public void transferCompleted(TftpTransferEvent event) {
      print(event);
    }

    @Override
    public void transferFailed(TftpTransferEvent event) {
      print(event);
    }

    private void print(TftpTransferEvent event) {
      TftpTransferResult r = Objects.requireNonNull(event.result(), "an ended transfer's result");
      out.println(String.format(Locale.ROOT, "TRANSFER %s %s %d %.1f %d %d %d", r.outcome(),
          r.filename(), r.bytesTransferred(), r.durationNanos() / 1e6, r.retransmissions(),
          r.options().blksize(), r.options().windowsize()));
      out.flush();
    }
  }
}
