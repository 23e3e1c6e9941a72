package dev.netboot.server.internal;

import dev.netboot.dhcp.ClientArchitecture;
import dev.netboot.dhcp.DhcpMessage;
import dev.netboot.dhcp.DhcpMessageDecoder;
import dev.netboot.dhcp.DhcpMessageEncoder;
import dev.netboot.dhcp.DhcpMessageType;
import dev.netboot.dhcp.DhcpOp;
import dev.netboot.dhcp.DhcpOptionType;
import dev.netboot.pxe.BootDecision;
import dev.netboot.pxe.BootPolicy;
import dev.netboot.pxe.BootServerResponder;
import dev.netboot.pxe.ClientFamily;
import dev.netboot.pxe.FullDhcpReplies;
import dev.netboot.pxe.ProxyDhcpResponder;
import dev.netboot.pxe.PxeClient;
import dev.netboot.pxe.PxeServerSettings;
import dev.netboot.server.Loader;
import dev.netboot.server.NetbootEvent;
import dev.netboot.server.dhcp.DhcpDatagram;
import dev.netboot.server.dhcp.DhcpDatagramHandler;
import dev.netboot.server.dhcp.DhcpReplyChannel;
import dev.netboot.server.lease.Leases;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One UDP service of the server: ProxyDHCP or full DHCP on port 67, or the PXE boot server on
 * 4011. Decodes, filters what must never be answered, asks the boot policy through the
 * {@link DecisionGate}, and answers with netboot-pxe's pure responders, at most once per request.
 */
public final class DhcpService implements DhcpDatagramHandler {
  private static final Logger log = LoggerFactory.getLogger(DhcpService.class);
  /** The pxelinux loader sent to BIOS PXE ROMs for a Linux decision with {@link Loader#PXELINUX}. */
  public static final String PXELINUX_LOADER = "lpxelinux.0";

  /** Which service this is. */
  public enum Role {
    /** ProxyDHCP on port 67: boot information only, to PXE clients only. */
    PROXY_DHCP,
    /** Full DHCP on port 67: addresses for everyone, boot information for PXE clients. */
    FULL_DHCP,
    /** The PXE boot server on port 4011. */
    BOOT_SERVER
  }

  private final Role role;
  private final ServiceContext ctx;
  private final String name;
  private volatile int port;

  /**
   * Creates the service.
   *
   * @param role which service
   * @param ctx what it shares with the other services
   */
  public DhcpService(Role role, ServiceContext ctx) {
    if (role == Role.FULL_DHCP && ctx.leases() == null) {
      throw new IllegalArgumentException("full DHCP without leases (expected: an address pool)");
    }
    this.role = role;
    this.ctx = ctx;
    this.name = role == Role.BOOT_SERVER ? "bootserver" : "dhcp";
  }

