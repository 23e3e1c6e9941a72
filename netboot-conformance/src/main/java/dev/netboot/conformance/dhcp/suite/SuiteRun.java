package dev.netboot.conformance.dhcp.suite;

import dev.netboot.conformance.dhcp.DhcpGenerators;
import dev.netboot.conformance.dhcp.PxeFirmware;
import dev.netboot.dhcp.DhcpMessage;
import dev.netboot.dhcp.DhcpMessageDecoder;
import dev.netboot.dhcp.DhcpMessageEncoder;
import dev.netboot.dhcp.DhcpMessageType;
import dev.netboot.dhcp.DhcpOptionCode;
import dev.netboot.dhcp.DhcpOptionType;
import dev.netboot.pxe.BootServerType;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/** One run of the suite: two rounds of requests over one channel, then the checks. */
final class SuiteRun {
  /** The gap between two requests of a round, so that a single-threaded server keeps up. */
  private static final long PACING_NANOS = TimeUnit.MILLISECONDS.toNanos(3);
  /** Where a truncated request is cut: well short of the 236-byte header. */
  private static final int TRUNCATED_LENGTH = 200;
  /** The end of the xid field, the least a datagram needs to be matched to a request. */
  private static final int XID_END = 8;
  /** The smallest option 57 a client may send (RFC 2132 section 9.10). */
  private static final int SMALL_MAX_MESSAGE_SIZE = DhcpMessageEncoder.MIN_MAX_MESSAGE_SIZE;
  private static final Inet4Address LIMITED_BROADCAST = DhcpGenerators.ipv4(0xFFFFFFFF);
  /** Option 54 of a REQUEST for another server: TEST-NET-1 (RFC 5737), never a real server. */
  private static final Inet4Address OTHER_SERVER = DhcpGenerators.ipv4(0xC0000201);

  private final ProxyDhcpSuite suite;
  private final SuiteChannel channel;
  private final SuiteRequests requests;
  private final Map<Integer, Exchange> byId = new HashMap<>();

  SuiteRun(ProxyDhcpSuite suite, SuiteChannel channel) {
    this.suite = suite;
    this.channel = channel;
    this.requests = new SuiteRequests(new SplittableRandom(suite.seed()), suite.broadcast());
  }

