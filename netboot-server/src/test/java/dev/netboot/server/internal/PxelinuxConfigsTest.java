package dev.netboot.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netboot.dhcp.DhcpMessage;
import dev.netboot.dhcp.DhcpMessageType;
import dev.netboot.dhcp.DhcpOptionType;
import dev.netboot.pxe.BootDecision;
import dev.netboot.pxe.PxeClient;
import dev.netboot.pxe.PxeServerSettings;
import dev.netboot.syslinux.SyslinuxConfig;
import dev.netboot.tftp.TftpRequestInfo;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The generated pxelinux.cfg/01-<mac> files. */
class PxelinuxConfigsTest {
  static final Instant NOW = Instant.parse("2026-11-22T08:00:00Z");
  static final byte[] MAC = {0x52, 0x54, 0, 0x12, 0x34, 0x56};

  final DecisionMemory memory = new DecisionMemory(16, DecisionMemory.DEFAULT_TTL);
  final PxelinuxConfigs configs = new PxelinuxConfigs(memory,
      new SettingsByAddress(PxeServerSettings.builder().build(), 8080),
      Clock.fixed(NOW, ZoneOffset.UTC));

  void remember(BootDecision decision) {
    DhcpMessage request = DhcpMessage.builder().transactionId(1).hardwareAddress(MAC)
        .option(DhcpOptionType.MESSAGE_TYPE, DhcpMessageType.DISCOVER).build();
    memory.remember(new DecisionMemory.Remembered(PxeClient.of(request), decision,
        Ipv4Text.parse("10.0.0.1"), NOW));
  }

  static TftpRequestInfo rrq(String name) {
    return new TftpRequestInfo(name, "octet", Map.of(),
        new InetSocketAddress(Ipv4Text.parse("10.0.0.50"), 2070));
  }

  @Test
  void linuxDecisionBecomesAConfigWithHttpUrls() {
    remember(BootDecision.linux("/f/k/vmlinuz", List.of("/f/a/initrd", "http://x/y.img"),
        "console=ttyS0 quiet"));
    String text = new String(configs.generate(rrq("pxelinux.cfg/01-52-54-00-12-34-56"))
        .orElseThrow(), StandardCharsets.UTF_8);
    SyslinuxConfig config = SyslinuxConfig.parse("01-52-54-00-12-34-56", text);
    assertThat(config.defaultCommand()).contains(PxelinuxConfigs.LABEL);
    var label = config.label(PxelinuxConfigs.LABEL).orElseThrow();
    assertThat(label.kernel()).isEqualTo("http://10.0.0.1:8080/f/k/vmlinuz");
    assertThat(label.initrd()).containsExactly("http://10.0.0.1:8080/f/a/initrd", "http://x/y.img");
    assertThat(label.append()).contains("console=ttyS0 quiet");
  }

  @Test
  void otherNamesAndOtherDecisionsAreNotFound() {
    remember(BootDecision.bootFile("x.efi"));
    assertThat(configs.generate(rrq("pxelinux.cfg/01-52-54-00-12-34-56"))).isEmpty();
    remember(BootDecision.linux("/k", List.of(), ""));
    assertThat(configs.generate(rrq("pxelinux.cfg/default"))).isEmpty();
    assertThat(configs.generate(rrq("pxelinux.cfg/C0A80001"))).isEmpty();
    assertThat(configs.generate(rrq("pxelinux.cfg/01-02-00-00-00-00-09"))).isEmpty();
    assertThat(configs.generate(rrq("pxelinux.cfg/01-zz"))).isEmpty();
    assertThat(configs.generate(rrq("/pxelinux.cfg/01-52-54-00-12-34-56"))).isPresent();
  }
}
