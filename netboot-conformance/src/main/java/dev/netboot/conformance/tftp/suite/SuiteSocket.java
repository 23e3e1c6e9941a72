package dev.netboot.conformance.tftp.suite;

import dev.netboot.tftp.TftpPacket;
import dev.netboot.tftp.TftpPacketDecoder;
import dev.netboot.tftp.TftpPacketEncoder;
import dev.netboot.tftp.TftpParseException;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The suite's client socket, driven packet by packet so that a check can misbehave on purpose
 * (skip an ACK, send it twice, answer from another port).
 */
final class SuiteSocket implements AutoCloseable {
  /** Larger than any TFTP packet, so a too-long one is seen whole and reported. */
  private static final int BUFFER = 65_536;

  /**
   * A packet and where and when it came.
   *
   * @param packet the decoded packet
   * @param from the sender
   * @param nanos {@link System#nanoTime()} at receipt
   */
  record Received(TftpPacket packet, InetSocketAddress from, long nanos) {}

  private final DatagramSocket socket;
  private final byte[] buffer = new byte[BUFFER];
  private String malformed = "";

  SuiteSocket() throws IOException {
    socket = new DatagramSocket(0);
  }

  int port() {
    return socket.getLocalPort();
  }

  void send(TftpPacket packet, InetSocketAddress to) throws IOException {
    byte[] bytes = TftpPacketEncoder.toBytes(packet);
    socket.send(new DatagramPacket(bytes, bytes.length, to));
  }

  /**
   * Returns the next well-formed packet, or null when none comes within {@code timeout}. A
   * malformed one is remembered for the failure message ({@link #malformed()}) and skipped: it
   * may be a straggler of an earlier transfer, and a server that sends one in place of the
   * right answer fails the check by the missing answer anyway.
   */
  @Nullable Received receive(Duration timeout) throws IOException {
    long end = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = Math.max(1, (end - System.nanoTime()) / 1_000_000);
      DatagramPacket p = new DatagramPacket(buffer, buffer.length);
      socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, left));
      try {
        socket.receive(p);
      } catch (SocketTimeoutException e) {
        return null;
      }
      long now = System.nanoTime();
      byte[] bytes = Arrays.copyOf(p.getData(), p.getLength());
      InetSocketAddress from = (InetSocketAddress) p.getSocketAddress();
      try {
        return new Received(TftpPacketDecoder.decode(bytes), from, now);
      } catch (TftpParseException e) {
        malformed = "a malformed packet of " + bytes.length + " bytes from " + from + ": "
            + e.getMessage();
        if (now - end >= 0) {
          return null;
        }
      }
    }
  }

  /** Returns a description of the last malformed packet received, or an empty string. */
  String malformed() {
    return malformed;
  }

  /** Returns the next packet; fails the check when none comes within {@code timeout}. */
  Received expect(Duration timeout, String expected) throws IOException, CheckFailed {
    Received r = receive(timeout);
    if (r == null) {
      throw new CheckFailed("no answer within " + timeout.toMillis() + " ms (expected: "
          + expected + ")" + (malformed.isEmpty() ? "" : "; got " + malformed));
    }
    return r;
  }

  @Override
  public void close() {
    socket.close();
  }
}
