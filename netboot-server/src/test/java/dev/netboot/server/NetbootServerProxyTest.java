package dev.netboot.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netboot.dhcp.DhcpMessage;
import dev.netboot.dhcp.DhcpMessageType;
import dev.netboot.dhcp.DhcpOptionCode;
import dev.netboot.dhcp.DhcpOptionType;
import dev.netboot.pxe.BootDecision;
import dev.netboot.pxe.PxeClient;
import dev.netboot.pxe.PxeOptions;
import dev.netboot.server.http.FileCatalog;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ProxyDHCP and the boot server over real UDP sockets on loopback, with real captured requests. */
class NetbootServerProxyTest {
  static final Duration ANSWER = Duration.ofSeconds(3);
  static final Duration SILENCE = Duration.ofMillis(700);
  static final Inet4Address LOOPBACK = (Inet4Address) InetAddress.getLoopbackAddress();

  @TempDir Path dir;
  final List<NetbootEvent> events = new CopyOnWriteArrayList<>();
  final FileCatalog files = new FileCatalog();
  NetbootServer server;
  UdpTestClient client;
  String kernelPath;
  String initrdPath;

  @BeforeEach
  void start() throws IOException {
    Files.write(dir.resolve("undionly.kpxe"), new byte[] {1, 2, 3});
    kernelPath = files.register("vmlinuz", "KERNEL".getBytes(StandardCharsets.US_ASCII),
        "application/octet-stream");
    initrdPath = files.register("initrd.img", "INITRD".getBytes(StandardCharsets.US_ASCII),
        "application/octet-stream");
    BootDecision linux = BootDecision.linux(kernelPath, List.of(initrdPath), "console=ttyS0");
    server = serverBuilder()
        .asyncPolicy(c -> hangs(c)
            ? new CompletableFuture<>()
            : CompletableFuture.completedFuture(linux))
        .build().start();
    client = new UdpTestClient();
  }

  /** The MAC whose decision never completes. */
  static final String HANGING_MAC = "52:54:00:de:ad:00";

  static boolean hangs(PxeClient c) {
    return c.macText().equals(HANGING_MAC);
  }

