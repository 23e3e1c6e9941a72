package dev.netboot.pxe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netboot.dhcp.DhcpMessage;
import dev.netboot.dhcp.DhcpMessageDecoder;
import dev.netboot.dhcp.DhcpMessageEncoder;
import dev.netboot.dhcp.DhcpMessageType;
import dev.netboot.dhcp.DhcpOp;
import dev.netboot.dhcp.DhcpOptionCode;
import dev.netboot.dhcp.DhcpOptionType;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Replays the requests real firmware sent (QEMU's iPXE ROM under SeaBIOS, edk2's PXE under OVMF,
 * a chainloaded undionly.kpxe, udhcpc, dhclient) through our responders and checks the fields
 * the firmware acts on.
 */
class CapturedConversationsTest {
  private static final String BASE = "http://10.77.0.2:8080";
  private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

  private Inet4Address server;
  private PxeServerSettings settings;
  private ChainloadMemory memory;
  private ProxyDhcpResponder proxy;
  private BootServerResponder bootServer;

  @BeforeEach
  void setUp() throws Exception {
    Captures.assumePresent();
    server = (Inet4Address) InetAddress.getByName("10.77.0.2");
    settings = PxeServerSettings.builder().httpBaseUrl(BASE).build();
    responders(settings);
  }

  private void responders(PxeServerSettings s) {
    BootPolicy policy = BootPolicies.always(
        BootDecision.linux("vmlinuz", java.util.List.of("initrd.img"), "console=ttyS0"));
    memory = ChainloadMemory.create();
    proxy = new ProxyDhcpResponder(policy, s, memory);
    bootServer = new BootServerResponder(policy, s, memory);
  }

  /** The checks every answer to {@code request} must pass, whatever the family. */
  private DhcpMessage checkCommon(DhcpMessage request, Optional<DhcpMessage> answer,
      DhcpMessageType type) {
    assertThat(answer).as("answer to %s", request).isPresent();
    DhcpMessage reply = answer.get();
    assertThat(reply.op()).isEqualTo(DhcpOp.BOOTREPLY);
    assertThat(reply.messageType()).isEqualTo(type);
    assertThat(reply.transactionId()).isEqualTo(request.transactionId());
    assertThat(reply.hardwareAddress()).isEqualTo(request.hardwareAddress());
    assertThat(reply.flags()).isEqualTo(request.flags());
    assertThat(reply.serverAddress()).isEqualTo(server);
    assertThat(reply.option(DhcpOptionType.SERVER_IDENTIFIER)).contains(server);
    assertThat(reply.options().get(DhcpOptionCode.CLIENT_MACHINE_IDENTIFIER))
        .isEqualTo(request.options().get(DhcpOptionCode.CLIENT_MACHINE_IDENTIFIER));
    // Every answer fits the client's option 57 and decodes again to the same message.
    int max = request.option(DhcpOptionType.MAXIMUM_MESSAGE_SIZE).orElse(576);
    byte[] wire = DhcpMessageEncoder.toBytes(reply, max);
    assertThat(wire.length).isLessThanOrEqualTo(max - DhcpMessageEncoder.IP_UDP_HEADER_LENGTH);
    assertThat(DhcpMessageDecoder.decode(wire)).isEqualTo(reply);
    return reply;
  }

  private static String vendorClass(DhcpMessage reply) {
    return reply.option(DhcpOptionType.VENDOR_CLASS_IDENTIFIER).orElseThrow().text();
  }

  @Test
  void seabiosIpxeRomGetsTheScriptAtOnceOnBothPorts() {
    DhcpMessage discover = Captures.message("seabios-ipxe-rom", "001-client-DISCOVER.hex");
    DhcpMessage offer = checkCommon(discover, proxy.answer(discover, server, T0),
        DhcpMessageType.OFFER);
    assertThat(offer.yourAddress().isAnyLocalAddress()).isTrue();
    assertThat(vendorClass(offer)).isEqualTo("PXEClient");
    assertThat(offer.bootFileName()).isEqualTo(BASE + "/boot.ipxe?mac=52-54-00-77-00-0a&arch=0");
    assertThat(offer.options().contains(DhcpOptionCode.VENDOR_SPECIFIC)).isFalse();

    // Its REQUEST goes to the network's DHCP server (option 54 = 10.77.0.1): not ours.
    DhcpMessage request = Captures.message("seabios-ipxe-rom", "004-client-REQUEST.hex");
    assertThat(proxy.answer(request, server, T0)).isEmpty();

    // Its boot server request on 4011 asks for menu item 0x8000, layer 0.
    DhcpMessage bsRequest = Captures.message("seabios-ipxe-rom", "006-client-REQUEST.hex");
    DhcpMessage ack = checkCommon(bsRequest, bootServer.answer(bsRequest, server, T0),
        DhcpMessageType.ACK);
    assertThat(ack.bootFileName()).isEqualTo(offer.bootFileName());
    assertThat(ack.option(PxeOptions.OPTION_TYPE).orElseThrow().bootItem())
        .contains(new BootItem(BootServerType.VENDOR_FIRST, 0));
    assertThat(ack.yourAddress()).isEqualTo(bsRequest.clientAddress());
  }