  List<CheckResult> run() throws IOException {
    InetSocketAddress dhcp = new InetSocketAddress(
        suite.broadcast() ? LIMITED_BROADCAST : suite.server(), suite.dhcpPort());
    InetSocketAddress bootServer = new InetSocketAddress(suite.server(), suite.bootServerPort());

    Map<PxeFirmware, Exchange> offers = new EnumMap<>(PxeFirmware.class);
    for (PxeFirmware family : PxeFirmware.values()) {
      offers.put(family, exchange(requests.discover(family), dhcp));
    }
    Exchange noGuid = exchange(requests.discover(PxeFirmware.BIOS_VENDOR_ROM).toBuilder()
        .removeOption(DhcpOptionCode.CLIENT_MACHINE_IDENTIFIER).build(), dhcp);
    Exchange small = exchange(requests.discover(PxeFirmware.BIOS_VENDOR_ROM).toBuilder()
        .option(DhcpOptionType.MAXIMUM_MESSAGE_SIZE, SMALL_MAX_MESSAGE_SIZE).build(), dhcp);
    Map<Rule, Exchange> silent = silentCases(dhcp);
    List<Exchange> first = new ArrayList<>(offers.values());
    first.add(noGuid);
    first.add(small);
    first.addAll(silent.values());
    round(first);

    Inet4Address client = clientAddress(bootServer);
    // The menu request is built from the OFFER as it stood when the window closed, as a ROM
    // would; an OFFER that comes later still counts against the one-offer check.
    boolean biosOffered = offers.get(PxeFirmware.BIOS_VENDOR_ROM).replyCount() > 0;
    Optional<BootServerType> item = firstReply(offers.get(PxeFirmware.BIOS_VENDOR_ROM))
        .flatMap(BootRules::firstItem);
    DhcpMessage biosDiscover = offers.get(PxeFirmware.BIOS_VENDOR_ROM).request();
    DhcpMessage uefiDiscover = offers.get(PxeFirmware.UEFI_X64).request();
    @Nullable Exchange menu = item.map(type -> exchange(
        requests.bootServerRequest(biosDiscover, client, type), bootServer)).orElse(null);
    Exchange binl = exchange(requests.binlRequest(uefiDiscover, client), bootServer);
    Exchange binlArm64 = exchange(requests.binlRequest(
        offers.get(PxeFirmware.UEFI_ARM64).request(), client), bootServer);
    Exchange ipxe = exchange(requests.ipxeProxyRequest(
        offers.get(PxeFirmware.IPXE_EFI_X64).request(), client, suite.server()), bootServer);
    Exchange plainBootServer =
        exchange(requests.plainBootServerRequest(client), bootServer);
    List<Exchange> second = new ArrayList<>();
    if (menu != null) {
      second.add(menu);
    }
    second.addAll(List.of(binl, binlArm64, ipxe, plainBootServer));
    round(second);

    SuiteChecks checks = new SuiteChecks(suite);
    List<CheckResult> results = new ArrayList<>();
    for (PxeFirmware family : PxeFirmware.values()) {
      results.addAll(checks.offer(family, offers.get(family), offers));
    }
    results.add(checks.noGuid(noGuid));
    results.add(checks.smallMaxMessageSize(small));
    silent.forEach((rule, e) -> results.add(checks.silent(rule, e)));
    results.add(checks.bootServerMenu(menu, biosOffered));
    results.add(checks.bootServerAck(Rule.BOOT_SERVER_BINL, PxeFirmware.UEFI_X64, binl));
    results.add(checks.bootServerAck(Rule.BOOT_SERVER_BINL_ARM64, PxeFirmware.UEFI_ARM64,
        binlArm64));
    results.add(checks.bootServerAck(Rule.BOOT_SERVER_IPXE, PxeFirmware.IPXE_EFI_X64, ipxe));
    results.add(checks.silent(Rule.SILENT_BOOT_SERVER_PLAIN, plainBootServer));
    return results;
  }

  private Map<Rule, Exchange> silentCases(InetSocketAddress dhcp) {
    Map<Rule, Exchange> silent = new LinkedHashMap<>();
    silent.put(Rule.SILENT_PLAIN_DISCOVER,
        exchange(requests.plain(DhcpMessageType.DISCOVER), dhcp));
    silent.put(Rule.SILENT_PLAIN_REQUEST,
        exchange(requests.plain(DhcpMessageType.REQUEST), dhcp));
    silent.put(Rule.SILENT_OTHER_SERVER, exchange(pxe(DhcpMessageType.REQUEST).toBuilder()
        .option(DhcpOptionType.SERVER_IDENTIFIER, otherServer())
        .option(DhcpOptionType.REQUESTED_IP_ADDRESS, DhcpGenerators.ipv4(0xC000020A))
        .build(), dhcp));
    silent.put(Rule.SILENT_BOOTREPLY,
        exchange(SuiteRequests.asBootReply(pxe(DhcpMessageType.DISCOVER)), dhcp));
    DhcpMessage cookie = pxe(DhcpMessageType.DISCOVER);
    byte[] badCookie = DhcpMessageEncoder.toBytes(cookie);
    badCookie[DhcpMessageDecoder.HEADER_LENGTH + 3] ^= 0x01;
    silent.put(Rule.SILENT_BAD_COOKIE, exchange(cookie, badCookie, dhcp));
    DhcpMessage cut = pxe(DhcpMessageType.DISCOVER);
    silent.put(Rule.SILENT_TRUNCATED, exchange(cut,
        Arrays.copyOf(DhcpMessageEncoder.toBytes(cut), TRUNCATED_LENGTH), dhcp));
    silent.put(Rule.SILENT_BOOTP, exchange(pxe(DhcpMessageType.DISCOVER).toBuilder()
        .removeOption(DhcpOptionCode.MESSAGE_TYPE).build(), dhcp));
    silent.put(Rule.SILENT_CLIENT_OFFER, exchange(pxe(DhcpMessageType.OFFER), dhcp));
    silent.put(Rule.SILENT_CLIENT_ACK, exchange(pxe(DhcpMessageType.ACK), dhcp));
    silent.put(Rule.SILENT_CLIENT_NAK, exchange(pxe(DhcpMessageType.NAK), dhcp));
    silent.put(Rule.SILENT_CLIENT_DECLINE, exchange(pxe(DhcpMessageType.DECLINE), dhcp));
    silent.put(Rule.SILENT_CLIENT_RELEASE, exchange(pxe(DhcpMessageType.RELEASE), dhcp));
    return silent;
  }

