package dev.netboot.it.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netboot.it.PeerProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code netboot boot --dhcp full} hands an address to a client that broadcasts from 0.0.0.0,
 * as firmware does, whichever way it was told where to serve: {@code --interface} (a socket bound
 * to the device) or {@code --address} (the host's address on that segment). Linux delivers a
 * datagram sent to 255.255.255.255 only to sockets bound to the wildcard address, so a server
 * that binds its DHCP socket to the unicast address named by {@code --address} never sees a
 * DISCOVER. The client is busybox's udhcpc in the lab's second namespace, dressed as a BIOS PXE
 * ROM (vendor class and architecture); no guest, so each case takes seconds.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ServerAddressDhcpTest {
  private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(40);
  private static final Duration SERVER_START_TIMEOUT = Duration.ofSeconds(60);
  private static final int HTTP_PORT = 8080;
  private static final Path LOGS = Path.of("target", "e2e").toAbsolutePath();

  @BeforeAll
  static void peers() {
    BootPeers.requireCommon();
  }

  @Test
  void fullDhcpOnAnInterfaceAnswersABroadcastDiscover() throws Exception {
    leaseFrom("full-dhcp-interface", List.of("--interface", BootLab.BRIDGE));
  }

  @Test
  void fullDhcpOnAnAddressAnswersABroadcastDiscover() throws Exception {
    leaseFrom("full-dhcp-address", List.of("--address", BootLab.SERVER_ADDRESS));
  }

  private static void leaseFrom(String name, List<String> where) throws Exception {
    Path jar = BootPeers.netbootJar();
    try (BootLab lab = BootLab.create(LOGS.resolve(name))) {
      List<String> command = new ArrayList<>(List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
          "-jar", jar.toString(), "boot", BootPeers.KERNEL.toString(),
          "--http-port", Integer.toString(HTTP_PORT), "--dhcp", "full",
          "--pool", BootLab.POOL_FIRST + "-" + BootLab.POOL_LAST, "--netmask", BootLab.NETMASK));
      command.addAll(where);
      PeerProcess netboot = lab.startInServerNs("netboot", command);
      lab.awaitListening(netboot, "udp", 67, SERVER_START_TIMEOUT);
      lab.awaitListening(netboot, "tcp", HTTP_PORT, SERVER_START_TIMEOUT);

      // -n: give up after -t DISCOVERs, -T seconds apart; -s /bin/true: configure nothing.
      PeerProcess udhcpc = lab.startInDhcpNs("udhcpc", List.of(
          BootPeers.BUSYBOX_STATIC.toString(), "udhcpc", "-i", "eth0", "-f", "-q", "-n",
          "-t", "5", "-T", "2", "-s", "/bin/true",
          "-V", "PXEClient:Arch:00000:UNDI:002001", "-x", "0x5d:0000"));
      String output;
      try {
        output = udhcpc.awaitOutput("obtained from " + BootLab.SERVER_ADDRESS, CLIENT_TIMEOUT);
      } catch (IllegalStateException e) {
        throw new AssertionError("udhcpc got no lease from netboot " + where + " (logs in "
            + lab.logs() + ")\n" + e.getMessage() + "\nnetboot:\n" + netboot.output(), e);
      }
      assertThat(output).containsPattern("lease of 10\\.203\\.0\\.(1[0-4][0-9]|150) obtained");
    }
  }
}
