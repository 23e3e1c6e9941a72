package dev.netboot.server.simulation;

import dev.netboot.dhcp.DhcpMessage;
import dev.netboot.dhcp.DhcpMessageType;
import dev.netboot.dhcp.DhcpOptionType;
import dev.netboot.dhcp.DhcpParseException;
import dev.netboot.pxe.BootItem;
import dev.netboot.pxe.BootMenuItem;
import dev.netboot.pxe.PxeOptions;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/**
 * One boot program's network configuration: DISCOVER and OFFER, the REQUEST for a full DHCP
 * server's address, and the follow-up on the boot server port that PXE ROMs and iPXE make.
 */
final class Configurator {
  private final DhcpExchange dhcp;
  private final StepLog log;
  private final byte[] mac;
  private final UUID uuid;
  private final InetSocketAddress dhcpServer;
  private final int bootServerPort;
  private Inet4Address clientAddress = Addresses.ZERO;

  Configurator(DhcpExchange dhcp, StepLog log, byte[] mac, UUID uuid, Inet4Address server,
      int dhcpPort, int bootServerPort) {
    this.dhcp = dhcp;
    this.log = log;
    this.mac = mac;
    this.uuid = uuid;
    this.dhcpServer = new InetSocketAddress(server, dhcpPort);
    this.bootServerPort = bootServerPort;
  }

  /** The file to boot and where from. */
  record BootFile(String file, Inet4Address nextServer) {}

  BootFile configure(ClientStage stage) throws BootFailure, IOException {
    int xid = ThreadLocalRandom.current().nextInt();
    long start = System.nanoTime();
    DhcpExchange.Reply offered = dhcp.exchange(stage.discover(mac, uuid, xid), dhcpServer,
            Set.of(DhcpMessageType.OFFER))
        .orElseThrow(() -> new BootFailure(stage.displayName() + ": no DHCPOFFER to "
            + "DISCOVER from " + dhcp.localAddress() + " to " + dhcpServer));
    DhcpMessage offer = offered.message();
    log.add("DHCP", stage.displayName() + " DISCOVER -> OFFER: " + describe(offer)
        + resent(offered), 0, start);
    DhcpMessage answer = offer;
    Inet4Address clientAddress = dhcp.localAddress().getAddress() instanceof Inet4Address a
        ? a : Addresses.ZERO;
    boolean proxy = offer.yourAddress().isAnyLocalAddress();
    Inet4Address serverId = serverIdentifier(offer);
    if (!proxy) {
      start = System.nanoTime();
      answer = dhcp.exchange(stage.select(mac, uuid, xid, offer.yourAddress(), serverId),
              dhcpServer, Set.of(DhcpMessageType.ACK, DhcpMessageType.NAK))
          .orElseThrow(() -> new BootFailure(stage.displayName() + ": no DHCPACK"))
          .message();
      if (DhcpMessageType.NAK.equals(answer.messageType())) {
        throw new BootFailure(stage.displayName() + ": DHCPNAK for "
            + offer.yourAddress().getHostAddress());
      }
      log.add("DHCP", stage.displayName() + " REQUEST " + offer.yourAddress().getHostAddress()
          + " -> ACK: " + describe(answer), 0, start);
      clientAddress = answer.yourAddress();
    }
    PxeOptions pxe = pxeOptions(answer);
    String file = bootFile(answer);
    if (pxe != null && !pxe.bootMenu().isEmpty() && file.isEmpty()) {
      answer = bootServer(stage, pxe, serverId, clientAddress);
    } else if (proxy && (stage.isUefiRom() || stage.isIpxe())) {
      // edk2 follows a ProxyDHCP offer without 43 with a BINL request to 4011; iPXE sends its
      // ProxyDHCP request there too, and falls back to the offer when nobody answers.
      start = System.nanoTime();
      Optional<DhcpExchange.Reply> ack = dhcp.exchange(
          stage.bootServerRequest(mac, uuid, xid, clientAddress, null),
          new InetSocketAddress(serverId, bootServerPort), Set.of(DhcpMessageType.ACK));
      if (ack.isPresent()) {
        answer = ack.get().message();
        log.add(stage.isIpxe() ? "ProxyDHCP" : "BINL", stage.displayName() + " REQUEST to "
            + serverId.getHostAddress() + ":" + bootServerPort + " -> ACK: " + describe(answer)
            + resent(ack.get()), 0, start);
      } else if (stage.isUefiRom()) {
        throw new BootFailure(stage.displayName() + ": no ACK to the BINL request on "
            + serverId.getHostAddress() + ":" + bootServerPort);
      }
    }
    this.clientAddress = clientAddress;
    return bootFileOf(stage, answer);
  }

