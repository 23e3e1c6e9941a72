package dev.netboot.conformance.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import org.jspecify.annotations.Nullable;

/**
 * A plain RFC 1350 download (no options, 512-byte blocks) from socket 0 of a pair, with a hook
 * called on each new block before it is acknowledged; socket 1 is the stranger the hook sends
 * from, and whatever the server answers the stranger is recorded.
 */
final class LockStep {
  private static final int BLOCK = 512;
  private static final int ATTEMPTS = 5;

  private final UdpBatch pair;
  private final InetSocketAddress server;
  private final String filename;
  private final ByteArrayOutputStream received = new ByteArrayOutputStream();
  int strangerAnswers;
  @Nullable String strangerViolation;

  LockStep(UdpBatch pair, InetSocketAddress server, @Nullable String filename) {
    this.pair = pair;
    this.server = server;
    this.filename = filename == null ? "" : filename;
  }

  /** Called on each new DATA block, with the transfer's address, before it is ACKed. */
  interface BlockHook {
    void onBlock(int block, InetSocketAddress tid) throws IOException;
  }

  byte[] bytes() {
    return received.toByteArray();
  }

  /**
   * Runs the download; returns why it failed, or null once the last block is in.
   *
   * @param waitNanos how long to wait for each block before sending the last packet again
   */
  @Nullable String run(long waitNanos, BlockHook hook) throws IOException {
    byte[] rrq = TftpWire.request(TftpWire.RRQ, filename, "octet");
    byte[][] last = {rrq};
    InetSocketAddress[] tid = {null};
    int[] expected = {1};
    boolean[] done = {false};
    String[] failure = {null};
    UdpBatch.Sink sink = new UdpBatch.Sink() {
      @Override
      public void received(int index, byte[] bytes, InetSocketAddress from) throws IOException {
        if (index == 1) {
          strangerAnswers++;
          if (TftpWire.opcode(bytes) != TftpWire.ERROR || TftpWire.block(bytes) != 5) {
            strangerViolation = "the stranger got " + TftpWire.describe(bytes)
                + " (expected: ERROR 5 or nothing)";
          }
          return;
        }
        if (tid[0] == null) {
          tid[0] = from;
        } else if (!tid[0].equals(from)) {
          return;
        }
        int op = TftpWire.opcode(bytes);
        if (op == TftpWire.ERROR) {
          failure[0] = "the transfer ended with " + TftpWire.describe(bytes);
          done[0] = true;
          return;
        }
        if (op != TftpWire.DATA) {
          failure[0] = "the server sent " + TftpWire.describe(bytes);
          done[0] = true;
          return;
        }
        int block = TftpWire.block(bytes);
        if (block != (expected[0] & 0xffff)) {
          return; // a duplicate: the ACK below is sent again on the timeout
        }
        received.write(bytes, 4, bytes.length - 4);
        hook.onBlock(expected[0], from);
        last[0] = TftpWire.ack(block);
        pair.send(0, last[0], from);
        expected[0]++;
        if (bytes.length - 4 < BLOCK) {
          done[0] = true;
        }
      }

      @Override
      public boolean done() {
        return done[0];
      }
    };
    pair.send(0, rrq, server);
    int attempts = 0;
    int progress = 0;
    while (!done[0]) {
      pair.receiveUntil(System.nanoTime() + waitNanos, sink);
      if (done[0]) {
        break;
      }
      if (expected[0] == progress) {
        if (++attempts >= ATTEMPTS) {
          return "no DATA " + expected[0] + " after " + ATTEMPTS + " tries";
        }
      } else {
        progress = expected[0];
        attempts = 0;
      }
      pair.send(0, last[0], tid[0] == null ? server : tid[0]);
    }
    // Let the stranger's last answer arrive before the sockets close.
    pair.receiveUntil(System.nanoTime() + waitNanos / 4, (i, b, f) -> {
      if (i == 1) {
        sink.received(i, b, f);
      }
    });
    return failure[0];
  }

  @Override
  public String toString() {
    return "lock-step download of " + filename;
  }
}
