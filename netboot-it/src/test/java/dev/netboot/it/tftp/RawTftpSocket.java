package dev.netboot.it.tftp;

import dev.netboot.tftp.TftpPacket;
import dev.netboot.tftp.TftpPacketDecoder;
import dev.netboot.tftp.TftpPacketEncoder;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.Arrays;

/**
 * A UDP socket driven packet by packet, to play firmware whose exact packet sequence matters
 * (OVMF's tsize probe, pxelinux's config search) against the server.
 */
final class RawTftpSocket implements AutoCloseable {
  /** A packet and where it came from. */
  record Received(TftpPacket packet, InetSocketAddress from) {}

  private final DatagramSocket socket;

  RawTftpSocket() throws IOException {
    socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
  }

  void send(TftpPacket packet, InetSocketAddress to) throws IOException {
    byte[] bytes = TftpPacketEncoder.toBytes(packet);
    socket.send(new DatagramPacket(bytes, bytes.length, to));
  }

  /** Returns the next packet, or null if none comes within {@code timeoutMillis}. */
  Received receive(int timeoutMillis) throws IOException {
    byte[] buf = new byte[70_000];
    DatagramPacket p = new DatagramPacket(buf, buf.length);
    socket.setSoTimeout(timeoutMillis);
    try {
      socket.receive(p);
    } catch (SocketTimeoutException e) {
      return null;
    }
    byte[] bytes = Arrays.copyOf(p.getData(), p.getLength());
    return new Received(TftpPacketDecoder.decode(bytes), (InetSocketAddress) p.getSocketAddress());
  }

  /** Returns the next packet; fails if none comes within {@code timeoutMillis}. */
  Received expect(int timeoutMillis) throws IOException {
    Received r = receive(timeoutMillis);
    if (r == null) {
      throw new AssertionError("no packet within " + timeoutMillis + " ms");
    }
    return r;
  }

  @Override
  public void close() {
    socket.close();
  }
}
