package dev.netboot.tftp.udp;

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
import org.jspecify.annotations.Nullable;

/**
 * A hand-driven UDP socket that speaks TFTP packet by packet: to test what the transport does
 * with strangers, repeats, garbage and silence, which no well-behaved client produces.
 */
final class RawPeer implements AutoCloseable {
  /** A packet and where it came from. */
  record Received(TftpPacket packet, InetSocketAddress from) {}

  private final DatagramSocket socket;

  RawPeer() throws IOException {
    this(InetAddress.getLoopbackAddress());
  }

  RawPeer(InetAddress local) throws IOException {
    socket = new DatagramSocket(new InetSocketAddress(local, 0));
  }

  InetSocketAddress address() {
    return (InetSocketAddress) socket.getLocalSocketAddress();
  }

  void send(TftpPacket packet, InetSocketAddress to) throws IOException {
    sendBytes(TftpPacketEncoder.toBytes(packet), to);
  }

  void sendBytes(byte[] bytes, InetSocketAddress to) throws IOException {
    socket.send(new DatagramPacket(bytes, bytes.length, to));
  }

  /** Returns the next packet, or null if none comes within {@code timeoutMillis}. */
  @Nullable Received receive(int timeoutMillis) throws IOException {
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
      throw new AssertionError("no packet within " + timeoutMillis + " ms on " + address());
    }
    return r;
  }

  @Override
  public void close() {
    socket.close();
  }
}
