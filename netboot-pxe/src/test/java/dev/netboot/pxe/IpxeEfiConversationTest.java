package dev.netboot.pxe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netboot.dhcp.ClientArchitecture;
import dev.netboot.dhcp.ClientNetworkInterface;
import dev.netboot.dhcp.DhcpMessage;
import dev.netboot.dhcp.DhcpMessageDecoder;
import dev.netboot.dhcp.DhcpMessageEncoder;
import dev.netboot.dhcp.DhcpMessageType;
import dev.netboot.dhcp.DhcpOp;
import dev.netboot.dhcp.DhcpOptionCode;
import dev.netboot.dhcp.DhcpOptionType;
import dev.netboot.dhcp.IpxeOptionCode;
import dev.netboot.dhcp.IpxeOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Replays the DHCP requests of iPXE's UEFI build ({@code ipxe.efi}, Debian package {@code ipxe}
 * 1.0.0+git-20190125), chainloaded by OVMF's edk2 PXE client and captured by
 * {@code src/test/resources/pxe/captures/capture-ipxe-efi.sh} (see the README there), through our
 * responders, and checks the fields iPXE acts on.
 *
 * <p>The conversation: 001 DISCOVER (port 67), 002/003 OFFERs of the address server and of the
 * dnsmasq proxy, 004 REQUEST to the address server (option 54 = 10.77.0.1), 005 its ACK, 006
 * ProxyDHCP REQUEST to 10.77.0.2:4011, 007 dnsmasq's ACK with the script URL.
 */
class IpxeEfiConversationTest {
  private static final String DIR = "/pxe/captures/ipxe-efi/";
  private static final String BASE = "http://10.77.0.2:8080";
  private static final String SCRIPT = BASE + "/boot.ipxe?mac=52-54-00-77-00-0d&arch=7";
  private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
  private static final String[] CLIENT_PACKETS = {
    "001-client-DISCOVER.hex", "004-client-REQUEST.hex", "006-client-REQUEST.hex"};

  private Inet4Address server;
  private PxeServerSettings settings;
  private ChainloadMemory memory;
  private ProxyDhcpResponder proxy;
  private BootServerResponder bootServer;

  @BeforeEach
  void setUp() throws Exception {
    server = (Inet4Address) InetAddress.getByName("10.77.0.2");
    settings = PxeServerSettings.builder().httpBaseUrl(BASE).build();
    responders(settings);
  }

  private void responders(PxeServerSettings s) {
    BootPolicy policy = BootPolicies.always(
        BootDecision.linux("vmlinuz", List.of("initrd.img"), "console=ttyS0"));
    memory = ChainloadMemory.create();
    proxy = new ProxyDhcpResponder(policy, s, memory);
    bootServer = new BootServerResponder(policy, s, memory);
  }

