package dev.netboot.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netboot.dhcp.DhcpMessage;
import dev.netboot.dhcp.DhcpMessageType;
import dev.netboot.dhcp.DhcpOptionType;
import dev.netboot.pxe.BootDecision;
import dev.netboot.pxe.PxeClient;
import dev.netboot.server.NetbootEvent;
import dev.netboot.server.http.HttpRequestInfo;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Which HTTP transfers count as served, and which one ends a boot. */
class TransferEventsTest {
  static final Instant NOW = Instant.parse("2026-11-22T08:00:00Z");
  static final byte[] MAC = {0x52, 0x54, 0, 0x12, 0x34, 0x56};
  static final InetSocketAddress CLIENT = new InetSocketAddress(Ipv4Text.parse("10.0.0.50"), 40000);
  static final InetSocketAddress SERVER = new InetSocketAddress(Ipv4Text.parse("10.0.0.1"), 8080);

  final List<NetbootEvent> events = new CopyOnWriteArrayList<>();
  final DecisionMemory memory = new DecisionMemory(16, DecisionMemory.DEFAULT_TTL);
  final TransferEvents glue = new TransferEvents(memory, new EventSink(events::add),
      Clock.fixed(NOW, ZoneOffset.UTC));

  TransferEventsTest() {
    DhcpMessage request = DhcpMessage.builder().transactionId(1).hardwareAddress(MAC)
        .option(DhcpOptionType.MESSAGE_TYPE, DhcpMessageType.DISCOVER).build();
    memory.remember(new DecisionMemory.Remembered(PxeClient.of(request),
        BootDecision.linux("/f/k/vmlinuz", List.of("/f/a/initrd"), ""),
        Ipv4Text.parse("10.0.0.1"), NOW));
  }

  static HttpRequestInfo get(String method, String path) {
    return new HttpRequestInfo(method, path, Map.of("mac", List.of("52-54-00-12-34-56")), CLIENT,
        SERVER);
  }

  long finished() {
    return events.stream().filter(e -> e instanceof NetbootEvent.BootFinished).count();
  }

  @Test
  void aCutTransferOfTheLastFileIsAFailureAndDoesNotFinishTheBoot() {
    glue.onServed(get("GET", "/f/a/initrd"), 200, 1000, Duration.ofMillis(5), false);
    assertThat(events).singleElement().isInstanceOfSatisfying(NetbootEvent.FileServed.class,
        f -> assertThat(f.success()).isFalse());
    assertThat(finished()).isZero();
  }

  @Test
  void onlyAWholeGetOfTheLastFileFinishesTheBoot() {
    glue.onServed(get("GET", "/f/k/vmlinuz"), 200, 1000, Duration.ofMillis(5), true);
    glue.onServed(get("HEAD", "/f/a/initrd"), 200, 0, Duration.ofMillis(1), true);
    glue.onServed(get("GET", "/f/a/initrd"), 206, 10, Duration.ofMillis(1), true);
    assertThat(finished()).isZero();
    glue.onServed(get("GET", "/f/a/initrd"), 200, 1000, Duration.ofMillis(5), true);
    assertThat(finished()).isEqualTo(1);
  }

  @Test
  void httpProgressBecomesATransferProgressEventForTheMachine() {
    glue.onProgress(get("GET", "/f/k/vmlinuz"), 4_000, 10_000);

    assertThat(events).singleElement().isEqualTo(new NetbootEvent.TransferProgress(
        "52:54:00:12:34:56", NetbootEvent.Protocol.HTTP, "/f/k/vmlinuz", CLIENT, 4_000, 10_000));
    assertThat(finished()).isZero();
  }
}
