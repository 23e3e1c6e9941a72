package dev.netboot.it.pxe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netboot.conformance.dhcp.DhcpGenerators;
import dev.netboot.conformance.dhcp.PxeFirmware;
import dev.netboot.conformance.pxe.PxeGenerators;
import dev.netboot.dhcp.ClientArchitecture;
import dev.netboot.dhcp.DhcpMessage;
import dev.netboot.dhcp.DhcpMessageEncoder;
import dev.netboot.dhcp.DhcpMessageType;
import dev.netboot.dhcp.DhcpOptionCode;
import dev.netboot.dhcp.DhcpOptionType;
import dev.netboot.dhcp.SubOption;
import dev.netboot.dhcp.VendorClass;
import dev.netboot.it.Peers;
import dev.netboot.it.wire.PcapFile;
import dev.netboot.it.wire.PdmlNode;
import dev.netboot.it.wire.Tshark;
import dev.netboot.pxe.BootDecision;
import dev.netboot.pxe.BootItem;
import dev.netboot.pxe.BootPolicies;
import dev.netboot.pxe.BootPolicy;
import dev.netboot.pxe.BootServerResponder;
import dev.netboot.pxe.BootServerType;
import dev.netboot.pxe.ChainloadMemory;
import dev.netboot.pxe.MenuPrompt;
import dev.netboot.pxe.ProxyDhcpResponder;
import dev.netboot.pxe.PxeMenu;
import dev.netboot.pxe.PxeOptions;
import dev.netboot.pxe.PxeServerSettings;
import java.io.OutputStream;
import java.net.Inet4Address;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hands the answers our PXE responders build to Wireshark's dissector: none may be malformed,
 * and the option 43 sub-options tshark shows must be ours, code by code and byte by byte.
 */
class PxeTsharkCrossCheckTest {
  private static final Inet4Address SERVER = DhcpGenerators.ipv4(0x0A4D0002);
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  /** PI_ERROR in Wireshark's expert info, as PDML shows the severity. */
  private static final String EXPERT_ERROR = "8388608";

  @TempDir Path dir;

  @Test
  void ourAnswersDissectCleanlyAndTsharkSeesOurSubOptions() throws Exception {
    Path tshark = Peers.require("tshark");
    List<DhcpMessage> replies = replies();
    Path capture = dir.resolve("pxe.pcap");
    try (PcapFile pcap = new PcapFile(Files.newOutputStream(capture))) {
      byte[] serverMac = {0x52, 0x54, 0, 0, 0, 2};
      for (DhcpMessage reply : replies) {
        pcap.writeUdp(serverMac, SERVER, 67, reply.hardwareAddress(),
            DhcpGenerators.ipv4(-1), 68, DhcpMessageEncoder.toBytes(reply));
      }
    }
    List<PdmlNode> packets = new Tshark(tshark, dir).dissect(capture);
    assertThat(packets).hasSameSizeAs(replies);
    int withOption43 = 0;
    for (int i = 0; i < packets.size(); i++) {
      PdmlNode packet = packets.get(i);
      DhcpMessage reply = replies.get(i);
      String frame = "frame " + (i + 1) + " " + reply;
      assertThat(packet.all("_ws.malformed")).as(frame).isEmpty();
      assertThat(packet.all("_ws.expert.severity")).as(frame + " " + packet.all("_ws.expert")
              .stream().map(PdmlNode::show).toList() + " " + reply.option(PxeOptions.OPTION_TYPE))
          .noneMatch(n -> n.show().equals(EXPERT_ERROR));
      assertThat(packet.first("dhcp.type").orElseThrow().show()).as(frame).isEqualTo("2");
      assertThat(packet.first("dhcp.option.vendor_class_id").orElseThrow().show())
          .isEqualTo(reply.option(DhcpOptionType.VENDOR_CLASS_IDENTIFIER).orElseThrow().text());
      assertThat(packet.first("dhcp.ip.server").orElseThrow().show())
          .isEqualTo(SERVER.getHostAddress());
      // Wireshark reads option 43 as PXE sub-options only next to vendor class PXEClient.
      boolean pxeClient = reply.option(DhcpOptionType.VENDOR_CLASS_IDENTIFIER).orElseThrow()
          .isPxeClient();
      if (pxeClient && reply.options().contains(DhcpOptionCode.VENDOR_SPECIFIC)) {
        withOption43++;
        compareSubOptions(frame, packet, reply.option(PxeOptions.OPTION_TYPE).orElseThrow());
      }
    }
    assertThat(withOption43).isGreaterThanOrEqualTo(20);
  }