  /** Returns the raw bytes of {@code ipxe-efi/<file>} from the test classpath. */
  private static byte[] bytes(String file) {
    try (InputStream in = IpxeEfiConversationTest.class.getResourceAsStream(DIR + file)) {
      assertThat(in).as("capture %s", DIR + file).isNotNull();
      return HexFormat.of().parseHex(new String(in.readAllBytes(), StandardCharsets.US_ASCII)
          .strip());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static DhcpMessage message(String file) {
    return DhcpMessageDecoder.decode(bytes(file));
  }

  /** The checks every answer to {@code request} must pass (as in CapturedConversationsTest). */
  private DhcpMessage checkCommon(DhcpMessage request, Optional<DhcpMessage> answer,
      DhcpMessageType type) {
    assertThat(answer).as("answer to %s", request).isPresent();
    DhcpMessage reply = answer.get();
    assertThat(reply.op()).isEqualTo(DhcpOp.BOOTREPLY);
    assertThat(reply.messageType()).isEqualTo(type);
    assertThat(reply.transactionId()).isEqualTo(request.transactionId());
    assertThat(reply.hardwareAddress()).isEqualTo(request.hardwareAddress());
    assertThat(reply.flags()).isEqualTo(request.flags());
    // iPXE ignores a reply naming a boot file while siaddr is 0.0.0.0.
    assertThat(reply.serverAddress()).isEqualTo(server);
    assertThat(reply.option(DhcpOptionType.SERVER_IDENTIFIER)).contains(server);
    assertThat(reply.option(DhcpOptionType.VENDOR_CLASS_IDENTIFIER).orElseThrow().text())
        .isEqualTo("PXEClient");
    // ipxe.efi sends 97; it comes back byte for byte.
    assertThat(request.options().contains(DhcpOptionCode.CLIENT_MACHINE_IDENTIFIER)).isTrue();
    assertThat(reply.options().get(DhcpOptionCode.CLIENT_MACHINE_IDENTIFIER))
        .isEqualTo(request.options().get(DhcpOptionCode.CLIENT_MACHINE_IDENTIFIER));
    // No PXE menu for iPXE: it would go to a boot server instead of fetching the script.
    assertThat(reply.options().contains(DhcpOptionCode.VENDOR_SPECIFIC)).isFalse();
    // The answer fits the client's option 57 (1472) and decodes again to the same message.
    int max = request.option(DhcpOptionType.MAXIMUM_MESSAGE_SIZE).orElse(576);
    assertThat(max).isEqualTo(1472);
    byte[] wire = DhcpMessageEncoder.toBytes(reply, max);
    assertThat(wire.length).isLessThanOrEqualTo(max - DhcpMessageEncoder.IP_UDP_HEADER_LENGTH);
    assertThat(DhcpMessageDecoder.decode(wire)).isEqualTo(reply);
    return reply;
  }

  @Test
  void everyIpxeEfiRequestIsIpxeOnX64Uefi() {
    for (String file : CLIENT_PACKETS) {
      DhcpMessage request = message(file);
      PxeClient client = PxeClient.of(request);
      assertThat(client.macText()).as(file).isEqualTo("52:54:00:77:00:0d");
      assertThat(client.family()).as(file).isEqualTo(ClientFamily.IPXE);
      assertThat(client.isPxeClient()).as(file).isTrue();
      assertThat(client.isHttpClient()).as(file).isFalse();
      // Unlike the chainloaded undionly.kpxe (bare "PXEClient"), ipxe.efi builds its own full
      // vendor class, with its own UNDI version 3.10 (edk2 sent UNDI:003000), and option 93 = 7.
      assertThat(client.vendorClass().orElseThrow().text()).as(file)
          .isEqualTo("PXEClient:Arch:00007:UNDI:003010");
      assertThat(client.vendorClass().orElseThrow().architecture())
          .contains(ClientArchitecture.X64_UEFI);
      assertThat(client.architectures()).as(file).containsExactly(ClientArchitecture.X64_UEFI);
      assertThat(client.architecture()).contains(ClientArchitecture.X64_UEFI);
      assertThat(client.networkInterface()).contains(ClientNetworkInterface.undi(3, 10));
      // User class 77 is the raw bytes "iPXE", not RFC 3004 length-prefixed.
      assertThat(client.hasUserClass("iPXE")).as(file).isTrue();
      assertThat(client.userClass().orElseThrow().isRfc3004()).isFalse();
      assertThat(client.isIpxe()).isTrue();
      IpxeOptions ipxe = client.ipxeOptions().orElseThrow();
      assertThat(ipxe.version()).contains("1.0.0");
      assertThat(ipxe.has(IpxeOptionCode.BUS_ID)).isTrue();
      // "Features: DNS HTTP iSCSI NFS TFTP SRP AoE EFI Menu" as iPXE printed it; no HTTPS.
      assertThat(client.ipxeFeatures()).as(file).containsExactlyInAnyOrder(
          IpxeOptionCode.FEATURE_DNS, IpxeOptionCode.FEATURE_HTTP, IpxeOptionCode.FEATURE_ISCSI,
          IpxeOptionCode.FEATURE_NFS, IpxeOptionCode.FEATURE_TFTP, IpxeOptionCode.FEATURE_SRP,
          IpxeOptionCode.FEATURE_AOE, IpxeOptionCode.FEATURE_EFI, IpxeOptionCode.FEATURE_MENU);
      assertThat(client.ipxeCanHttp()).isTrue();
      // QEMU's -uuid, read from 97 in SMBIOS byte order.
      assertThat(client.machineId().orElseThrow().uuid())
          .contains(UUID.fromString("4e657462-6f6f-7404-8000-52540077000d"));
      assertThat(client.maxMessageSize()).contains(1472);
      assertThat(client.relayAddress()).isEmpty();
      assertThat(client.bootItem()).isEmpty();
    }
  }

  @Test
  void proxyOfferOnPort67GivesTheScriptUrlNotIpxeAgain() {
    DhcpMessage discover = message("001-client-DISCOVER.hex");
    DhcpMessage offer = checkCommon(discover, proxy.answer(discover, server, T0),
        DhcpMessageType.OFFER);
    assertThat(offer.yourAddress().isAnyLocalAddress()).isTrue();
    assertThat(offer.bootFileName()).isEqualTo(SCRIPT);
    assertThat(offer.bootFileName()).doesNotEndWith(".efi");
    // A script, not a binary: nothing was remembered as an iPXE chainload.
    assertThat(memory.recalls(discover.hardwareAddress(), T0.plusSeconds(1))).isFalse();

    // Its REQUEST selects the address server (option 54 = 10.77.0.1): not ours.
    DhcpMessage request = message("004-client-REQUEST.hex");
    assertThat(request.option(DhcpOptionType.SERVER_IDENTIFIER))
        .contains(TestRequests.ip("10.77.0.1"));
    assertThat(proxy.answer(request, server, T0)).isEmpty();
    assertThat(bootServer.answer(request, server, T0).orElseThrow().bootFileName())
        .as("were it sent to 4011").isEqualTo(SCRIPT);
  }

  @Test
  void proxyDhcpRequestOn4011GetsTheScriptUrl() {
    DhcpMessage request = message("006-client-REQUEST.hex");
    // Sent from its new address, unicast to 10.77.0.2:4011, yet with the broadcast flag set.
    assertThat(request.clientAddress()).isEqualTo(TestRequests.ip("10.77.0.142"));
    assertThat(request.isBroadcast()).isTrue();
    assertThat(request.option(DhcpOptionType.SERVER_IDENTIFIER)).contains(server);
    DhcpMessage ack = checkCommon(request, bootServer.answer(request, server, T0),
        DhcpMessageType.ACK);
    assertThat(ack.bootFileName()).isEqualTo(SCRIPT);
    assertThat(ack.yourAddress()).isEqualTo(request.clientAddress());

    // Our ACK carries what dnsmasq's captured ACK (007) carries; only the
    // URL differs, and yiaddr: dnsmasq left it 0.0.0.0 here, we echo ciaddr.
    DhcpMessage dnsmasq = message("007-server-ACK.hex");
    assertThat(dnsmasq.transactionId()).isEqualTo(ack.transactionId());
    assertThat(dnsmasq.hardwareAddress()).isEqualTo(ack.hardwareAddress());
    assertThat(dnsmasq.flags()).isEqualTo(ack.flags());
    assertThat(dnsmasq.serverAddress()).isEqualTo(ack.serverAddress());
    assertThat(dnsmasq.option(DhcpOptionType.VENDOR_CLASS_IDENTIFIER))
        .isEqualTo(ack.option(DhcpOptionType.VENDOR_CLASS_IDENTIFIER));
    assertThat(dnsmasq.options().get(DhcpOptionCode.CLIENT_MACHINE_IDENTIFIER))
        .isEqualTo(ack.options().get(DhcpOptionCode.CLIENT_MACHINE_IDENTIFIER));
    assertThat(dnsmasq.bootFileName()).isEqualTo("http://10.77.0.2:8080/boot.ipxe");
    assertThat(dnsmasq.yourAddress().isAnyLocalAddress()).isTrue();

    // The same request on port 67 (it names us in option 54) gets the same URL, yiaddr 0.
    DhcpMessage viaProxy = checkCommon(request, proxy.answer(request, server, T0),
        DhcpMessageType.ACK);
    assertThat(viaProxy.bootFileName()).isEqualTo(SCRIPT);
    assertThat(viaProxy.yourAddress().isAnyLocalAddress()).isTrue();
  }

  @Test
  void replacingIpxeRomsStillGivesTheScriptToTheIpxeEfiWeJustServed() {
    responders(settings.toBuilder().replaceIpxeRoms(true).build());
    // Nothing known about this MAC: ipxe.efi looks like any foreign iPXE ROM and gets our binary.
    DhcpMessage discover = message("001-client-DISCOVER.hex");
    assertThat(proxy.answer(discover, server, T0).orElseThrow().bootFileName())
        .isEqualTo("ipxe.efi");
    // The rest of that exchange (same xid) still names the binary: it is the ROM that asks.
    DhcpMessage request = message("006-client-REQUEST.hex");
    assertThat(request.transactionId()).isEqualTo(discover.transactionId());
    assertThat(bootServer.answer(request, server, T0.plusSeconds(1)).orElseThrow()
        .bootFileName()).isEqualTo("ipxe.efi");
    // That served binary is remembered, so the chainloaded ipxe.efi, whose DHCP is a new
    // exchange, gets the script instead of ipxe.efi forever.
    assertThat(memory.recalls(discover.hardwareAddress(), T0.plusSeconds(20))).isTrue();
    DhcpMessage chained = request.toBuilder().transactionId(request.transactionId() + 1).build();
    assertThat(bootServer.answer(chained, server, T0.plusSeconds(20)).orElseThrow()
        .bootFileName()).isEqualTo(SCRIPT);
  }

  @Test
  void capturedServerRepliesAreNeverAnswered() {
    for (String file : new String[] {"002-server-OFFER.hex", "003-server-OFFER.hex",
        "005-server-ACK.hex", "007-server-ACK.hex"}) {
      DhcpMessage reply = message(file);
      assertThat(proxy.answer(reply, server, T0)).as(file).isEmpty();
      assertThat(bootServer.answer(reply, server, T0)).as(file).isEmpty();
    }
  }
}
