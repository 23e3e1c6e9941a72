package dev.netboot.server.internal;

import dev.netboot.pxe.ChainloadMemory;
import dev.netboot.server.Loader;
import dev.netboot.server.lease.Leases;
import java.time.Clock;
import org.jspecify.annotations.Nullable;

/**
 * What the DHCP and boot-server services of one server share.
 *
 * @param gate where boot decisions are asked
 * @param decisions the last decision per machine, for HTTP and TFTP
 * @param chainload which clients were sent iPXE (shared by 67 and 4011, as netboot-pxe asks)
 * @param settings PXE settings per server address
 * @param loader what BIOS PXE ROMs get for a Linux decision
 * @param events the user's listener
 * @param leases the lease logic in full-DHCP mode, else {@code null}
 * @param relayPort the port relay agents listen on (67), for relayed answers
 * @param clientPort the DHCP client port (68), for broadcast answers
 * @param clock the time
 * @param malformed the rate-limited log of dropped datagrams
 */
public record ServiceContext(
    DecisionGate gate,
    DecisionMemory decisions,
    ChainloadMemory chainload,
    SettingsByAddress settings,
    Loader loader,
    EventSink events,
    @Nullable Leases leases,
    int relayPort,
    int clientPort,
    Clock clock,
    MalformedLog malformed) {}