  private static void compareSubOptions(String frame, PdmlNode packet, PxeOptions ours) {
    List<PdmlNode> shown = packet.all("dhcp.option.vendor.pxeclient.suboption");
    List<String> theirs = new ArrayList<>();
    for (PdmlNode n : shown) {
      theirs.add(n.show() + "=" + n.value());
    }
    List<String> expected = new ArrayList<>();
    for (SubOption s : ours.subOptions()) {
      expected.add(s.code() + "=" + HexFormat.of().formatHex(
          SubOptionBytes.of(s.code(), s.value())));
    }
    assertThat(theirs).as(frame).isEqualTo(expected);
    ours.bootItem().ifPresent(item -> {
      assertThat(packet.first("dhcp.option.vendor.pxeclient.boot_item.type").orElseThrow().show())
          .isEqualTo(String.valueOf(item.type().code()));
    });
    List<String> ips = packet.all("dhcp.option.vendor.pxeclient.boot_servers.ip").stream()
        .map(PdmlNode::show).toList();
    assertThat(ips).as(frame).isEqualTo(ours.bootServers().stream()
        .flatMap(s -> s.addresses().stream()).map(Inet4Address::getHostAddress).toList());
    List<String> descriptions = packet.all("dhcp.option.vendor.pxeclient.boot_menu.desc").stream()
        .map(PdmlNode::value).toList();
    assertThat(descriptions).as(frame).isEqualTo(ours.bootMenu().stream()
        .map(m -> HexFormat.of().formatHex(m.description().getBytes(
            java.nio.charset.StandardCharsets.ISO_8859_1)))
        .filter(h -> !h.isEmpty()).toList());
  }

  /** The answers of every family, a real menu, and generated option 43 values. */
  private static List<DhcpMessage> replies() {
    PxeServerSettings settings =
        PxeServerSettings.builder().httpBaseUrl("http://10.77.0.2:8080").build();
    BootPolicy policy =
        BootPolicies.always(BootDecision.linux("vmlinuz", List.of("initrd.img"), "quiet"));
    List<DhcpMessage> replies = new ArrayList<>();
    SplittableRandom random = new SplittableRandom(20261122);
    for (PxeFirmware firmware : PxeFirmware.values()) {
      for (int i = 0; i < 3; i++) {
        DhcpMessage discover = DhcpGenerators.pxeRequest(firmware).next(random).toBuilder()
            .option(DhcpOptionType.MESSAGE_TYPE, DhcpMessageType.DISCOVER).build();
        ChainloadMemory memory = ChainloadMemory.create();
        new ProxyDhcpResponder(policy, settings, memory).answer(discover, SERVER, NOW)
            .ifPresent(replies::add);
        DhcpMessage bootRequest = discover.toBuilder()
            .option(DhcpOptionType.MESSAGE_TYPE, DhcpMessageType.REQUEST)
            .option(PxeOptions.OPTION_TYPE,
                PxeOptions.builder().bootItem(new BootItem(PxeMenu.NETBOOT_ITEM, 0)).build())
            .build();
        new BootServerResponder(policy, settings, memory).answer(bootRequest, SERVER, NOW)
            .ifPresent(replies::add);
      }
    }
    PxeMenu menu = PxeMenu.builder().localBoot("Boot from local disk")
        .item(BootServerType.valueOf(0x8001), "Install", BootDecision.bootFile("install.0"))
        .item(BootServerType.valueOf(0x8002), "Rescue", BootDecision.bootFiles(
            Map.of(ClientArchitecture.X86_BIOS, "rescue.0"), null))
        .prompt(new MenuPrompt(10, "Press F8 for the boot menu")).build();
    DhcpMessage bios = DhcpGenerators.pxeRequest(PxeFirmware.BIOS_VENDOR_ROM).next(random)
        .toBuilder().option(DhcpOptionType.MESSAGE_TYPE, DhcpMessageType.DISCOVER).build();
    new ProxyDhcpResponder(policy, settings.toBuilder().menu(menu).build(),
        ChainloadMemory.create()).answer(bios, SERVER, NOW).ifPresent(replies::add);
    for (int i = 0; i < 12; i++) {
      PxeOptions generated = PxeGenerators.options(false).next(random);
      if (generated.isEmpty() || generated.encode().length > PxeOptions.SINGLE_OPTION_LENGTH) {
        continue;
      }
      replies.add(replies.get(0).toBuilder()
          .option(DhcpOptionType.VENDOR_CLASS_IDENTIFIER, VendorClass.of("PXEClient"))
          .option(PxeOptions.OPTION_TYPE, generated).build());
    }
    return replies;
  }

  /** The wire form of one sub-option, as tshark's {@code value} shows it. */
  private static final class SubOptionBytes {
    static byte[] of(int code, byte[] value) {
      byte[] b = new byte[2 + value.length];
      b[0] = (byte) code;
      b[1] = (byte) value.length;
      System.arraycopy(value, 0, b, 2, value.length);
      return b;
    }
  }
}
