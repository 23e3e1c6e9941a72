package dev.netboot.cli.server;

import dev.netboot.cli.NetbootVersion;
import dev.netboot.pxe.BootDecision;
import dev.netboot.server.NetbootServer;
import dev.netboot.server.simulation.BootTrace;
import dev.netboot.server.simulation.Firmware;
import dev.netboot.server.simulation.SimulatedMachine;
import dev.netboot.tftp.files.InMemoryFileSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code netboot demo}: a whole network boot on this machine, no root and no files needed. A
 * server on 127.0.0.1 (ephemeral ports, stand-in iPXE binary, kernel and initrd made in memory)
 * and a simulated machine that boots from it as real firmware does, printing each step.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    versionProvider = NetbootVersion.class,
    description = "Boots a simulated machine from a server on 127.0.0.1 (ProxyDHCP, PXE boot"
        + " server, TFTP, HTTP), with stand-in files made in memory, and prints each step."
        + " Needs no root and no files.",
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {"0:the simulated machine booted", "1:it did not", "2:usage error"})
public final class DemoCommand implements Callable<Integer> {
  /** The stand-in undionly.kpxe: about the size of the real one's TFTP download and more. */
  static final int IPXE_SIZE = 1 << 20;
  static final int KERNEL_SIZE = 400 << 10;
  static final int INITRD_SIZE = 300 << 10;
  static final String CMDLINE = "console=ttyS0 netboot.demo=1";

  @Option(names = "--firmware", paramLabel = "bios|uefi|ipxe", defaultValue = "bios",
      description = "The simulated machine's firmware: bios (a PXE ROM, default), uefi (edk2's"
          + " PXE) or ipxe (an iPXE ROM).")
  private String firmware = "bios";

  @Option(names = "--mac", paramLabel = "MAC", defaultValue = "52:54:00:de:e0:01",
      description = "The simulated machine's MAC address (default: ${DEFAULT-VALUE}).")
  private String mac = "52:54:00:de:e0:01";

  @Spec private @Nullable CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    CommandSpec s = spec();
    Firmware chosen = firmware(s);
    PrintWriter out = s.commandLine().getOut();
    Inet4Address loopback = (Inet4Address) InetAddress.getByName("127.0.0.1");
    SimulatedMachine.Builder machine;
    try {
      machine = SimulatedMachine.builder(mac);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(s.commandLine(), "--mac: " + e.getMessage());
    }
    AtomicReference<BootDecision> decision = new AtomicReference<>(BootDecision.ignore());
    SplittableRandom random = new SplittableRandom(1);
    InMemoryFileSource ipxe = InMemoryFileSource.builder()
        .add("undionly.kpxe", bytes(random, IPXE_SIZE))
        .add("ipxe.efi", bytes(random, IPXE_SIZE)).build();
    try (NetbootServer server = NetbootServer.builder().address(loopback)
        .dhcpPort(0).bootServerPort(0).tftpPort(0).httpPort(0)
        .tftpFiles(ipxe).policy(client -> decision.get()).build()) {
      String kernel = server.files().register("vmlinuz", bytes(random, KERNEL_SIZE),
          "application/octet-stream");
      String initrd = server.files().register("initrd.img", bytes(random, INITRD_SIZE),
          "application/octet-stream");
      decision.set(BootDecision.linux(kernel, List.of(initrd), CMDLINE));
      try {
        server.start();
      } catch (IOException e) {
        throw new UserError("cannot start the demo server on 127.0.0.1: " + e.getMessage());
      }
      out.println("Server on 127.0.0.1: DHCP port " + server.dhcpPort() + ", boot server "
          + server.bootServerPort() + ", TFTP " + server.tftpPort() + ", HTTP "
          + server.httpPort() + "; boots linux " + kernel + " + " + initrd + " \"" + CMDLINE
          + "\"");
      out.println("Machine " + mac.toLowerCase(Locale.ROOT) + " (" + chosen + ") boots:");
      out.flush();
      AtomicInteger n = new AtomicInteger();
      BootTrace trace = machine.firmware(chosen).server(loopback)
          .dhcpPort(server.dhcpPort()).bootServerPort(server.bootServerPort())
          .tftpPort(server.tftpPort())
          .listener(step -> {
            out.printf("%3d. %s%n", n.incrementAndGet(), step);
            out.flush();
          })
          .build().boot();
      if (!trace.succeeded()) {
        PrintWriter err = s.commandLine().getErr();
        err.println("netboot: the simulated boot failed: " + trace.failure().orElse("?"));
        err.flush();
        return 1;
      }
      out.println("Booted in " + trace.duration().toMillis() + " ms: " + trace.steps().size()
          + " steps, " + trace.totalBytes() + " bytes downloaded.");
      out.flush();
      return 0;
    }
  }

  private Firmware firmware(CommandSpec s) {
    switch (firmware.toLowerCase(Locale.ROOT)) {
      case "bios":
        return Firmware.BIOS_PXE_ROM;
      case "uefi":
        return Firmware.UEFI_PXE;
      case "ipxe":
        return Firmware.IPXE_ROM;
      default:
        throw new ParameterException(s.commandLine(),
            "--firmware: " + firmware + " (expected: bios, uefi or ipxe)");
    }
  }

  // Not compressible and not all zeros, so that a transfer bug cannot hide.
  private static byte[] bytes(SplittableRandom random, int size) {
    byte[] b = new byte[size];
    for (int i = 0; i < size; i += 8) {
      long v = random.nextLong();
      for (int j = 0; j < 8 && i + j < size; j++) {
        b[i + j] = (byte) (v >>> (8 * j));
      }
    }
    return b;
  }

  private CommandSpec spec() {
    if (spec == null) {
      throw new IllegalStateException("picocli did not inject the command spec");
    }
    return spec;
  }
}