  @Test
  void vendorBiosRomGetsTheMenuTrickThenUndionlyFromTheBootServer() {
    // The same ROM without its iPXE marks is what an Intel or Broadcom ROM sends.
    DhcpMessage discover = withoutIpxe(
        Captures.message("seabios-ipxe-rom", "001-client-DISCOVER.hex"));
    DhcpMessage offer = checkCommon(discover, proxy.answer(discover, server, T0),
        DhcpMessageType.OFFER);
    assertThat(offer.bootFileName()).isEmpty();
    PxeOptions menu = offer.option(PxeOptions.OPTION_TYPE).orElseThrow();
    assertThat(menu.menuPrompt()).contains(new MenuPrompt(0, "PXE"));
    assertThat(menu.bootMenu()).extracting(BootMenuItem::type)
        .containsExactly(PxeMenu.NETBOOT_ITEM);
    assertThat(menu.bootServers()).singleElement()
        .satisfies(s -> assertThat(s.addresses()).containsExactly(server));
    assertThat(menu.encode().length).isLessThanOrEqualTo(PxeOptions.SINGLE_OPTION_LENGTH);

    DhcpMessage bsRequest = withoutIpxe(
        Captures.message("seabios-ipxe-rom", "006-client-REQUEST.hex"));
    DhcpMessage ack = checkCommon(bsRequest, bootServer.answer(bsRequest, server, T0),
        DhcpMessageType.ACK);
    assertThat(ack.bootFileName()).isEqualTo("undionly.kpxe");
    assertThat(vendorClass(ack)).isEqualTo("PXEClient");
    assertThat(memory.recalls(discover.hardwareAddress(), T0.plusSeconds(30))).isTrue();

    // A type that is not in our menu, or another layer, gets no answer.
    assertThat(bootServer.answer(withBootItem(bsRequest, new BootItem(
        BootServerType.valueOf(0x8005), 0)), server, T0)).isEmpty();
    assertThat(bootServer.answer(withBootItem(bsRequest, new BootItem(
        PxeMenu.NETBOOT_ITEM, 1)), server, T0)).isEmpty();
  }

  @Test
  void edk2GetsABinlOfferAndTheEfiBinaryOn4011() {
    DhcpMessage discover = Captures.message("ovmf-edk2-pxe", "001-client-DISCOVER.hex");
    DhcpMessage offer = checkCommon(discover, proxy.answer(discover, server, T0),
        DhcpMessageType.OFFER);
    assertThat(offer.isBroadcast()).isTrue();
    assertThat(offer.yourAddress().isAnyLocalAddress()).isTrue();
    assertThat(vendorClass(offer)).isEqualTo("PXEClient");
    assertThat(offer.options().contains(DhcpOptionCode.VENDOR_SPECIFIC)).isFalse();
    assertThat(offer.bootFileName()).isEqualTo("ipxe.efi");

    assertThat(proxy.answer(Captures.message("ovmf-edk2-pxe", "004-client-REQUEST.hex"),
        server, T0)).isEmpty();

    DhcpMessage binl = Captures.message("ovmf-edk2-pxe", "006-client-REQUEST.hex");
    DhcpMessage ack = checkCommon(binl, bootServer.answer(binl, server, T0),
        DhcpMessageType.ACK);
    assertThat(ack.bootFileName()).isEqualTo("ipxe.efi");
    assertThat(ack.options().contains(DhcpOptionCode.VENDOR_SPECIFIC)).isFalse();
  }

