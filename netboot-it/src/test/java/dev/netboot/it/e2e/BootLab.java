package dev.netboot.it.e2e;

import dev.netboot.it.PeerProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One boot's private network: two namespaces with random suffixes, deleted by {@link #close()}.
 *
 * <pre>
 *   server namespace nbe-XXXXXX                 dhcp namespace nbd-XXXXXX
 *   br0 10.203.0.1/24 (netboot)                 eth0 10.203.0.2/24 (dnsmasq, address-only)
 *    |- tap0  (QEMU's NIC)                        |
 *    '- vdhcp ----------- veth pair -------------'
 * </pre>
 *
 * <p>dnsmasq gets its own namespace because both it and netboot listen on UDP 67: in one
 * namespace the second bind fails or steals the first one's broadcasts. QEMU runs in the server
 * namespace, where its tap device is. Every process started here is ours and is stopped, by its
 * own handle, before the namespaces go.
 */
final class BootLab implements AutoCloseable {
  /** netboot's address. */
  static final String SERVER_ADDRESS = "10.203.0.1";
  /** dnsmasq's address. */
  static final String DHCP_ADDRESS = "10.203.0.2";
  /** The segment's netmask. */
  static final String NETMASK = "255.255.255.0";
  /** First address handed out (by dnsmasq, or by netboot in full-DHCP mode). */
  static final String POOL_FIRST = "10.203.0.100";
  /** Last address handed out. */
  static final String POOL_LAST = "10.203.0.150";
  /** The bridge in the server namespace, where netboot serves. */
  static final String BRIDGE = "br0";
  /** The tap device QEMU attaches to. */
  static final String TAP = "tap0";

  private static final Logger log = LoggerFactory.getLogger(BootLab.class);
  private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(20);
  private static final int PREFIX = 24;

  private final String serverNs;
  private final String dhcpNs;
  private final Path logs;
  private final List<String> namespaces = new ArrayList<>();
  private final Deque<PeerProcess> processes = new ArrayDeque<>();

  private BootLab(String suffix, Path logs) {
    this.serverNs = "nbe-" + suffix;
    this.dhcpNs = "nbd-" + suffix;
    this.logs = logs;
  }

  /** Creates the namespaces, bridge, tap and veth; {@code logs} receives every process's log. */
  static BootLab create(Path logs) throws IOException, InterruptedException {
    Files.createDirectories(logs);
    String suffix = String.format("%06x", new SplittableRandom().nextInt(1 << 24));
    BootLab lab = new BootLab(suffix, logs);
    try {
      lab.build();
      return lab;
    } catch (IOException | InterruptedException | RuntimeException e) {
      lab.close();
      throw e;
    }
  }

  private void build() throws IOException, InterruptedException {
    for (String ns : List.of(serverNs, dhcpNs)) {
      run("ip", "netns", "add", ns);
      namespaces.add(ns);
      run("ip", "-n", ns, "link", "set", "lo", "up");
    }
    // STP off: a bridge port forwards at once instead of after the 15 s learning delay.
    run("ip", "-n", serverNs, "link", "add", BRIDGE, "type", "bridge", "stp_state", "0",
        "forward_delay", "0");
    run("ip", "-n", serverNs, "addr", "add", SERVER_ADDRESS + "/" + PREFIX, "dev", BRIDGE);
    run("ip", "-n", serverNs, "link", "set", BRIDGE, "up");
    run("ip", "-n", serverNs, "tuntap", "add", "dev", TAP, "mode", "tap");
    run("ip", "-n", serverNs, "link", "set", TAP, "master", BRIDGE, "up");
    run("ip", "-n", serverNs, "link", "add", "vdhcp", "type", "veth", "peer", "name", "eth0",
        "netns", dhcpNs);
    run("ip", "-n", serverNs, "link", "set", "vdhcp", "master", BRIDGE, "up");
    run("ip", "-n", dhcpNs, "addr", "add", DHCP_ADDRESS + "/" + PREFIX, "dev", "eth0");
    run("ip", "-n", dhcpNs, "link", "set", "eth0", "up");
    log.info("boot lab {} / {} ready, logs in {}", serverNs, dhcpNs, logs);
  }

  /** Returns the directory of this boot's logs. */
  Path logs() {
    return logs;
  }

  /** Starts {@code command} in the server namespace, its output in {@code <name>.log}. */
  PeerProcess startInServerNs(String name, List<String> command) throws IOException {
    return start(serverNs, name, command);
  }

  /** Starts {@code command} in the dhcp namespace, its output in {@code <name>.log}. */
  PeerProcess startInDhcpNs(String name, List<String> command) throws IOException {
    return start(dhcpNs, name, command);
  }

  /**
   * Waits until something in the server namespace listens on {@code port} ({@code udp} or
   * {@code tcp}), polling {@code ss} every 100 ms: readiness that does not depend on what a
   * program prints.
   *
   * @throws IllegalStateException if {@code process} exits or {@code timeout} passes first
   */
  void awaitListening(PeerProcess process, String protocol, int port, Duration timeout)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    String flag = protocol.equals("udp") ? "-Huln" : "-Htln";
    while (System.nanoTime() - deadline < 0) {
      PeerProcess.Result r = PeerProcess.run(COMMAND_TIMEOUT, logs, "ip", "netns", "exec",
          serverNs, "ss", flag, "sport = :" + port);
      if (r.exitCode() == 0 && !r.output().isBlank()) {
        return;
      }
      if (!process.isAlive()) {
        throw new IllegalStateException("exited before listening on " + protocol + " " + port
            + ":\n" + process.output());
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("nothing listens on " + protocol + " " + port + " after "
        + timeout + ":\n" + process.output());
  }

  private PeerProcess start(String ns, String name, List<String> command) throws IOException {
    List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", ns));
    full.addAll(command);
    Files.writeString(logs.resolve(name + ".cmd"), String.join(" ", full) + "\n");
    PeerProcess process = PeerProcess.start(logs.resolve(name + ".log"), full);
    processes.push(process);
    return process;
  }

  /** Stops every process started here (last first), then deletes the namespaces. */
  @Override
  public void close() {
    while (!processes.isEmpty()) {
      processes.pop().close();
    }
    for (String ns : namespaces) {
      try {
        PeerProcess.Result r = PeerProcess.run(COMMAND_TIMEOUT, logs, "ip", "netns", "del", ns);
        if (r.exitCode() != 0) {
          log.warn("could not delete namespace {}: {}", ns, r.describe());
        }
      } catch (IOException e) {
        log.warn("could not delete namespace {}", ns, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    namespaces.clear();
  }

  private void run(String... command) throws IOException, InterruptedException {
    PeerProcess.Result r = PeerProcess.run(COMMAND_TIMEOUT, logs, command);
    if (r.exitCode() != 0) {
      throw new IllegalStateException(String.join(" ", command) + ": " + r.describe());
    }
  }
}
