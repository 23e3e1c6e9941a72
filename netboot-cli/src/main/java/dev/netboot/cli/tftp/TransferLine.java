package dev.netboot.cli.tftp;

import dev.netboot.cli.ProgressLine;
import dev.netboot.tftp.TftpOptions;
import dev.netboot.tftp.TftpTransferResult;
import dev.netboot.tftp.udp.TftpTransferEvent;
import java.util.Locale;

/**
 * The line {@code netboot tftp} prints for each ended transfer: what, who, how much, how long
 * and how fast, for example {@code read pxelinux.0 to 10.0.0.5:2070: 42000 bytes in 12 ms
 * (3.50 MB/s), blksize 1468, windowsize 4}.
 */
final class TransferLine {
  private TransferLine() {}

  /**
   * Returns the status line of a transfer still running, for example {@code read big.img to
   * 10.0.0.5:2070: 42% of 30.0 MB}.
   */
  static String progress(TftpTransferEvent event, long bytes, long expectedBytes) {
    return head(event).append(ProgressLine.amount(bytes, expectedBytes)).toString();
  }

  private static StringBuilder head(TftpTransferEvent event) {
    boolean read = event.direction() == TftpTransferEvent.Direction.READ;
    return new StringBuilder()
        .append(read ? "read " : "write ").append(event.filename())
        .append(read ? " to " : " from ")
        .append(event.peer().getAddress().getHostAddress()).append(':')
        .append(event.peer().getPort()).append(": ");
  }

  static String of(TftpTransferEvent event) {
    TftpTransferResult result = event.result();
    StringBuilder line = head(event);
    if (result == null) {
      return line.append("started").toString();
    }
    long millis = result.durationNanos() / 1_000_000;
    line.append(result.bytesTransferred()).append(" bytes in ").append(millis).append(" ms");
    if (result.durationNanos() > 0) {
      double megabytesPerSecond = result.bytesTransferred() * 1e3 / result.durationNanos();
      line.append(String.format(Locale.ROOT, " (%.2f MB/s)", megabytesPerSecond));
    }
    TftpOptions options = result.options();
    line.append(", blksize ").append(options.blksize())
        .append(", windowsize ").append(options.windowsize());
    switch (result.outcome()) {
      case COMPLETED -> { }
      case ENDED_AFTER_OPTIONS -> line.append(", size probe only");
      default -> {
        line.append(", failed: ").append(result.outcome());
        if (result.errorCode() != null) {
          line.append(' ').append(result.errorCode());
        }
        if (!result.errorMessage().isEmpty()) {
          line.append(" \"").append(result.errorMessage()).append('"');
        }
      }
    }
    return line.toString();
  }
}