  @Test
  void chainloadedUndionlyGetsTheScriptOnPort67AndOn4011EvenWithTheRomVendorClass() {
    DhcpMessage discover = Captures.message("undionly-ipxe", "001-client-DISCOVER.hex");
    assertThat(PxeClient.of(discover).vendorClass().orElseThrow().text()).isEqualTo("PXEClient");
    DhcpMessage offer = checkCommon(discover, proxy.answer(discover, server, T0),
        DhcpMessageType.OFFER);
    assertThat(offer.bootFileName()).startsWith(BASE + "/boot.ipxe?mac=52-54-00-77-00-0c");

    // Its ProxyDHCP request to 4011 carries the ROM's full vendor class again.
    DhcpMessage proxyRequest = Captures.message("undionly-ipxe", "006-client-REQUEST.hex");
    assertThat(PxeClient.of(proxyRequest).vendorClass().orElseThrow().text())
        .isEqualTo("PXEClient:Arch:00000:UNDI:002001");
    DhcpMessage ack = checkCommon(proxyRequest, bootServer.answer(proxyRequest, server, T0),
        DhcpMessageType.ACK);
    assertThat(ack.bootFileName()).isEqualTo(offer.bootFileName());
    assertThat(ack.bootFileName()).doesNotContain("kpxe");

    DhcpMessage bsRequest = Captures.message("undionly-ipxe", "008-client-REQUEST.hex");
    DhcpMessage bsAck = checkCommon(bsRequest, bootServer.answer(bsRequest, server, T0),
        DhcpMessageType.ACK);
    assertThat(bsAck.bootFileName()).isEqualTo(offer.bootFileName());
  }

  @Test
  void replacingIpxeRomsServesUndionlyOnceThenTheScript() {
    responders(settings.toBuilder().replaceIpxeRoms(true).build());
    DhcpMessage rom = Captures.message("seabios-ipxe-rom", "001-client-DISCOVER.hex");
    DhcpMessage first = checkCommon(rom, proxy.answer(rom, server, T0), DhcpMessageType.OFFER);
    assertThat(first.bootFileName()).isEqualTo("undionly.kpxe");

    // The chainloaded iPXE of the same machine (the undionly capture, given the ROM's MAC).
    DhcpMessage chained = Captures.message("undionly-ipxe", "001-client-DISCOVER.hex")
        .toBuilder().hardwareAddress(rom.hardwareAddress()).build();
    DhcpMessage second = checkCommon(chained, proxy.answer(chained, server, T0.plusSeconds(40)),
        DhcpMessageType.OFFER);
    assertThat(second.bootFileName()).startsWith(BASE + "/boot.ipxe");
    DhcpMessage again = Captures.message("undionly-ipxe", "006-client-REQUEST.hex")
        .toBuilder().hardwareAddress(rom.hardwareAddress()).build();
    assertThat(bootServer.answer(again, server, T0.plusSeconds(41)).orElseThrow().bootFileName())
        .startsWith(BASE + "/boot.ipxe");

    // Once the memory has expired, the ROM is a ROM again.
    assertThat(proxy.answer(rom, server, T0.plus(ChainloadMemory.DEFAULT_TTL).plusSeconds(42))
        .orElseThrow().bootFileName()).isEqualTo("undionly.kpxe");
  }

  @Test
  void plainDhcpClientsGetNoAnswerOnEitherPort() {
    for (String client : new String[] {"udhcpc", "dhclient"}) {
      for (String file : new String[] {"001-client-DISCOVER.hex", "003-client-REQUEST.hex"}) {
        DhcpMessage request = Captures.message(client, file);
        assertThat(proxy.answer(request, server, T0)).as(client + "/" + file).isEmpty();
        assertThat(bootServer.answer(request, server, T0)).as(client + "/" + file).isEmpty();
      }
    }
  }

  @Test
  void serverRepliesAreNeverAnswered() {
    DhcpMessage offer = Captures.message("seabios-ipxe-rom", "002-server-OFFER.hex");
    assertThat(proxy.answer(offer, server, T0)).isEmpty();
    assertThat(bootServer.answer(offer, server, T0)).isEmpty();
  }

  @Test
  void option97IsEchoedOnlyWhenSent() {
    DhcpMessage discover = Captures.message("ovmf-edk2-pxe", "001-client-DISCOVER.hex")
        .toBuilder().removeOption(DhcpOptionCode.CLIENT_MACHINE_IDENTIFIER).build();
    DhcpMessage offer = proxy.answer(discover, server, T0).orElseThrow();
    assertThat(offer.options().contains(DhcpOptionCode.CLIENT_MACHINE_IDENTIFIER)).isFalse();
  }

  private static DhcpMessage withoutIpxe(DhcpMessage m) {
    return m.toBuilder().removeOption(DhcpOptionCode.USER_CLASS)
        .removeOption(DhcpOptionCode.IPXE_ENCAPSULATED).build();
  }

  private static DhcpMessage withBootItem(DhcpMessage m, BootItem item) {
    return m.toBuilder()
        .option(PxeOptions.OPTION_TYPE, PxeOptions.builder().bootItem(item).build()).build();
  }
}
