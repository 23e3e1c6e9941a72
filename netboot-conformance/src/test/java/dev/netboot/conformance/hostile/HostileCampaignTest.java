package dev.netboot.conformance.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The campaign against deliberately bad servers on loopback: each rule must catch the server
 * that breaks it (a campaign that cannot fail proves nothing).
 */
class HostileCampaignTest {
  private static final byte[] SECRET = "secret-bytes-0123456789".getBytes(StandardCharsets.US_ASCII);

  @Test
  void onlyLoopbackServersAreAttacked() throws Exception {
    assertThatThrownBy(() -> HostileCampaign.builder(
        (Inet4Address) InetAddress.getByName("192.0.2.1")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("loopback");
    HostileCampaign.Builder b = HostileCampaign.builder(loopback());
    assertThatThrownBy(() -> b.cases(0)).hasMessageContaining("expected: 1-");
    assertThatThrownBy(() -> b.sources(java.util.List.of(
        (Inet4Address) InetAddress.getByName("192.0.2.2")))).hasMessageContaining("loopback");
    assertThatThrownBy(() -> b.httpFile("no-slash", new byte[1]))
        .hasMessageContaining("starts with /");
    assertThatThrownBy(() -> b.outsideRoot("a/b", SECRET)).hasMessageContaining("plain file");
  }

  @Test
  void floodSourcesAndOtherSourcesAreSetApart() throws Exception {
    Inet4Address a = (Inet4Address) InetAddress.getByName("127.1.0.1");
    Inet4Address b = (Inet4Address) InetAddress.getByName("127.1.0.2");
    HostileCampaign c = HostileCampaign.builder(loopback()).sources(java.util.List.of(a))
        .floodSources(java.util.List.of(b)).build();

    assertThat(c.sources).containsExactly(a);
    assertThat(c.floodSources).containsExactly(b);
  }

  @Test
  void aDhcpServerThatAnswersEverythingTwiceAndLargeIsCaught() throws Exception {
    // Echoes every datagram of 8 bytes or more twice, padded to 4 KiB: an answer to what must
    // be ignored, a second answer, and amplification.
    try (FakeServer server = new FakeServer(request -> request.length < 8 ? null
        : Arrays.copyOf(request, 4096))) {
      HostileReport report = HostileCampaign.builder(loopback()).dhcpPort(server.port())
          .cases(10).window(Duration.ofMillis(200)).seed(1).build().run();

      HostileReport.Row bootReply = row(report, "dhcp", "BOOTREPLY");
      assertThat(bootReply.cases()).isEqualTo(10);
      assertThat(bootReply.answered()).isEqualTo(10);
      assertThat(bootReply.examples()).anyMatch(v -> v.contains("answered more than once"))
          .anyMatch(v -> v.contains("answered with"))
          .anyMatch(v -> v.contains("4096-byte answer"));
      assertThat(report.passed()).isFalse();
      assertThat(report.toText()).contains("FAIL dhcp").contains("seed 1");
      assertThat(report.toMarkdown()).contains("| dhcp | BOOTREPLY | no answer | 10 | 10 |");
    }
  }

  @Test
  void aSilentDhcpServerPassesEveryRule() throws Exception {
    try (FakeServer server = new FakeServer(request -> null)) {
      HostileReport report = HostileCampaign.builder(loopback()).dhcpPort(server.port())
          .bootServerPort(server.port()).cases(5).window(Duration.ofMillis(100)).build().run();

      assertThat(report.passed()).as(report.toText()).isTrue();
      assertThat(report.rows()).hasSize(24).allSatisfy(r -> assertThat(r.answered()).isZero());
      assertThat(report.cases()).isEqualTo(2 * (11 * 5 + 1));
    }
  }

  @Test
  void aTftpServerThatSendsLargeDataAndTheSecretIsCaught() throws Exception {
    // Answers every datagram at once with a 1,400-byte DATA 1 that holds the secret.
    byte[] data = new byte[1404];
    data[1] = 3;
    data[3] = 1;
    System.arraycopy(SECRET, 0, data, 100, SECRET.length);
    try (FakeServer server = new FakeServer(request -> data)) {
      HostileReport report = HostileCampaign.builder(loopback()).tftpPort(server.port())
          .outsideRoot("secret.txt", SECRET).cases(5).window(Duration.ofMillis(200))
          .tftpGiveUp(Duration.ofSeconds(1)).build().run();

      HostileReport.Row traversal = row(report, "tftp", "path traversal");
      assertThat(traversal.violations()).isGreaterThanOrEqualTo(2L * traversal.cases());
      assertThat(traversal.examples()).anyMatch(v -> v.contains("proved nothing"))
          .anyMatch(v -> v.contains("outside the root"))
          .anyMatch(v -> v.contains("answered DATA 1"));
      assertThat(row(report, "tftp", "RRQ flood, never acknowledged").violations()).isPositive();
    }
  }

  private static HostileReport.Row row(HostileReport report, String listener, String category) {
    return report.rows().stream()
        .filter(r -> r.listener().equals(listener) && r.category().equals(category))
        .findFirst().orElseThrow(() -> new AssertionError(report.toText()));
  }

  private static Inet4Address loopback() throws Exception {
    return (Inet4Address) InetAddress.getByName("127.0.0.1");
  }

  /** A UDP server on loopback that answers each datagram from the sender's port with a rule. */
  private static final class FakeServer implements AutoCloseable {
    private final DatagramSocket socket;
    private final Thread thread;

    FakeServer(Function<byte[], byte @Nullable []> answer) throws SocketException {
      socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
      thread = new Thread(() -> {
        byte[] buf = new byte[65_535];
        while (!socket.isClosed()) {
          try {
            DatagramPacket in = new DatagramPacket(buf, buf.length);
            socket.receive(in);
            byte[] reply = answer.apply(Arrays.copyOf(in.getData(), in.getLength()));
            if (reply != null) {
              for (int i = 0; i < 2; i++) {
                socket.send(new DatagramPacket(reply, reply.length, in.getSocketAddress()));
              }
            }
          } catch (java.io.IOException e) {
            return;
          }
        }
      }, "fake-server");
      thread.setDaemon(true);
      thread.start();
    }

    int port() {
      return socket.getLocalPort();
    }

    @Override
    public void close() throws InterruptedException {
      socket.close();
      thread.join(5_000);
    }
  }
}