  /**
   * A BIOS PXE ROM's request of this type: the one family every ProxyDHCP answers, so that
   * silence can only come from what was changed.
   */
  private DhcpMessage pxe(DhcpMessageType type) {
    return requests.discover(PxeFirmware.BIOS_VENDOR_ROM).toBuilder()
        .option(DhcpOptionType.MESSAGE_TYPE, type).build();
  }

  private Inet4Address otherServer() {
    return suite.server().equals(OTHER_SERVER) ? DhcpGenerators.ipv4(0xC0000202) : OTHER_SERVER;
  }

  private Exchange exchange(DhcpMessage request, InetSocketAddress to) {
    return exchange(request, DhcpMessageEncoder.toBytes(request), to);
  }

  private Exchange exchange(DhcpMessage request, byte[] packet, InetSocketAddress to) {
    Exchange e = new Exchange(request, packet, to);
    byId.put(e.transactionId(), e);
    return e;
  }

  /**
   * Sends a round and listens for the window; replies are read between sends too, so that their
   * latency is true, and late replies to an earlier round still count against it.
   */
  private void round(List<Exchange> exchanges) throws IOException {
    for (Exchange e : exchanges) {
      e.sent(System.nanoTime());
      channel.send(e.packet(), e.destination());
      channel.receiveUntil(System.nanoTime() + PACING_NANOS, this::dispatch);
    }
    channel.receiveUntil(System.nanoTime() + suite.timeout().toNanos(), this::dispatch);
  }

  private void dispatch(SuiteChannel.Datagram d) {
    if (d.bytes().length >= XID_END) {
      Exchange e = byId.get(xid(d.bytes()));
      if (e != null) {
        e.received(d.bytes(), d.from(), d.atNanos());
      }
    }
  }

  private static int xid(byte[] b) {
    return (b[4] & 0xFF) << 24 | (b[5] & 0xFF) << 16 | (b[6] & 0xFF) << 8 | (b[7] & 0xFF);
  }

  /** ciaddr of the boot server requests: the address the suite's packets leave from. */
  private Inet4Address clientAddress(InetSocketAddress bootServer) throws IOException {
    Inet4Address local = suite.localAddress();
    if (local != null) {
      return local;
    }
    InetAddress bound = channel.localAddress().getAddress();
    if (bound instanceof Inet4Address a && !a.isAnyLocalAddress()) {
      return a;
    }
    InetAddress routed = SuiteChannel.routeSource(bootServer);
    return routed instanceof Inet4Address a ? a : DhcpGenerators.ipv4(0);
  }

  private static Optional<DhcpMessage> firstReply(Exchange e) {
    Exchange.@Nullable Reply r = e.firstReply();
    return r == null ? Optional.empty()
        : Optional.ofNullable(ReplyRules.decode(r.bytes()).message());
  }
}