  @Override
  public void onDatagram(DhcpDatagram datagram, DhcpReplyChannel replies) {
    Instant now = ctx.clock().instant();
    InetSocketAddress sender = datagram.sender();
    DhcpMessage request;
    PxeClient client;
    try {
      request = DhcpMessageDecoder.decode(datagram.payload());
      client = PxeClient.of(request);
    } catch (RuntimeException e) {
      // DhcpParseException, and anything else a hostile datagram may provoke in the decoders.
      ctx.malformed().dropped(sender.getAddress(), name, String.valueOf(e.getMessage()), now);
      return;
    }
    DhcpMessageType type = request.messageType();
    if (request.op() != DhcpOp.BOOTREQUEST || type == null || !isClientType(type)) {
      // A BOOTREPLY, plain BOOTP (no option 53) or a server's message type: never answered.
      log.debug("mac={} {}: ignored op={} type={} from {}", client.macText(), name, request.op(),
          type, sender);
      return;
    }
    String mac = client.macText();
    Inet4Address local = datagram.localAddress();
    if (type.equals(DhcpMessageType.RELEASE) || type.equals(DhcpMessageType.DECLINE)) {
      // Never answered (RFC 2131 section 4.3.3, 4.3.4); only a full server has leases to update.
      if (role == Role.FULL_DHCP) {
        releaseOrDecline(request, type, mac, now);
      }
      return;
    }
    if (!client.isPxe() && role != Role.FULL_DHCP) {
      log.debug("mac={} {}: not a PXE client, left to the DHCP server", mac, name);
      return;
    }
    noteAddress(request, sender, mac);
    Inet4Address selected = request.option(DhcpOptionType.SERVER_IDENTIFIER).orElse(null);
    if (type.equals(DhcpMessageType.REQUEST) && selected != null && !selected.equals(local)) {
      // The client took another server's offer: nothing to answer, so no decision to ask for.
      log.debug("mac={} {}: REQUEST for server {}, not us", mac, name, selected.getHostAddress());
      Leases leases = ctx.leases();
      if (role == Role.FULL_DHCP && leases != null) {
        leases.otherServerSelected(request.hardwareAddress(), now);
      }
      return;
    }
    log.info("mac={} {}: {} from {} as {} via {}{}", mac, name, type, sender, client.family(),
        local.getHostAddress(),
        datagram.interfaceName() != null ? " on " + datagram.interfaceName() : "");
    ctx.events().emit(new NetbootEvent.MachineSeen(mac, client.family(),
        client.architecture().orElse(null), sender, port, datagram.interfaceName()));
    if (!client.isPxe()) {
      answer(request, client, BootDecision.ignore(), datagram, replies);
      return;
    }
    boolean admitted = ctx.gate().decide(client, (decision, failure) -> {
      if (failure != null) {
        String why = failure instanceof TimeoutException ? "decision timed out" : "policy failed: "
            + failure;
        log.warn("mac={} {}: {}; no answer (the client retries)", mac, name, why);
        ctx.events().emit(new NetbootEvent.ServiceError(mac, name, why));
        return;
      }
      answer(request, client, decision != null ? decision : BootDecision.ignore(), datagram,
          replies);
    });
    if (!admitted) {
      log.warn("mac={} {}: {} decisions in flight, request dropped (the client retries)", mac,
          name, ctx.gate().inFlight());
      ctx.events().emit(new NetbootEvent.ServiceError(mac, name, "too many decisions in flight"));
    }
  }

  /**
   * Remembers which IP address the machine uses, so that its HTTP and TFTP transfers, which carry
   * no MAC, can be told apart in events and logs.
   */
  private void noteAddress(DhcpMessage request, InetSocketAddress sender, String mac) {
    Inet4Address requested = request.option(DhcpOptionType.REQUESTED_IP_ADDRESS).orElse(null);
    if (!request.clientAddress().isAnyLocalAddress()) {
      ctx.decisions().noteAddress(request.clientAddress(), mac);
    } else if (requested != null) {
      ctx.decisions().noteAddress(requested, mac);
    } else if (!sender.getAddress().isAnyLocalAddress()) {
      ctx.decisions().noteAddress(sender.getAddress(), mac);
    }
  }

  private static boolean isClientType(DhcpMessageType type) {
    return type.equals(DhcpMessageType.DISCOVER) || type.equals(DhcpMessageType.REQUEST)
        || type.equals(DhcpMessageType.INFORM) || type.equals(DhcpMessageType.RELEASE)
        || type.equals(DhcpMessageType.DECLINE);
  }

  /** Records the port the service's sockets are bound to, for events. */
  public void boundPort(int port) {
    this.port = port;
  }

