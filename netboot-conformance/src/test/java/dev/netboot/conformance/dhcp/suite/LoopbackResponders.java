package dev.netboot.conformance.dhcp.suite;

import dev.netboot.dhcp.DhcpMessage;
import dev.netboot.dhcp.DhcpMessageDecoder;
import dev.netboot.dhcp.DhcpMessageEncoder;
import dev.netboot.dhcp.DhcpOptionType;
import dev.netboot.dhcp.DhcpParseException;
import dev.netboot.pxe.BootDecision;
import dev.netboot.pxe.BootPolicies;
import dev.netboot.pxe.BootServerResponder;
import dev.netboot.pxe.ChainloadMemory;
import dev.netboot.pxe.ProxyDhcpResponder;
import dev.netboot.pxe.PxeServerSettings;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * netboot-pxe's pure responders on two loopback UDP sockets, standing in for a server: each
 * request is decoded, answered (or not) and the reply sent back to the request's source, as a
 * ProxyDHCP on loopback does. A hook may rewrite what port 67 sends, to make a faulty server.
 */
final class LoopbackResponders implements AutoCloseable {
  static final Inet4Address LOOPBACK = (Inet4Address) InetAddress.getLoopbackAddress();
  private static final int MAX_DATAGRAM = 65_507;

  private final DatagramSocket dhcp;
  private final DatagramSocket bootServer;
  private final Thread dhcpThread;
  private final Thread bootServerThread;

  /** What port 67 sends for a request, given what the real responder would send. */
  @FunctionalInterface
  interface Fault extends BiFunction<DhcpMessage, Optional<DhcpMessage>, List<DhcpMessage>> {}

  LoopbackResponders(Fault fault) throws SocketException {
    PxeServerSettings settings =
        PxeServerSettings.builder().httpBaseUrl("http://127.0.0.1:8080").build();
    var policy = BootPolicies.always(BootDecision.linux("vmlinuz", List.of("initrd"), "quiet"));
    ChainloadMemory memory = ChainloadMemory.create();
    ProxyDhcpResponder proxy = new ProxyDhcpResponder(policy, settings, memory);
    BootServerResponder boot = new BootServerResponder(policy, settings, memory);
    dhcp = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0));
    bootServer = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0));
    dhcpThread = serve(dhcp, request ->
        fault.apply(request, proxy.answer(request, LOOPBACK, Instant.now())));
    bootServerThread = serve(bootServer, request ->
        boot.answer(request, LOOPBACK, Instant.now()).stream().toList());
  }

  /** The real responders, unchanged. */
  static LoopbackResponders conforming() throws SocketException {
    return new LoopbackResponders((request, reply) -> reply.stream().toList());
  }

  int dhcpPort() {
    return dhcp.getLocalPort();
  }

  int bootServerPort() {
    return bootServer.getLocalPort();
  }

  private static Thread serve(DatagramSocket socket,
      java.util.function.Function<DhcpMessage, List<DhcpMessage>> answer) {
    Thread t = new Thread(() -> {
      byte[] buffer = new byte[MAX_DATAGRAM];
      while (!socket.isClosed()) {
        DatagramPacket in = new DatagramPacket(buffer, buffer.length);
        try {
          socket.receive(in);
          DhcpMessage request;
          try {
            request = DhcpMessageDecoder.decode(
                java.util.Arrays.copyOf(in.getData(), in.getLength()));
          } catch (DhcpParseException e) {
            continue;
          }
          int max = request.options().get(DhcpOptionType.MAXIMUM_MESSAGE_SIZE)
              .orElse(DhcpMessageEncoder.MIN_MAX_MESSAGE_SIZE);
          for (DhcpMessage reply : answer.apply(request)) {
            byte[] out = DhcpMessageEncoder.toBytes(reply, max);
            socket.send(new DatagramPacket(out, out.length, in.getSocketAddress()));
          }
        } catch (IOException | RuntimeException e) {
          // Closed by the test, or one bad request: keep serving until closed.
        }
      }
    }, "loopback-responder-" + socket.getLocalPort());
    t.setDaemon(true);
    t.start();
    return t;
  }

  @Override
  public void close() throws InterruptedException {
    dhcp.close();
    bootServer.close();
    dhcpThread.join(2000);
    bootServerThread.join(2000);
  }
}
