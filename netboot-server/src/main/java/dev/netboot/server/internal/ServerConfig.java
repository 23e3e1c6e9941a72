package dev.netboot.server.internal;

import dev.netboot.pxe.PxeServerSettings;
import dev.netboot.server.AsyncBootPolicy;
import dev.netboot.server.DhcpMode;
import dev.netboot.server.Loader;
import dev.netboot.server.NetbootListener;
import dev.netboot.server.http.FileCatalog;
import dev.netboot.server.lease.AddressPool;
import dev.netboot.server.lease.LeaseStore;
import dev.netboot.tftp.TftpFileSource;
import java.net.Inet4Address;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The checked settings of a {@code NetbootServer}, as its builder collected them; see the
 * builder's methods of the same names.
 *
 * @param address the one address to serve on, or {@code null} for all
 * @param interfaces the interfaces for per-interface DHCP sockets, or empty
 * @param dhcpMode proxy or full
 * @param addressPool the pool in full mode
 * @param leaseStore where leases are kept
 * @param policy the boot policy
 * @param pxeSettings the PXE settings template
 * @param tftpFiles extra TFTP files, or {@code null}
 * @param ipxeDirectory the iPXE binaries, or {@code null}
 * @param pxelinuxDirectory the pxelinux files, or {@code null}
 * @param loader what BIOS ROMs load for Linux decisions
 * @param files the HTTP file catalog
 * @param dhcpPort the DHCP port, 0 for any
 * @param dhcpClientPort the port broadcast answers go to
 * @param bootServerPort the boot server port, 0 for any
 * @param tftpPort the TFTP port, 0 for any
 * @param httpPort the HTTP port, 0 for any
 * @param listener the user's listener
 * @param shutdownGrace how long transfers may finish at close
 * @param maxDecisionsInFlight the bound on pending decisions
 * @param decisionTimeout the deadline of one decision
 */
public record ServerConfig(
    @Nullable Inet4Address address,
    List<String> interfaces,
    DhcpMode dhcpMode,
    @Nullable AddressPool addressPool,
    LeaseStore leaseStore,
    AsyncBootPolicy policy,
    PxeServerSettings pxeSettings,
    @Nullable TftpFileSource tftpFiles,
    @Nullable Path ipxeDirectory,
    @Nullable Path pxelinuxDirectory,
    Loader loader,
    FileCatalog files,
    int dhcpPort,
    int dhcpClientPort,
    int bootServerPort,
    int tftpPort,
    int httpPort,
    NetbootListener listener,
    Duration shutdownGrace,
    int maxDecisionsInFlight,
    Duration decisionTimeout) {
  /** Copies the interface list. */
  public ServerConfig {
    interfaces = List.copyOf(interfaces);
  }
}
