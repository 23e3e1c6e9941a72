package dev.netboot.pxe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netboot.dhcp.ClientArchitecture;
import dev.netboot.dhcp.DhcpMessage;
import dev.netboot.dhcp.DhcpMessageType;
import dev.netboot.dhcp.DhcpOptionCode;
import dev.netboot.dhcp.DhcpOptionType;
import dev.netboot.dhcp.UserClass;
import dev.netboot.dhcp.VendorClass;
import java.net.Inet4Address;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FullDhcpRepliesTest {
  private static final Inet4Address SERVER = TestRequests.ip("10.0.0.1");
  private static final LeaseOffer LEASE = new LeaseOffer(TestRequests.ip("10.0.0.50"),
      TestRequests.ip("255.255.255.0"), List.of(SERVER), List.of(SERVER), Duration.ofHours(1));
  private final FullDhcpReplies replies = new FullDhcpReplies(
      BootPolicies.always(BootDecision.ipxeScriptUrl("http://10.0.0.1/boot.ipxe")),
      PxeServerSettings.builder().build(), ChainloadMemory.create());

  @Test
  void pxeClientsGetTheAddressAndTheBootPart() {
    DhcpMessage discover = TestRequests.discover("PXEClient:Arch:00007:UNDI:003000",
        ClientArchitecture.X64_UEFI);
    DhcpMessage offer = replies.answer(discover, SERVER, LEASE, Instant.EPOCH).orElseThrow();
    assertThat(offer.messageType()).isEqualTo(DhcpMessageType.OFFER);
    assertThat(offer.yourAddress()).isEqualTo(LEASE.address());
    assertThat(offer.option(DhcpOptionType.IP_ADDRESS_LEASE_TIME)).contains(3600L);
    assertThat(offer.option(DhcpOptionType.SUBNET_MASK)).contains(LEASE.subnetMask());
    assertThat(offer.bootFileName()).isEqualTo("ipxe.efi");
    assertThat(offer.serverAddress()).isEqualTo(SERVER);
    assertThat(offer.option(DhcpOptionType.VENDOR_CLASS_IDENTIFIER))
        .contains(VendorClass.of("PXEClient"));
  }

  @Test
  void plainClientsGetAnAddressAndNoBootPart() {
    DhcpMessage request = DhcpMessage.builder().transactionId(7).hardwareAddress(TestRequests.MAC)
        .option(DhcpOptionType.MESSAGE_TYPE, DhcpMessageType.REQUEST)
        .option(DhcpOptionType.SERVER_IDENTIFIER, SERVER).build();
    DhcpMessage ack = replies.answer(request, SERVER, LEASE, Instant.EPOCH).orElseThrow();
    assertThat(ack.messageType()).isEqualTo(DhcpMessageType.ACK);
    assertThat(ack.yourAddress()).isEqualTo(LEASE.address());
    assertThat(ack.bootFileName()).isEmpty();
    assertThat(ack.options().contains(DhcpOptionCode.VENDOR_CLASS_IDENTIFIER)).isFalse();
    DhcpMessage elsewhere = request.toBuilder()
        .option(DhcpOptionType.SERVER_IDENTIFIER, TestRequests.ip("10.0.0.9")).build();
    assertThat(replies.answer(elsewhere, SERVER, LEASE, Instant.EPOCH)).isEmpty();
    DhcpMessage nak = FullDhcpReplies.nak(request, SERVER, "wrong network");
    assertThat(nak.messageType()).isEqualTo(DhcpMessageType.NAK);
    assertThat(nak.yourAddress().isAnyLocalAddress()).isTrue();
  }

  @Test
  void informGetsNoAddressAndHttpBootGetsAUrlAndHttpClient() {
    DhcpMessage inform = TestRequests.discover("PXEClient:Arch:00007:UNDI:003000",
        ClientArchitecture.X64_UEFI).toBuilder()
        .option(DhcpOptionType.MESSAGE_TYPE, DhcpMessageType.INFORM).build();
    DhcpMessage ack = replies.answer(inform, SERVER, LEASE, Instant.EPOCH).orElseThrow();
    assertThat(ack.yourAddress().isAnyLocalAddress()).isTrue();
    assertThat(ack.options().contains(DhcpOptionCode.IP_ADDRESS_LEASE_TIME)).isFalse();

    ProxyDhcpResponder proxy = new ProxyDhcpResponder(
        BootPolicies.always(BootDecision.linux("vmlinuz", List.of(), "")),
        PxeServerSettings.builder().httpBaseUrl("http://10.0.0.1").build(),
        ChainloadMemory.create());
    DhcpMessage http = TestRequests.discover("HTTPClient:Arch:00016:UNDI:003000",
        ClientArchitecture.X64_UEFI_HTTP);
    DhcpMessage offer = proxy.answer(http, SERVER, Instant.EPOCH).orElseThrow();
    assertThat(offer.bootFileName()).isEqualTo("http://10.0.0.1/ipxe.efi");
    assertThat(offer.option(DhcpOptionType.VENDOR_CLASS_IDENTIFIER))
        .contains(VendorClass.of("HTTPClient"));
    assertThat(offer.options().contains(DhcpOptionCode.VENDOR_SPECIFIC)).isFalse();
  }

  @Test
  void anIpxeRomGetsTheBinaryInOfferAndAckAndItsChainloadedIpxeTheScript() {
    FullDhcpReplies replacing = new FullDhcpReplies(
        BootPolicies.always(BootDecision.ipxeScriptUrl("http://10.0.0.1/boot.ipxe")),
        PxeServerSettings.builder().replaceIpxeRoms(true).build(), ChainloadMemory.create());
    // QEMU's BIOS ROM is iPXE: DISCOVER and REQUEST of one exchange, then the chainloaded
    // undionly.kpxe's own DISCOVER with a fresh transaction id.
    DhcpMessage discover = TestRequests.discover("PXEClient:Arch:00000:UNDI:002001",
        ClientArchitecture.X86_BIOS).toBuilder()
        .option(DhcpOptionType.USER_CLASS, UserClass.raw("iPXE")).build();
    DhcpMessage request = discover.toBuilder()
        .option(DhcpOptionType.MESSAGE_TYPE, DhcpMessageType.REQUEST)
        .option(DhcpOptionType.SERVER_IDENTIFIER, SERVER).build();
    Instant t = Instant.EPOCH;
    assertThat(replacing.answer(discover, SERVER, LEASE, t).orElseThrow().bootFileName())
        .isEqualTo("undionly.kpxe");
    assertThat(replacing.answer(request, SERVER, LEASE, t.plusSeconds(1)).orElseThrow()
        .bootFileName()).isEqualTo("undionly.kpxe");
    DhcpMessage chained = discover.toBuilder().transactionId(0x55667788).build();
    assertThat(replacing.answer(chained, SERVER, LEASE, t.plusSeconds(5)).orElseThrow()
        .bootFileName()).isEqualTo("http://10.0.0.1/boot.ipxe");
  }
}