  private void answer(DhcpMessage request, PxeClient client, BootDecision decided,
      DhcpDatagram datagram, DhcpReplyChannel replies) {
    String mac = client.macText();
    Instant now = ctx.clock().instant();
    Inet4Address local = datagram.localAddress();
    if (client.isPxe()) {
      ctx.events().emit(new NetbootEvent.BootDecided(mac, decided));
      if (!(decided instanceof BootDecision.Ignore)) {
        ctx.decisions().remember(new DecisionMemory.Remembered(client, decided, local, now));
      }
      log.info("mac={} {}: decision {}", mac, name, decided);
    }
    BootDecision decision = forLoader(client, decided);
    BootPolicy decidedPolicy = c -> decision;
    PxeServerSettings settings = ctx.settings().forAddress(local);
    Optional<DhcpMessage> reply;
    boolean nak = false;
    try {
      switch (role) {
        case PROXY_DHCP -> reply = new ProxyDhcpResponder(decidedPolicy, settings, ctx.chainload())
            .answer(request, local, now);
        case BOOT_SERVER -> reply = new BootServerResponder(decidedPolicy, settings,
            ctx.chainload()).answer(request, local, now);
        default -> {
          FullDhcpAnswer full = FullDhcpAnswer.answer(
              request, local, ctx.leases(), new FullDhcpReplies(decidedPolicy, settings,
                  ctx.chainload()), now);
          reply = full.reply();
          nak = full.nak();
        }
      }
    } catch (RuntimeException e) {
      log.warn("mac={} {}: cannot answer {}", mac, name, e.toString(), e);
      ctx.events().emit(new NetbootEvent.ServiceError(mac, name, "cannot answer: " + e));
      return;
    }
    if (reply.isEmpty()) {
      log.debug("mac={} {}: nothing to answer", mac, name);
      return;
    }
    DhcpMessage message = reply.get();
    InetSocketAddress recipient = role == Role.BOOT_SERVER
        ? datagram.sender()
        : nak
            ? ReplyRouting.nakRecipient(request, datagram.sender(), ctx.relayPort(),
                ctx.clientPort())
            : ReplyRouting.dhcpRecipient(request, datagram.sender(), ctx.relayPort(),
                ctx.clientPort());
    int maxSize = Math.max(DhcpMessageEncoder.MIN_MAX_MESSAGE_SIZE,
        client.maxMessageSize().orElse(DhcpMessageEncoder.MIN_MAX_MESSAGE_SIZE));
    ByteBuf out = Unpooled.buffer(DhcpMessageEncoder.MIN_MESSAGE_LENGTH);
    try {
      DhcpMessageEncoder.encode(message, out, maxSize);
    } catch (RuntimeException e) {
      out.release();
      log.warn("mac={} {}: answer does not fit {} bytes: {}", mac, name, maxSize, e.toString());
      ctx.events().emit(new NetbootEvent.ServiceError(mac, name, "answer too large: " + e));
      return;
    }
    log.info("mac={} {}: {} to {} as {} file={}", mac, name, message.messageType(), recipient,
        local.getHostAddress(), message.bootFileName());
    if (role == Role.FULL_DHCP && !message.yourAddress().isAnyLocalAddress()) {
      ctx.decisions().noteAddress(message.yourAddress(), mac);
    }
    replies.send(out, recipient);
  }

  /**
   * With pxelinux, a BIOS client loads lpxelinux.0 instead of iPXE for a Linux decision. That
   * includes a BIOS ROM that is itself iPXE (QEMU's is), which announces option 175 and so is
   * classified as iPXE; an iPXE on UEFI keeps the iPXE route, pxelinux being BIOS only.
   */
  private BootDecision forLoader(PxeClient client, BootDecision decision) {
    if (ctx.loader() == Loader.PXELINUX && decision instanceof BootDecision.LinuxBoot
        && isBios(client)) {
      return BootDecision.bootFile(PXELINUX_LOADER);
    }
    return decision;
  }

  private static boolean isBios(PxeClient client) {
    return switch (client.family()) {
      case BIOS_PXE -> true;
      // An iPXE that sends no option 93 is taken for BIOS, as the PXE specification's default.
      case IPXE -> client.architecture().map(ClientArchitecture.X86_BIOS::equals).orElse(true);
      default -> false;
    };
  }

  private void releaseOrDecline(DhcpMessage request, DhcpMessageType type, String mac,
      Instant now) {
    Leases leases = ctx.leases();
    if (leases == null) {
      return;
    }
    if (type.equals(DhcpMessageType.RELEASE)) {
      log.info("mac={} dhcp: RELEASE of {}", mac, request.clientAddress().getHostAddress());
      leases.release(request.hardwareAddress(), request.clientAddress(), now);
    } else {
      Inet4Address declined =
          request.option(DhcpOptionType.REQUESTED_IP_ADDRESS).orElse(null);
      if (declined != null) {
        log.warn("mac={} dhcp: DECLINE of {} (address in use?)", mac, declined.getHostAddress());
        leases.decline(request.hardwareAddress(), declined, now);
      }
    }
  }
}
