package dev.netboot.it.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netboot.it.PeerProcess;
import dev.netboot.it.Peers;
import dev.netboot.pxe.BootDecision;
import dev.netboot.pxe.BootPolicies;
import dev.netboot.server.NetbootServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One server on two segments answers each with that segment's address: two veth pairs whose
 * server ends (10.201.1.1/24 and 10.201.2.1/24) stay in this namespace, their client ends in two
 * namespaces without addresses, like firmware. A broadcast DISCOVER from each namespace must
 * get an OFFER naming its own segment's address as server identifier, next-server and in the
 * boot URL. A server on one 0.0.0.0 socket could not tell the two broadcasts apart. Needs root
 * and {@code ip}.
 */
class MultiInterfaceTest {
  private static final Duration COMMAND = Duration.ofSeconds(10);
  private static final Duration CLIENT = Duration.ofSeconds(30);

  @TempDir Path work;

  @Test
  void eachSegmentIsAnsweredWithItsOwnAddress() throws Exception {
    Peers.requireRoot();
    Peers.require("ip");
    String suffix = Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000, 0xFFFFF));
    List<Segment> segments = List.of(
        new Segment("nbsa" + suffix, "nbca" + suffix, "nbnsa" + suffix, "10.201.1.1"),
        new Segment("nbsb" + suffix, "nbcb" + suffix, "nbnsb" + suffix, "10.201.2.1"));
    List<Segment> created = new ArrayList<>();
    try {
      for (Segment s : segments) {
        created.add(s);
        s.create();
      }
      try (NetbootServer server = NetbootServer.builder()
          .interfaces(segments.stream().map(Segment::serverEnd).toList())
          .policy(BootPolicies.always(BootDecision.linux("/vmlinuz", List.of(), "quiet")))
          .dhcpPort(0).bootServerPort(0).tftpPort(0).httpPort(0)
          .shutdownGrace(Duration.ZERO)
          .build().start()) {
        int i = 0;
        for (Segment s : segments) {
          String mac = String.format("02:00:00:00:%02x:01", ++i);
          PeerProcess.Result r = run(CLIENT, List.of("ip", "netns", "exec", s.namespace(),
              javaCommand(), "-cp", System.getProperty("java.class.path"),
              MultiInterfaceClient.class.getName(), Integer.toString(server.dhcpPort()), mac,
              "5000"));
          assertThat(r.exitCode()).as(r.describe()).isZero();
          String base = "http://" + s.serverAddress() + ":" + server.httpPort() + "/";
          assertThat(r.output()).as(r.describe())
              .contains("siaddr=" + s.serverAddress() + " ")
              .contains("sid=" + s.serverAddress() + " ")
              .contains("file=" + base + "boot.ipxe?mac=" + mac.replace(':', '-'));
        }
      }
    } finally {
      for (Segment s : created) {
        s.delete();
      }
    }
  }

  private PeerProcess.Result run(Duration timeout, List<String> command) throws Exception {
    return PeerProcess.run(timeout, work, null, command);
  }

  private static String javaCommand() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** One veth pair: the server end here with an address, the client end in a namespace. */
  private record Segment(
      String serverEnd, String clientEnd, String namespace, String serverAddress) {
    void create() throws Exception {
      cmd("ip", "netns", "add", namespace);
      cmd("ip", "link", "add", serverEnd, "type", "veth", "peer", "name", clientEnd);
      cmd("ip", "link", "set", clientEnd, "netns", namespace);
      cmd("ip", "addr", "add", serverAddress + "/24", "dev", serverEnd);
      cmd("ip", "link", "set", serverEnd, "up");
      cmd("ip", "-n", namespace, "link", "set", "lo", "up");
      cmd("ip", "-n", namespace, "link", "set", clientEnd, "up");
      // No address, like firmware: the DISCOVER leaves from 0.0.0.0 as a broadcast.
      cmd("ip", "-n", namespace, "route", "add", "255.255.255.255", "dev", clientEnd);
    }

    void delete() throws Exception {
      // Deleting one end of a veth pair deletes both; the namespace goes with its contents.
      PeerProcess.run(COMMAND, Path.of("/"), null, List.of("ip", "link", "del", serverEnd));
      PeerProcess.run(COMMAND, Path.of("/"), null, List.of("ip", "netns", "del", namespace));
    }

    private static void cmd(String... command) throws Exception {
      PeerProcess.Result r = PeerProcess.run(COMMAND, Path.of(System.getProperty(
          "java.io.tmpdir")), null, List.of(command));
      assertThat(r.exitCode()).as(String.join(" ", command) + ": " + r.describe()).isZero();
    }
  }
}
