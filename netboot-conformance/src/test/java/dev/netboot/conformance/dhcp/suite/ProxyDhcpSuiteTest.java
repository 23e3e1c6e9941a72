package dev.netboot.conformance.dhcp.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.netboot.conformance.dhcp.PxeFirmware;
import dev.netboot.dhcp.DhcpMessage;
import dev.netboot.dhcp.DhcpMessageType;
import dev.netboot.dhcp.DhcpOptionCode;
import dev.netboot.dhcp.DhcpOptionType;
import dev.netboot.dhcp.VendorClass;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ProxyDhcpSuiteTest {
  /** Loopback answers in milliseconds once warm; a second leaves room for a cold, busy JVM. */
  private static final Duration WINDOW = Duration.ofSeconds(1);
  private static final long SEED = 0x5EED_8L;

  @Test
  void netbootsOwnRespondersPassEveryCheck() throws Exception {
    try (LoopbackResponders server = LoopbackResponders.conforming()) {
      ProxyDhcpSuiteReport report = suite(server).build().run();

      assertThat(report.passed()).as(report.toText()).isTrue();
      assertThat(report.count(CheckResult.Status.SKIP)).as(report.toText()).isZero();
      assertThat(report.checks()).extracting(CheckResult::id).doesNotHaveDuplicates()
          .contains("offer.uefi-http-x64.options", "silent.plain-discover",
              "bootserver.menu-request", "bootserver.binl-request");
      assertThat(report.checks()).hasSize(PxeFirmware.values().length * 6 + 19);
      assertThat(report.toText()).contains("seed " + SEED).endsWith(report.summary() + "\n");
      assertThat(report.toMarkdown())
          .contains("| PASS | `offer.bios-vendor-rom.one-offer` | exactly one OFFER");
    }
  }

  @Test
  void aProxyThatAnswersPlainClientsFailsTheirChecks() throws Exception {
    // The fault: a plain client (no option 60) gets the answer a PXE client of its MAC would.
    LoopbackResponders.Fault answersEveryone = (request, reply) -> {
      if (reply.isPresent() || request.options().contains(DhcpOptionCode.VENDOR_CLASS_IDENTIFIER)
          || !DhcpMessageType.DISCOVER.equals(request.messageType())) {
        return reply.stream().toList();
      }
      return List.of(DhcpMessage.builder().op(dev.netboot.dhcp.DhcpOp.BOOTREPLY)
          .transactionId(request.transactionId()).hardwareAddress(request.hardwareAddress())
          .option(DhcpOptionType.MESSAGE_TYPE, DhcpMessageType.OFFER)
          .option(DhcpOptionType.SERVER_IDENTIFIER, LoopbackResponders.LOOPBACK)
          .option(DhcpOptionType.VENDOR_CLASS_IDENTIFIER, VendorClass.of("PXEClient"))
          .bootFileName("undionly.kpxe").build());
    };
    try (LoopbackResponders server = new LoopbackResponders(answersEveryone)) {
      ProxyDhcpSuiteReport report = suite(server).build().run();

      assertThat(statuses(report)).containsEntry("silent.plain-discover", CheckResult.Status.FAIL)
          .containsEntry("silent.plain-request", CheckResult.Status.PASS)
          .containsEntry("offer.uefi-x64.one-offer", CheckResult.Status.PASS);
      assertThat(report.failures()).extracting(CheckResult::id)
          .containsExactly("silent.plain-discover");
      assertThat(report.passed()).isFalse();
      assertThat(report.toText()).contains("expects: nothing for a plain DHCPDISCOVER");
    }
  }

  @Test
  void duplicateOffersAndLostGuidsAreCaught() throws Exception {
    // The fault: every OFFER is sent twice, without option 97 and with an address in yiaddr.
    LoopbackResponders.Fault sloppy = (request, reply) -> reply
        .map(r -> r.toBuilder().removeOption(DhcpOptionCode.CLIENT_MACHINE_IDENTIFIER)
            .yourAddress(dev.netboot.conformance.dhcp.DhcpGenerators.ipv4(0x0A000063)).build())
        .map(r -> List.of(r, r)).orElse(List.of());
    try (LoopbackResponders server = new LoopbackResponders(sloppy)) {
      ProxyDhcpSuiteReport report = suite(server).build().run();
      Map<String, CheckResult.Status> statuses = statuses(report);

      for (PxeFirmware family : PxeFirmware.values()) {
        String slug = BootRules.slug(family);
        assertThat(statuses).containsEntry("offer." + slug + ".one-offer", CheckResult.Status.FAIL)
            .containsEntry("offer." + slug + ".guid", CheckResult.Status.FAIL)
            .containsEntry("offer." + slug + ".header", CheckResult.Status.FAIL);
      }
      assertThat(statuses).containsEntry("offer.no-guid", CheckResult.Status.FAIL)
          .containsEntry("silent.bad-cookie", CheckResult.Status.PASS);
      assertThat(detail(report, "offer.uefi-x64.header")).contains("yiaddr 10.0.0.99");
    }
  }

  @Test
  void aServerThatIsNotThereFailsWithinTheWindow() throws Exception {
    int dhcpPort;
    int bootPort;
    try (LoopbackResponders gone = LoopbackResponders.conforming()) {
      dhcpPort = gone.dhcpPort();
      bootPort = gone.bootServerPort();
    }
    long start = System.nanoTime();
    ProxyDhcpSuiteReport report = ProxyDhcpSuite.builder(LoopbackResponders.LOOPBACK)
        .dhcpPort(dhcpPort).bootServerPort(bootPort).clientPort(0).seed(SEED).timeout(WINDOW)
        .build().run();

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(WINDOW.multipliedBy(5));
    assertThat(statuses(report)).containsEntry("offer.bios-vendor-rom.one-offer",
            CheckResult.Status.FAIL)
        .containsEntry("offer.bios-vendor-rom.boot", CheckResult.Status.SKIP)
        .containsEntry("bootserver.menu-request", CheckResult.Status.SKIP)
        .containsEntry("silent.bootp", CheckResult.Status.PASS);
  }

  @Test
  void anOfferWithNeitherFileNorMenuSuitsOnlyClientsThatAskTheBootServer() throws Exception {
    // As dnsmasq answers UEFI: PXEClient and nothing else; edk2 and iPXE then ask port 4011.
    LoopbackResponders.Fault bare = (request, reply) -> reply
        .map(r -> r.toBuilder().bootFileName("").removeOption(DhcpOptionCode.BOOTFILE_NAME)
            .removeOption(DhcpOptionCode.VENDOR_SPECIFIC).build())
        .stream().toList();
    try (LoopbackResponders server = new LoopbackResponders(bare)) {
      ProxyDhcpSuiteReport report = suite(server).build().run();

      assertThat(statuses(report))
          .containsEntry("offer.uefi-x64.boot", CheckResult.Status.PASS)
          .containsEntry("offer.uefi-arm64.boot", CheckResult.Status.PASS)
          .containsEntry("offer.ipxe-chainloaded.boot", CheckResult.Status.PASS)
          .containsEntry("offer.bios-vendor-rom.boot", CheckResult.Status.FAIL)
          .containsEntry("offer.uefi-http-x64.boot", CheckResult.Status.FAIL)
          .containsEntry("bootserver.menu-request", CheckResult.Status.SKIP)
          .containsEntry("bootserver.binl-request", CheckResult.Status.PASS)
          .containsEntry("bootserver.binl-request-arm64", CheckResult.Status.PASS)
          .containsEntry("bootserver.ipxe-proxy-request", CheckResult.Status.PASS);
      assertThat(detail(report, "offer.uefi-x64.boot")).contains("BINL");
    }
  }

  @Test
  void anUnexpectedBootFileFailsTheBootCheck() throws Exception {
    try (LoopbackResponders server = LoopbackResponders.conforming()) {
      ProxyDhcpSuiteReport report = suite(server)
          .expectedBootFile(f -> f.equals("snp.efi"), PxeFirmware.UEFI_ARM64)
          .expectedBootFile(f -> f.equals("grubx64.efi"), PxeFirmware.UEFI_X64)
          .build().run();

      assertThat(report.failures()).extracting(CheckResult::id)
          .containsExactlyInAnyOrder("offer.uefi-x64.boot", "bootserver.binl-request");
      assertThat(detail(report, "offer.uefi-x64.boot"))
          .contains("\"ipxe.efi\" is not the file expected for uefi-x64");
    }
  }

  @Test
  void theSameSeedSendsTheSameClients() throws Exception {
    try (LoopbackResponders server = LoopbackResponders.conforming()) {
      String a = detail(suite(server).build().run(), "offer.bios-vendor-rom.header");
      String b = detail(suite(server).build().run(), "offer.bios-vendor-rom.header");

      assertThat(a).isEqualTo(b).contains("xid 0x");
    }
  }

  @Test
  void fileRulesKnowTheArchitectures() {
    assertThat(BootRules.file(PxeFirmware.UEFI_X64, "undionly.kpxe")).isNotEmpty();
    assertThat(BootRules.file(PxeFirmware.BIOS_VENDOR_ROM, "ipxe.efi")).isNotEmpty();
    assertThat(BootRules.file(PxeFirmware.UEFI_ARM64, "efi/grubx64.efi")).isNotEmpty();
    assertThat(BootRules.file(PxeFirmware.UEFI_X64, "grubaa64.efi")).isNotEmpty();
    assertThat(BootRules.file(PxeFirmware.BIOS_VENDOR_ROM, "http://10.0.0.1/x.0")).isNotEmpty();
    assertThat(BootRules.file(PxeFirmware.UEFI_HTTP_X64, "ipxe.efi")).isNotEmpty();
    assertThat(BootRules.file(PxeFirmware.UEFI_ARM64, "snp.efi")).isEmpty();
    assertThat(BootRules.file(PxeFirmware.IPXE_EFI_X64,
        "http://10.0.0.1:8080/boot.ipxe?mac=02-00-00-00-00-01&arch=7")).isEmpty();
    assertThat(BootRules.file(PxeFirmware.BIOS_VENDOR_ROM, "pxelinux.0")).isEmpty();
  }

  @Test
  void builderRejectsNonsense() {
    ProxyDhcpSuite.Builder b = ProxyDhcpSuite.builder(LoopbackResponders.LOOPBACK);

    assertThatThrownBy(() -> b.dhcpPort(0)).hasMessage("dhcpPort: 0 (expected: 1-65535)");
    assertThatThrownBy(() -> b.clientPort(65536))
        .hasMessage("clientPort: 65536 (expected: 0-65535)");
    assertThatThrownBy(() -> b.timeout(Duration.ZERO))
        .hasMessageContaining("(expected: more than 0, at most PT1M)");
  }

  private static ProxyDhcpSuite.Builder suite(LoopbackResponders server) {
    return ProxyDhcpSuite.builder(LoopbackResponders.LOOPBACK).dhcpPort(server.dhcpPort())
        .bootServerPort(server.bootServerPort()).clientPort(0).seed(SEED).timeout(WINDOW);
  }

  private static Map<String, CheckResult.Status> statuses(ProxyDhcpSuiteReport report) {
    return report.checks().stream()
        .collect(Collectors.toMap(CheckResult::id, CheckResult::status));
  }

  private static String detail(ProxyDhcpSuiteReport report, String id) {
    Optional<CheckResult> c = report.checks().stream().filter(x -> x.id().equals(id)).findFirst();
    assertThat(c).as(id).isPresent();
    return c.get().detail();
  }
}