  /** The address the last configuration gave: the leased one, or the socket's (ProxyDHCP). */
  Inet4Address clientAddress() {
    return clientAddress;
  }

  private DhcpMessage bootServer(ClientStage stage, PxeOptions menu, Inet4Address serverId,
      Inet4Address clientAddress) throws BootFailure, IOException {
    BootMenuItem item = menu.bootMenu().stream().filter(i -> i.type().code() != 0).findFirst()
        .orElseThrow(() -> new BootFailure(stage.displayName()
            + ": the PXE menu offers only local boot"));
    Inet4Address target = menu.bootServers().stream()
        .filter(s -> s.type().equals(item.type()))
        .flatMap(s -> s.addresses().stream()).findFirst().orElse(serverId);
    long start = System.nanoTime();
    int xid = ThreadLocalRandom.current().nextInt();
    DhcpExchange.Reply acked = dhcp.exchange(
            stage.bootServerRequest(mac, uuid, xid, clientAddress, new BootItem(item.type(), 0)),
            new InetSocketAddress(target, bootServerPort), Set.of(DhcpMessageType.ACK))
        .orElseThrow(() -> new BootFailure(stage.displayName() + ": no ACK from the boot server "
            + target.getHostAddress() + ":" + bootServerPort + " for menu item "
            + item.type()));
    DhcpMessage ack = acked.message();
    PxeOptions echoed = pxeOptions(ack);
    Optional<BootItem> got = echoed != null ? echoed.bootItem() : Optional.empty();
    if (got.isEmpty() || !got.get().type().equals(item.type())) {
      // PXE 2.1 section 2.2.5: the ACK names the item it answers; ROMs drop other ACKs.
      throw new BootFailure(stage.displayName() + ": boot server ACK without 43.71 for "
          + item.type());
    }
    log.add("PXE boot server", stage.displayName() + " REQUEST item " + item.type() + " to "
        + target.getHostAddress() + ":" + bootServerPort + " -> ACK: " + describe(ack)
        + resent(acked), 0, start);
    return ack;
  }

  private static BootFile bootFileOf(ClientStage stage, DhcpMessage answer) throws BootFailure {
    String file = bootFile(answer);
    if (file.isEmpty()) {
      throw new BootFailure(stage.displayName() + ": no boot file in the answer (Nothing to boot)");
    }
    if (answer.serverAddress().isAnyLocalAddress()) {
      // FIRMWARE-NOTES.md: iPXE ignores a reply naming a boot file with siaddr 0.0.0.0.
      throw new BootFailure(stage.displayName() + ": boot file " + file
          + " with next-server (siaddr) 0.0.0.0 (Nothing to boot)");
    }
    return new BootFile(file, answer.serverAddress());
  }

  private static String bootFile(DhcpMessage m) {
    if (!m.bootFileName().isEmpty()) {
      return m.bootFileName();
    }
    try {
      return m.option(DhcpOptionType.BOOTFILE_NAME).orElse("");
    } catch (DhcpParseException e) {
      return "";
    }
  }

  private static @Nullable PxeOptions pxeOptions(DhcpMessage m) throws BootFailure {
    try {
      return m.option(PxeOptions.OPTION_TYPE).orElse(null);
    } catch (DhcpParseException | IllegalArgumentException e) {
      throw new BootFailure("malformed option 43: " + e.getMessage());
    }
  }

  private Inet4Address serverIdentifier(DhcpMessage m) {
    try {
      return m.option(DhcpOptionType.SERVER_IDENTIFIER).orElse(dhcpServer.getAddress()
          instanceof Inet4Address a ? a : Addresses.ZERO);
    } catch (DhcpParseException e) {
      return m.serverAddress();
    }
  }

  /** Says how often a request was sent, when more than once (a lost packet, a slow server). */
  static String resent(DhcpExchange.Reply reply) {
    return reply.attempts() > 1 ? " [sent " + reply.attempts() + " times]" : "";
  }

  private static String describe(DhcpMessage m) {
    StringBuilder s = new StringBuilder();
    if (!m.yourAddress().isAnyLocalAddress()) {
      s.append("address ").append(m.yourAddress().getHostAddress()).append(", ");
    }
    String file = bootFile(m);
    try {
      PxeOptions pxe = m.option(PxeOptions.OPTION_TYPE).orElse(null);
      if (pxe != null && !pxe.bootMenu().isEmpty()) {
        s.append("PXE menu of ").append(pxe.bootMenu().size()).append(" item(s), ");
      }
    } catch (RuntimeException e) {
      s.append("malformed 43, ");
    }
    s.append(file.isEmpty() ? "no file" : "file " + file);
    s.append(", next-server ").append(m.serverAddress().getHostAddress());
    return s.toString();
  }
}
