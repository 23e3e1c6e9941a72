package dev.netboot.conformance.pxe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netboot.conformance.Generator;
import dev.netboot.conformance.PropertyCheck;
import dev.netboot.conformance.dhcp.DhcpGenerators;
import dev.netboot.dhcp.DhcpMessage;
import dev.netboot.dhcp.DhcpMessageDecoder;
import dev.netboot.dhcp.DhcpMessageEncoder;
import dev.netboot.dhcp.DhcpOp;
import dev.netboot.dhcp.DhcpOptionType;
import dev.netboot.pxe.BootDecision;
import dev.netboot.pxe.BootPolicies;
import dev.netboot.pxe.BootPolicy;
import dev.netboot.pxe.BootServerResponder;
import dev.netboot.pxe.ChainloadMemory;
import dev.netboot.pxe.ClientFamily;
import dev.netboot.pxe.PxeClient;
import dev.netboot.pxe.PxeOptions;
import dev.netboot.pxe.PxeParseException;
import dev.netboot.pxe.PxeServerSettings;
import dev.netboot.pxe.ProxyDhcpResponder;
import java.net.Inet4Address;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Properties of option 43 and of the responders over generated firmware requests. */
class PxePropertiesTest {
  private static final int CASES = 3_000;
  private static final Inet4Address SERVER = DhcpGenerators.ipv4(0x0A000001);
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  private static final PxeServerSettings SETTINGS =
      PxeServerSettings.builder().httpBaseUrl("http://10.0.0.1:8080").build();
  private static final BootPolicy POLICY = BootPolicies.rules()
      .when(c -> c.macText().endsWith("0"), BootDecision.ignore())
      .when(c -> c.macText().endsWith("1"), BootDecision.bootFile("pxelinux.0"))
      .otherwise(BootDecision.linux("vmlinuz", List.of("initrd.img"), "quiet"));

  @Test
  void optionsRoundTrip() {
    PropertyCheck.forAll("decode(encode(o)) == o", CASES, PxeGenerators.options(), o ->
        assertThat(PxeOptions.decode(o.encode())).isEqualTo(o));
  }

  @Test
  void anyOptionBytesDecodeOrRaiseOnlyTheParseException() {
    Generator<byte[]> inputs = Generator.oneOf(PxeGenerators.optionBytes(), Generator.bytes(0, 300));
    PropertyCheck.forAll("option 43 decoder is total", CASES * 3, inputs, bytes -> {
      try {
        PxeOptions o = PxeOptions.decode(bytes);
        assertThat(PxeOptions.decode(o.encode())).isEqualTo(o);
      } catch (PxeParseException e) {
        assertThat(e.offset()).isBetween(0, bytes.length);
      }
    });
  }

  @Test
  void responderAnswersAreSafeForEveryClient() {
    Generator<DhcpMessage> requests =
        Generator.oneOf(DhcpGenerators.pxeRequests(), DhcpGenerators.plainRequests());
    Set<String> binaries = binaryNames(SETTINGS);
    int[] answered = new int[1];
    PropertyCheck.forAll("proxy answers", CASES, requests, request -> {
      ChainloadMemory memory = ChainloadMemory.create();
      PxeClient client = PxeClient.of(request);
      List<Optional<DhcpMessage>> answers = List.of(
          new ProxyDhcpResponder(POLICY, SETTINGS, memory).answer(request, SERVER, NOW),
          new BootServerResponder(POLICY, SETTINGS, memory).answer(request, SERVER, NOW));
      for (Optional<DhcpMessage> answer : answers) {
        if (!client.isPxe() || request.op() != DhcpOp.BOOTREQUEST) {
          assertThat(answer).as("answer to a non-PXE client").isEmpty();
          continue;
        }
        answer.ifPresent(reply -> {
          answered[0]++;
          checkReply(request, reply);
          if (client.family() == ClientFamily.IPXE) {
            assertThat(binaries).as("iPXE given an iPXE binary").doesNotContain(file(reply));
          }
        });
      }
    });
    assertThat(answered[0]).as("answers checked").isGreaterThan(CASES / 4);
  }

  @Test
  void withRomReplacementTheSameMachineNeverGetsIpxeTwice() {
    PxeServerSettings replacing = SETTINGS.toBuilder().replaceIpxeRoms(true).build();
    Set<String> binaries = binaryNames(replacing);
    PropertyCheck.forAll("one iPXE binary per machine", CASES, DhcpGenerators.pxeRequests(),
        request -> {
          ChainloadMemory memory = ChainloadMemory.create();
          ProxyDhcpResponder proxy = new ProxyDhcpResponder(POLICY, replacing, memory);
          BootServerResponder bootServer = new BootServerResponder(POLICY, replacing, memory);
          proxy.answer(request, SERVER, NOW);
          bootServer.answer(request, SERVER, NOW.plusSeconds(1));
          if (!PxeClient.of(request).isIpxe()) {
            return;
          }
          // The chainloaded iPXE asks in an exchange of its own (a new xid); a retransmission
          // of the first exchange is still the ROM and may get the binary again.
          DhcpMessage later = request.toBuilder().transactionId(request.transactionId() + 1)
              .build();
          for (Optional<DhcpMessage> again : List.of(
              proxy.answer(later, SERVER, NOW.plusSeconds(30)),
              bootServer.answer(later, SERVER, NOW.plusSeconds(31)))) {
            again.ifPresent(reply -> assertThat(binaries).doesNotContain(file(reply)));
          }
        });
  }

  private static void checkReply(DhcpMessage request, DhcpMessage reply) {
    assertThat(reply.op()).isEqualTo(DhcpOp.BOOTREPLY);
    assertThat(reply.transactionId()).isEqualTo(request.transactionId());
    assertThat(reply.hardwareAddress()).isEqualTo(request.hardwareAddress());
    assertThat(reply.serverAddress()).isEqualTo(SERVER);
    assertThat(reply.option(DhcpOptionType.SERVER_IDENTIFIER)).contains(SERVER);
    int max = request.option(DhcpOptionType.MAXIMUM_MESSAGE_SIZE)
        .orElse(DhcpMessageEncoder.MIN_MAX_MESSAGE_SIZE);
    byte[] wire = DhcpMessageEncoder.toBytes(reply, max);
    assertThat(wire.length).isLessThanOrEqualTo(
        Math.max(max, DhcpMessageEncoder.MIN_MAX_MESSAGE_SIZE) - DhcpMessageEncoder.IP_UDP_HEADER_LENGTH);
    assertThat(DhcpMessageDecoder.decode(wire)).isEqualTo(reply);
    reply.option(PxeOptions.OPTION_TYPE).ifPresent(o ->
        assertThat(o.encode().length).isLessThanOrEqualTo(PxeOptions.SINGLE_OPTION_LENGTH));
  }

  private static String file(DhcpMessage reply) {
    return reply.option(DhcpOptionType.BOOTFILE_NAME).orElse(reply.bootFileName());
  }

  private static Set<String> binaryNames(PxeServerSettings settings) {
    Set<String> names = new HashSet<>(settings.tftpIpxeBinaries().values());
    for (String path : settings.httpIpxeBinaries().values()) {
      names.add(settings.httpBaseUrl().orElseThrow() + "/" + path);
    }
    return names;
  }
}
