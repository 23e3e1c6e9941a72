package dev.netboot.server.dhcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Both transports deliver datagrams with the local address and send replies from their socket. */
class EpollDhcpTransportTest {
  @Test
  void epollSocketOnLoopbackNamesTheInterfaceAndItsAddress() throws Exception {
    assumeTrue(EpollDhcpTransport.isAvailable(), "epoll needs Linux");
    try (EpollDhcpTransport transport =
        new EpollDhcpTransport(List.of("lo"), 0, "DHCP", "--dhcp-port")) {
      echo(transport, "lo");
    }
  }

  @Test
  void nioSocketOnAnAddressNamesThatAddress() throws Exception {
    try (NioDhcpTransport transport = new NioDhcpTransport(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), "DHCP", "--dhcp-port")) {
      echo(transport, null);
    }
  }

  @Test
  void unknownInterfaceIsNamedInTheError() {
    assumeTrue(EpollDhcpTransport.isAvailable(), "epoll needs Linux");
    EpollDhcpTransport transport =
        new EpollDhcpTransport(List.of("nosuch0"), 0, "DHCP", "--dhcp-port");
    assertThatThrownBy(() -> transport.start((d, r) -> { }))
        .isInstanceOf(IOException.class).hasMessageContaining("nosuch0");
    assertThat(transport.boundAddresses()).isEmpty();
  }

  private static void echo(DhcpTransport transport, String interfaceName) throws Exception {
    BlockingQueue<DhcpDatagram> seen = new ArrayBlockingQueue<>(4);
    transport.start((datagram, replies) -> {
      seen.add(new DhcpDatagram(Unpooled.copiedBuffer(datagram.payload()), datagram.sender(),
          datagram.localAddress(), datagram.interfaceName()));
      // Replies may be sent later from another thread.
      new Thread(() -> replies.send(
          Unpooled.copiedBuffer("pong", StandardCharsets.US_ASCII), datagram.sender())).start();
    });
    int port = transport.boundAddresses().get(0).getPort();
    try (DatagramSocket client = new DatagramSocket(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
      byte[] ping = "ping".getBytes(StandardCharsets.US_ASCII);
      client.send(new DatagramPacket(ping, ping.length, InetAddress.getLoopbackAddress(), port));
      DhcpDatagram d = seen.poll(5, TimeUnit.SECONDS);
      assertThat(d).isNotNull();
      assertThat(ByteBufUtil.getBytes(d.payload())).isEqualTo(ping);
      assertThat(d.localAddress()).isEqualTo(InetAddress.getByName("127.0.0.1"));
      assertThat(d.interfaceName()).isEqualTo(interfaceName);
      client.setSoTimeout(5000);
      DatagramPacket reply = new DatagramPacket(new byte[16], 16);
      client.receive(reply);
      assertThat(new String(reply.getData(), 0, reply.getLength(), StandardCharsets.US_ASCII))
          .isEqualTo("pong");
      d.payload().release();
    }
  }
}