  NetbootServer.Builder serverBuilder() {
    return NetbootServer.builder().address(LOOPBACK).files(files)
        .ipxeDirectory(dir).dhcpPort(0).bootServerPort(0).tftpPort(0).httpPort(0)
        .shutdownGrace(Duration.ofSeconds(1)).listener(events::add);
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  static DhcpMessage biosRom() {
    return UdpTestClient.capture("seabios-ipxe-rom", "001-client-DISCOVER.hex").toBuilder()
        .removeOption(DhcpOptionCode.USER_CLASS).removeOption(DhcpOptionCode.IPXE_ENCAPSULATED)
        .build();
  }

  @Test
  void biosPxeRomIsSentToThisBootServerThenGetsUndionly() throws IOException {
    DhcpMessage discover = biosRom();
    client.send(discover, server.dhcpPort());
    DhcpMessage offer = client.receive(ANSWER).orElseThrow();
    assertThat(offer.messageType()).isEqualTo(DhcpMessageType.OFFER);
    assertThat(offer.transactionId()).isEqualTo(discover.transactionId());
    // A vendor BIOS ROM gets the PXE menu naming this boot server, and its file on 4011.
    assertThat(offer.bootFileName()).isEmpty();
    assertThat(offer.option(PxeOptions.OPTION_TYPE).orElseThrow().bootServers())
        .singleElement().satisfies(s -> assertThat(s.addresses()).containsExactly(LOOPBACK));
    assertThat(offer.option(DhcpOptionType.SERVER_IDENTIFIER)).contains(LOOPBACK);
    assertThat(offer.yourAddress().isAnyLocalAddress()).isTrue();
    assertThat(events).anyMatch(e -> e instanceof NetbootEvent.MachineSeen s
        && s.mac().equals(discover.hardwareAddressText()) && s.serverPort() == server.dhcpPort());
    assertThat(events).anyMatch(e -> e instanceof NetbootEvent.BootDecided d
        && d.decision() instanceof BootDecision.LinuxBoot);
  }

  @Test
  void uefiPxeRomIsOfferedIpxeEfi() throws IOException {
    client.send(UdpTestClient.capture("ovmf-edk2-pxe", "001-client-DISCOVER.hex"),
        server.dhcpPort());
    DhcpMessage offer = client.receive(ANSWER).orElseThrow();
    assertThat(offer.bootFileName()).isEqualTo("ipxe.efi");
    assertThat(offer.option(DhcpOptionType.SERVER_IDENTIFIER)).contains(LOOPBACK);
  }

  @Test
  void ipxeIsOfferedTheScriptUrlWhichServesTheLinuxBoot() throws Exception {
    DhcpMessage discover = UdpTestClient.capture("undionly-ipxe", "010-client-DISCOVER.hex");
    client.send(discover, server.dhcpPort());
    DhcpMessage offer = client.receive(ANSWER).orElseThrow();
    String base = "http://127.0.0.1:" + server.httpPort();
    assertThat(offer.bootFileName()).startsWith(base + "/boot.ipxe?mac=");
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> script = http.send(
        HttpRequest.newBuilder(URI.create(offer.bootFileName())).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.body()).startsWith("#!ipxe")
        .contains("kernel " + base + kernelPath)
        .contains("initrd " + base + initrdPath)
        .contains("console=ttyS0");
    for (String path : List.of(kernelPath, initrdPath)) {
      HttpResponse<String> file = http.send(
          HttpRequest.newBuilder(URI.create(base + path)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(file.statusCode()).isEqualTo(200);
    }
    String mac = discover.hardwareAddressText();
    waitFor(() -> events.stream().anyMatch(
        e -> e instanceof NetbootEvent.BootFinished f && f.mac().equals(mac)));
    assertThat(events).anyMatch(e -> e instanceof NetbootEvent.FileServed f
        && mac.equals(f.mac()) && f.protocol() == NetbootEvent.Protocol.HTTP
        && f.path().equals(kernelPath) && f.bytes() == 6 && f.success());
  }

  @Test
  void scriptOfAnUnknownMachineIsNotFound() throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
            "http://127.0.0.1:" + server.httpPort() + "/boot.ipxe?mac=02-00-00-00-00-01")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(404);
  }

  @Test
  void plainDhcpClientGetsNothingFromAProxy() throws IOException {
    client.send(UdpTestClient.capture("dhclient", "001-client-DISCOVER.hex"), server.dhcpPort());
    assertThat(client.receive(SILENCE)).isEmpty();
    client.send(UdpTestClient.capture("udhcpc", "001-client-DISCOVER.hex"), server.dhcpPort());
    assertThat(client.receive(SILENCE)).isEmpty();
  }

  @Test
  void serverMessagesAndPlainBootpAreNeverAnswered() throws IOException {
    client.send(UdpTestClient.capture("ovmf-edk2-pxe", "002-server-OFFER.hex"),
        server.dhcpPort());
    DhcpMessage bootp = biosRom().toBuilder().removeOption(DhcpOptionCode.MESSAGE_TYPE).build();
    client.send(bootp, server.dhcpPort());
    DhcpMessage clientSentAck = biosRom().toBuilder()
        .option(DhcpOptionType.MESSAGE_TYPE, DhcpMessageType.ACK).build();
    client.send(clientSentAck, server.dhcpPort());
    assertThat(client.receive(SILENCE)).isEmpty();
  }

  @Test
  void bootServerAnswersARequestOn4011WithAnAck() throws IOException {
    DhcpMessage request = UdpTestClient.capture("seabios-ipxe-rom", "006-client-REQUEST.hex")
        .toBuilder().removeOption(DhcpOptionCode.USER_CLASS)
        .removeOption(DhcpOptionCode.IPXE_ENCAPSULATED).build();
    client.send(request, server.bootServerPort());
    DhcpMessage ack = client.receive(ANSWER).orElseThrow();
    assertThat(ack.messageType()).isEqualTo(DhcpMessageType.ACK);
    assertThat(ack.transactionId()).isEqualTo(request.transactionId());
    assertThat(ack.bootFileName()).isEqualTo("undionly.kpxe");
    assertThat(ack.option(DhcpOptionType.SERVER_IDENTIFIER)).contains(LOOPBACK);
  }

  @Test
  void malformedDatagramsAreDroppedWhileAValidClientIsAnswered() throws IOException {
    client.sendRaw(new byte[] {1, 2, 3}, server.dhcpPort());
    byte[] badCookie = dev.netboot.dhcp.DhcpMessageEncoder.toBytes(biosRom());
    badCookie[236] = 0x12;
    client.sendRaw(badCookie, server.dhcpPort());
    byte[] truncatedOption = dev.netboot.dhcp.DhcpMessageEncoder.toBytes(biosRom());
    truncatedOption = java.util.Arrays.copyOf(truncatedOption, 243);
    truncatedOption[240] = 60;
    truncatedOption[241] = (byte) 200;
    client.sendRaw(truncatedOption, server.dhcpPort());
    client.sendRaw(new byte[1500], server.dhcpPort());
    client.send(biosRom(), server.dhcpPort());
    DhcpMessage offer = client.receive(ANSWER).orElseThrow();
    assertThat(offer.messageType()).isEqualTo(DhcpMessageType.OFFER);
    assertThat(client.receive(SILENCE)).isEmpty();
  }

  @Test
  void aDecisionThatNeverCompletesDoesNotDelayAnotherClient() throws IOException {
    DhcpMessage hanging = biosRom().toBuilder().hardwareAddress(mac(HANGING_MAC)).build();
    client.send(hanging, server.dhcpPort());
    client.send(biosRom(), server.dhcpPort());
    DhcpMessage offer = client.receive(ANSWER).orElseThrow();
    assertThat(offer.hardwareAddressText()).isEqualTo(biosRom().hardwareAddressText());
    assertThat(client.receive(SILENCE)).isEmpty();
  }

  static byte[] mac(String text) {
    return java.util.HexFormat.ofDelimiter(":").parseHex(text);
  }

  static Inet4Address ip(String text) {
    try {
      return (Inet4Address) InetAddress.getByName(text);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + ANSWER.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within " + ANSWER);
      }
      Thread.sleep(20);
    }
  }

}
