package dev.netboot.tftp.udp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Records a server's transfer events for tests; methods are safe from any thread. */
final class RecordingListener implements TftpTransferListener {
  final BlockingQueue<TftpTransferEvent> started = new LinkedBlockingQueue<>();
  final BlockingQueue<TftpTransferEvent> ended = new LinkedBlockingQueue<>();
  /** Each progress report: {bytes, expected bytes}. */
  final BlockingQueue<long[]> progress = new LinkedBlockingQueue<>();

  @Override
  public void transferProgress(TftpTransferEvent event, long bytes, long expectedBytes) {
    progress.add(new long[] {bytes, expectedBytes});
  }

  @Override
  public void transferStarted(TftpTransferEvent event) {
    started.add(event);
  }

  @Override
  public void transferCompleted(TftpTransferEvent event) {
    ended.add(event);
  }

  @Override
  public void transferFailed(TftpTransferEvent event) {
    ended.add(event);
  }

  /** Returns the next ended transfer, waiting up to {@code timeout}; fails if none comes. */
  TftpTransferEvent nextEnded(Duration timeout) throws InterruptedException {
    TftpTransferEvent e = ended.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (e == null) {
      throw new AssertionError("no transfer ended within " + timeout);
    }
    return e;
  }

  /** Returns the events ended so far. */
  List<TftpTransferEvent> endedSoFar() {
    List<TftpTransferEvent> all = new ArrayList<>();
    ended.drainTo(all);
    return all;
  }
}
