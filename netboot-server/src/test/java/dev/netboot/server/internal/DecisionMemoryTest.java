package dev.netboot.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netboot.dhcp.DhcpMessage;
import dev.netboot.dhcp.DhcpMessageType;
import dev.netboot.dhcp.DhcpOptionType;
import dev.netboot.pxe.BootDecision;
import dev.netboot.pxe.PxeClient;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Bounded, expiring memory of decisions. */
class DecisionMemoryTest {
  static final Instant T0 = Instant.parse("2026-11-22T08:00:00Z");

  static DecisionMemory.Remembered entry(int n, Instant at) {
    DhcpMessage request = DhcpMessage.builder().transactionId(n)
        .hardwareAddress(new byte[] {2, 0, 0, 0, (byte) (n >> 8), (byte) n})
        .option(DhcpOptionType.MESSAGE_TYPE, DhcpMessageType.DISCOVER).build();
    return new DecisionMemory.Remembered(PxeClient.of(request), BootDecision.bootFile("f" + n),
        Ipv4Text.parse("10.0.0.1"), at);
  }

  @Test
  void keepsAtMostItsCapacityDroppingTheOldest() {
    DecisionMemory memory = new DecisionMemory(100, Duration.ofMinutes(5));
    for (int i = 0; i < 1000; i++) {
      memory.remember(entry(i, T0));
    }
    assertThat(memory.size()).isEqualTo(100);
    assertThat(memory.recall("02:00:00:00:03:e7", T0)).isPresent();
    assertThat(memory.recall("02:00:00:00:00:00", T0)).isEmpty();
  }

  @Test
  void forgetsAfterItsTtl() {
    DecisionMemory memory = new DecisionMemory(10, Duration.ofMinutes(5));
    memory.remember(entry(1, T0));
    assertThat(memory.recall("02:00:00:00:00:01", T0.plusSeconds(299))).isPresent();
    assertThat(memory.recall("02:00:00:00:00:01", T0.plusSeconds(301))).isEmpty();
  }

  @Test
  void parsesMacsWithEitherSeparator() {
    assertThat(DecisionMemory.parseMac("52-54-00-AB-cd-01")).contains("52:54:00:ab:cd:01");
    assertThat(DecisionMemory.parseMac("52:54:00:ab:cd:01")).contains("52:54:00:ab:cd:01");
    assertThat(DecisionMemory.parseMac("52-54-00-ab-cd")).contains("52:54:00:ab:cd");
    assertThat(DecisionMemory.parseMac("")).isEmpty();
    assertThat(DecisionMemory.parseMac("5254.00ab.cd01")).isEmpty();
    assertThat(DecisionMemory.parseMac("zz-zz")).isEmpty();
  }
}
