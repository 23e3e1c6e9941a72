package dev.netboot.server.simulation;

import dev.netboot.dhcp.DhcpMessage;
import dev.netboot.dhcp.DhcpMessageDecoder;
import dev.netboot.dhcp.DhcpMessageEncoder;
import dev.netboot.dhcp.DhcpMessageType;
import dev.netboot.dhcp.DhcpOp;
import dev.netboot.dhcp.DhcpParseException;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * The machine's DHCP socket: sends a request and waits for the matching reply, resending it a
 * bounded number of times. Firmware sends from UDP 68 and hears broadcasts; a simulated machine
 * sends from its own port on a local address, and the server answers a client whose source
 * address is not 0.0.0.0 back to that address and port (RFC 2131 section 4.1).
 */
final class DhcpExchange implements AutoCloseable {
  private static final int RECEIVE_BUFFER = 65_535;

  private final DatagramSocket socket;
  private final Duration timeout;
  private final int attempts;
  private final byte[] buffer = new byte[RECEIVE_BUFFER];

  DhcpExchange(InetSocketAddress local, Duration timeout, int attempts) throws IOException {
    this.socket = new DatagramSocket(local);
    this.timeout = timeout;
    this.attempts = attempts;
  }

  InetSocketAddress localAddress() {
    return (InetSocketAddress) socket.getLocalSocketAddress();
  }

  /**
   * Sends {@code request} to {@code target} and returns the first reply with its transaction id
   * and hardware address and one of the {@code expected} types; empty once every attempt has
   * waited its timeout. Undecodable and unrelated datagrams are skipped.
   */
  Optional<Reply> exchange(DhcpMessage request, InetSocketAddress target,
      Set<DhcpMessageType> expected) throws IOException {
    byte[] bytes = DhcpMessageEncoder.toBytes(request);
    for (int attempt = 0; attempt < attempts; attempt++) {
      socket.send(new DatagramPacket(bytes, bytes.length, target));
      long deadline = System.nanoTime() + timeout.toNanos();
      long left;
      while ((left = deadline - System.nanoTime()) > 0) {
        socket.setSoTimeout((int) Math.max(1, left / 1_000_000));
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        try {
          socket.receive(packet);
        } catch (SocketTimeoutException e) {
          break;
        }
        Optional<DhcpMessage> reply = decode(packet);
        if (reply.isPresent() && matches(request, reply.get(), expected)) {
          return Optional.of(new Reply(reply.get(),
              (InetSocketAddress) packet.getSocketAddress(), attempt + 1));
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<DhcpMessage> decode(DatagramPacket packet) {
    try {
      return Optional.of(DhcpMessageDecoder.decode(
          Arrays.copyOfRange(packet.getData(), packet.getOffset(),
              packet.getOffset() + packet.getLength())));
    } catch (DhcpParseException e) {
      return Optional.empty();
    }
  }

  private static boolean matches(DhcpMessage request, DhcpMessage reply,
      Set<DhcpMessageType> expected) {
    return reply.op() == DhcpOp.BOOTREPLY
        && reply.transactionId() == request.transactionId()
        && Arrays.equals(reply.hardwareAddress(), request.hardwareAddress())
        && reply.messageType() != null && expected.contains(reply.messageType());
  }

  @Override
  public void close() {
    socket.close();
  }

  /**
   * A reply and where it came from.
   *
   * @param message the reply
   * @param sender its source address and port
   * @param attempts how many times the request was sent
   */
  record Reply(DhcpMessage message, InetSocketAddress sender, int attempts) {}
}
