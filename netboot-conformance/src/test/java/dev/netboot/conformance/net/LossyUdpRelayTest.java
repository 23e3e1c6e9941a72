package dev.netboot.conformance.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The relay follows the server's new ports and applies its faults, bounded and seeded. */
class LossyUdpRelayTest {
  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

  @Test
  void aPerfectLinkFollowsTheServersNewPortBothWays() throws Exception {
    try (DatagramSocket listener = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0));
        DatagramSocket transfer = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0));
        DatagramSocket client = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0));
        LossyUdpRelay relay = LossyUdpRelay.start(
            (InetSocketAddress) listener.getLocalSocketAddress(), LinkFaults.NONE)) {
      listener.setSoTimeout(2_000);
      transfer.setSoTimeout(2_000);
      client.setSoTimeout(2_000);
      send(client, "request", relay.address());
      DatagramPacket request = receive(listener);
      assertThat(text(request)).isEqualTo("request");
      // The server answers from another port, as TFTP does: the client sees a new port too.
      send(transfer, "data", request.getSocketAddress());
      DatagramPacket data = receive(client);
      assertThat(text(data)).isEqualTo("data");
      assertThat(data.getPort()).isNotEqualTo(relay.address().getPort());
      send(client, "ack", data.getSocketAddress());
      DatagramPacket ack = receive(transfer);
      assertThat(text(ack)).isEqualTo("ack");
      assertThat(ack.getSocketAddress()).isEqualTo(request.getSocketAddress());
      assertThat(relay.counters().received()).isEqualTo(3);
      assertThat(relay.counters().dropped()).isZero();
    }
  }

  @Test
  void faultsAreAppliedAndCounted() throws Exception {
    LinkFaults faults = LinkFaults.builder().drop(0.3).duplicate(0.3).reorder(0.2)
        .delay(Duration.ZERO, Duration.ofMillis(3)).seed(11).build();
    try (DatagramSocket server = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0));
        DatagramSocket client = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0));
        LossyUdpRelay relay = LossyUdpRelay.start(
            (InetSocketAddress) server.getLocalSocketAddress(), faults)) {
      server.setSoTimeout(500);
      int sent = 200;
      for (int i = 0; i < sent; i++) {
        send(client, Integer.toString(i), relay.address());
      }
      Set<String> distinct = new HashSet<>();
      int copies = 0;
      int outOfOrder = 0;
      int last = -1;
      while (true) {
        DatagramPacket p;
        try {
          p = receive(server);
        } catch (SocketTimeoutException e) {
          break;
        }
        int n = Integer.parseInt(text(p));
        outOfOrder += n < last ? 1 : 0;
        last = n;
        distinct.add(text(p));
        copies++;
      }
      LossyUdpRelay.Counters c = relay.counters();
      assertThat(c.received()).isEqualTo(sent);
      assertThat(c.dropped()).isBetween(30L, 90L);
      assertThat(distinct).hasSize((int) (sent - c.dropped()));
      // Drops are decided first, so each duplicate decision delivers exactly one extra copy.
      assertThat(copies).isEqualTo(distinct.size() + (int) c.duplicated());
      assertThat(c.duplicated()).isPositive();
      assertThat(outOfOrder).isPositive();
      assertThat(relay.toString()).contains("seed=11");
    }
  }

  @Test
  void faultsRefuseImpossibleValues() {
    assertThatThrownBy(() -> LinkFaults.builder().drop(1.5))
        .hasMessageContaining("expected: 0.0 to 1.0");
    assertThatThrownBy(() -> LinkFaults.builder().delay(Duration.ofMillis(5), Duration.ZERO))
        .hasMessageContaining("expected: 0 <= min <= max");
    LinkFaults f = LinkFaults.builder().drop(0.1).seed(3).build();
    assertThat(f.toBuilder().build()).isEqualTo(f).hasSameHashCodeAs(f);
  }

  private static void send(DatagramSocket s, String text, java.net.SocketAddress to)
      throws Exception {
    byte[] b = text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    s.send(new DatagramPacket(b, b.length, to));
  }

  private static DatagramPacket receive(DatagramSocket s) throws Exception {
    DatagramPacket p = new DatagramPacket(new byte[1500], 1500);
    s.receive(p);
    return p;
  }

  private static String text(DatagramPacket p) {
    return new String(p.getData(), 0, p.getLength(), java.nio.charset.StandardCharsets.US_ASCII);
  }
}
