package dev.netboot.server.simulation;

import dev.netboot.dhcp.ClientArchitecture;
import dev.netboot.dhcp.DhcpMessage;
import dev.netboot.dhcp.DhcpMessageDecoder;
import dev.netboot.dhcp.DhcpMessageEncoder;
import dev.netboot.pxe.BootDecision;
import dev.netboot.pxe.BootPolicies;
import dev.netboot.pxe.BootServerResponder;
import dev.netboot.pxe.ChainloadMemory;
import dev.netboot.pxe.IpxeScripts;
import dev.netboot.pxe.ProxyDhcpResponder;
import dev.netboot.pxe.PxeClient;
import dev.netboot.pxe.PxeServerSettings;
import dev.netboot.tftp.files.InMemoryFileSource;
import dev.netboot.tftp.udp.TftpServer;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * The pure responders of netboot-pxe wired to loopback sockets, with a TFTP server and the JDK's
 * HTTP server: a stand-in for NetbootServer that tests the simulation on its own.
 */
final class LoopbackPxeServer implements AutoCloseable {
  static final Inet4Address LOOPBACK = loopback();
  static final byte[] UNDIONLY = bytes(300_000, 1);
  static final byte[] IPXE_EFI = bytes(200_000, 2);
  static final byte[] KERNEL = bytes(150_000, 3);
  static final byte[] INITRD = bytes(90_000, 4);
  static final byte[] PXELINUX = bytes(40_000, 5);
  static final byte[] LDLINUX = bytes(120_000, 6);

  private final DatagramSocket dhcp;
  private final DatagramSocket bootServer;
  private final TftpServer tftp;
  private final TinyHttpServer http;
  private final Map<String, byte[]> httpFiles = new ConcurrentHashMap<>();
  private final BootDecision decision;

  LoopbackPxeServer(boolean replaceIpxeRoms, boolean sharedMemory) throws IOException {
    this(replaceIpxeRoms, sharedMemory, true, false);
  }

  /** A server whose BIOS clients boot lpxelinux.0, with a pxelinux.cfg/default. */
  static LoopbackPxeServer pxelinux() throws IOException {
    return new LoopbackPxeServer(false, true, true, true);
  }

  /**
   * @param replaceIpxeRoms whether iPXE ROMs get our iPXE binary first
   * @param sharedMemory whether ports 67 and 4011 share one {@link ChainloadMemory}
   * @param ipxeOn4011 whether port 4011 answers iPXE's ProxyDHCP requests (items only if not)
   */
  LoopbackPxeServer(boolean replaceIpxeRoms, boolean sharedMemory, boolean ipxeOn4011,
      boolean pxelinux) throws IOException {
    decision = pxelinux ? BootDecision.bootFile("boot/lpxelinux.0")
        : BootDecision.linux("kernel", List.of("initrd"), "console=ttyS0");
    PxeServerSettings[] settingsOf = new PxeServerSettings[1];
    http = new TinyHttpServer(LOOPBACK, uri -> {
      if (uri.getPath().equals("/boot.ipxe")) {
        int arch = Integer.parseInt(uri.getQuery().replaceAll(".*arch=(\\d+).*", "$1"));
        return IpxeScripts.linux((BootDecision.LinuxBoot) decision,
            ClientArchitecture.valueOf(arch), settingsOf[0]).getBytes(StandardCharsets.UTF_8);
      }
      return httpFiles.get(uri.getPath());
    });
    PxeServerSettings settings = PxeServerSettings.builder()
        .httpBaseUrl("http://127.0.0.1:" + http.port())
        .replaceIpxeRoms(replaceIpxeRoms).build();
    settingsOf[0] = settings;
    ChainloadMemory memory = ChainloadMemory.create();
    ProxyDhcpResponder proxy =
        new ProxyDhcpResponder(BootPolicies.always(decision), settings, memory);
    BootServerResponder boot = new BootServerResponder(BootPolicies.always(decision), settings,
        sharedMemory ? memory : ChainloadMemory.create());
    dhcp = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0));
    bootServer = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0));
    serve(dhcp, (request, now) -> proxy.answer(request, LOOPBACK, now));
    serve(bootServer, (request, now) -> ipxeOn4011 || PxeClient.of(request).bootItem().isPresent()
        ? boot.answer(request, LOOPBACK, now) : Optional.empty());
    String base = "http://127.0.0.1:" + http.port();
    tftp = TftpServer.builder(InMemoryFileSource.builder().add("undionly.kpxe", UNDIONLY)
        .add("ipxe.efi", IPXE_EFI).add("boot/lpxelinux.0", PXELINUX)
        .add("boot/ldlinux.c32", LDLINUX)
        .add("boot/pxelinux.cfg/default", ("DEFAULT linux\nLABEL linux\n  KERNEL " + base
            + "/kernel\n  APPEND initrd=" + base + "/initrd console=ttyS0\n")
            .getBytes(StandardCharsets.US_ASCII))
        .build()).bind(LOOPBACK, 0).build().start();
    httpFiles.put("/kernel", KERNEL);
    httpFiles.put("/initrd", INITRD);
  }

  /** Removes an HTTP file, so that fetching it fails with 404. */
  void removeHttpFile(String path) {
    httpFiles.remove(path);
  }

  SimulatedMachine.Builder machine(String mac, Firmware firmware) {
    return SimulatedMachine.builder(mac).firmware(firmware).server(LOOPBACK)
        .dhcpPort(dhcp.getLocalPort()).bootServerPort(bootServer.getLocalPort())
        .tftpPort(tftp.boundAddress().getPort());
  }

  private static void serve(DatagramSocket socket,
      BiFunction<DhcpMessage, Instant, Optional<DhcpMessage>> responder) {
    Thread t = new Thread(() -> {
      byte[] buffer = new byte[2048];
      while (!socket.isClosed()) {
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        try {
          socket.receive(packet);
          DhcpMessage request = DhcpMessageDecoder.decode(
              Arrays.copyOf(packet.getData(), packet.getLength()));
          Optional<DhcpMessage> reply = responder.apply(request, Instant.now());
          if (reply.isPresent()) {
            byte[] bytes = DhcpMessageEncoder.toBytes(reply.get());
            // The addressing rule of design.md: a client with a source address gets the answer
            // back at that address and port.
            socket.send(new DatagramPacket(bytes, bytes.length, packet.getSocketAddress()));
          }
        } catch (SocketException e) {
          return;
        } catch (IOException | RuntimeException e) {
          // a bad datagram: wait for the next
        }
      }
    }, "loopback-dhcp-" + socket.getLocalPort());
    t.setDaemon(true);
    t.start();
  }

  @Override
  public void close() {
    dhcp.close();
    bootServer.close();
    tftp.close();
    try {
      http.close();
    } catch (IOException e) {
      // closing a listening socket does not fail in practice
    }
  }

  private static byte[] bytes(int size, int seed) {
    byte[] b = new byte[size];
    for (int i = 0; i < size; i++) {
      b[i] = (byte) (i * 31 + seed);
    }
    return b;
  }

  private static Inet4Address loopback() {
    try {
      return (Inet4Address) InetAddress.getByName("127.0.0.1");
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
