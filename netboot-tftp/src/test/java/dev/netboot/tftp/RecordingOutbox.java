package dev.netboot.tftp;

import java.util.ArrayList;
import java.util.List;

/** An outbox that keeps a copy of every packet, as a transport that encodes at once would. */
final class RecordingOutbox implements TftpOutbox {
  final List<TftpPacket> sent = new ArrayList<>();

  @Override
  public void send(TftpPacket packet) {
    sent.add(TftpPacketDecoder.decode(TftpPacketEncoder.toBytes(packet)));
  }

  /** Returns and forgets what was sent. */
  List<TftpPacket> take() {
    List<TftpPacket> copy = new ArrayList<>(sent);
    sent.clear();
    return copy;
  }

  /** Runs deadlines until the transfer finishes, at most {@code maxSteps} times. */
  static int runDeadlines(TftpTransfer t, RecordingOutbox out, int maxSteps) {
    int steps = 0;
    while (!t.isFinished() && t.deadlineNanos() != Long.MAX_VALUE) {
      if (++steps > maxSteps) {
        throw new AssertionError("not finished after " + maxSteps + " deadlines");
      }
      t.onDeadline(t.deadlineNanos(), out);
    }
    return steps;
  }
}
