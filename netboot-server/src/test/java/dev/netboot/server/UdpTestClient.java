package dev.netboot.server;

import dev.netboot.dhcp.DhcpMessage;
import dev.netboot.dhcp.DhcpMessageDecoder;
import dev.netboot.dhcp.DhcpMessageEncoder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

/** A DHCP client socket on loopback: sends requests to the server and reads its answers. */
final class UdpTestClient implements AutoCloseable {
  /** The committed captures of real clients (netboot-dhcp's test resources). */
  static final Path CAPTURES = Path.of(System.getProperty("netboot.captures.dir",
      Path.of("..", "netboot-dhcp", "src", "test", "resources", "dhcp", "captures").toString()));

  private final DatagramSocket socket;

  UdpTestClient() throws IOException {
    socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
  }

  static DhcpMessage capture(String client, String file) {
    try {
      String hex = Files.readString(CAPTURES.resolve(client).resolve(file)).trim();
      return DhcpMessageDecoder.decode(HexFormat.of().parseHex(hex));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  InetSocketAddress address() {
    return (InetSocketAddress) socket.getLocalSocketAddress();
  }

  void send(DhcpMessage message, int port) throws IOException {
    sendRaw(DhcpMessageEncoder.toBytes(message), port);
  }

  void sendRaw(byte[] bytes, int port) throws IOException {
    socket.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), port));
  }

  /** Returns the next answer, or empty if none comes within {@code timeout}. */
  Optional<DhcpMessage> receive(Duration timeout) throws IOException {
    socket.setSoTimeout((int) timeout.toMillis());
    byte[] buf = new byte[2048];
    DatagramPacket p = new DatagramPacket(buf, buf.length);
    try {
      socket.receive(p);
    } catch (SocketTimeoutException e) {
      return Optional.empty();
    }
    byte[] data = java.util.Arrays.copyOf(buf, p.getLength());
    return Optional.of(DhcpMessageDecoder.decode(data));
  }

  @Override
  public void close() {
    socket.close();
  }
}
