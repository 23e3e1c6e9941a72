package dev.netboot.it.e2e;

import dev.netboot.it.PeerProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * dnsmasq as a network's own DHCP server in a {@link BootLab}'s dhcp namespace: it hands out
 * addresses and nothing else (no DNS, no PXE, no TFTP), so whatever the guest boots can only
 * come from netboot's ProxyDHCP. {@link #withPxe} is the reference setup instead: dnsmasq's own
 * PXE and TFTP, which proves the lab, QEMU, kernel and initramfs without netboot.
 */
final class AddressOnlyDnsmasq {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

  private AddressOnlyDnsmasq() {}

  /** Starts dnsmasq handing out {@link BootLab#POOL_FIRST} to {@link BootLab#POOL_LAST}. */
  static PeerProcess start(BootLab lab) throws IOException, InterruptedException {
    return launch(lab, List.of());
  }

  /**
   * Starts dnsmasq as a complete PXE server: addresses, boot file {@code bootFile} and TFTP
   * from {@code tftpRoot}.
   */
  static PeerProcess withPxe(BootLab lab, Path tftpRoot, String bootFile)
      throws IOException, InterruptedException {
    return launch(lab, List.of("--enable-tftp", "--tftp-root=" + tftpRoot,
        "--dhcp-boot=" + bootFile + ",," + BootLab.DHCP_ADDRESS));
  }

  private static PeerProcess launch(BootLab lab, List<String> extra)
      throws IOException, InterruptedException {
    List<String> c = new ArrayList<>(List.of(BootPeers.dnsmasq().toString(),
        "--keep-in-foreground", "--log-facility=-", "--log-dhcp",
        // No system configuration, no DNS (port 0), no lease file outside the log directory.
        "--conf-file=/dev/null", "--port=0", "--user=root",
        "--dhcp-leasefile=" + lab.logs().resolve("dnsmasq.leases"),
        "--pid-file=" + lab.logs().resolve("dnsmasq.pid"),
        "--interface=eth0", "--bind-interfaces",
        "--dhcp-range=" + BootLab.POOL_FIRST + "," + BootLab.POOL_LAST + ","
            + BootLab.NETMASK + ",1h",
        "--dhcp-authoritative",
        // Else dnsmasq pings each address for 3 s before offering it.
        "--no-ping"));
    c.addAll(extra);
    PeerProcess dnsmasq = lab.startInDhcpNs("dnsmasq", c);
    dnsmasq.awaitOutput("DHCP, IP range", START_TIMEOUT);
    return dnsmasq;
  }
}
