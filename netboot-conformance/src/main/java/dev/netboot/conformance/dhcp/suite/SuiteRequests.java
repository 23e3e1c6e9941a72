package dev.netboot.conformance.dhcp.suite;

import dev.netboot.conformance.dhcp.DhcpGenerators;
import dev.netboot.conformance.dhcp.PxeFirmware;
import dev.netboot.dhcp.DhcpMessage;
import dev.netboot.dhcp.DhcpMessageType;
import dev.netboot.dhcp.DhcpOp;
import dev.netboot.dhcp.DhcpOption;
import dev.netboot.dhcp.DhcpOptionCode;
import dev.netboot.dhcp.DhcpOptionType;
import dev.netboot.dhcp.HardwareType;
import dev.netboot.pxe.BootItem;
import dev.netboot.pxe.BootServerType;
import dev.netboot.pxe.PxeOptions;
import java.net.Inet4Address;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Builds the suite's requests from netboot-conformance's generators: PXE requests as each
 * firmware family sends them, plain clients, and the malformed or misdirected cases. Every
 * request gets a transaction id not used before in the run.
 */
final class SuiteRequests {
  private static final Inet4Address NO_ADDRESS = DhcpGenerators.ipv4(0);

  private final SplittableRandom random;
  private final boolean forceBroadcastFlag;
  private final Set<Integer> usedIds = new HashSet<>();

  /**
   * Creates the builder.
   *
   * @param random the run's seeded source
   * @param forceBroadcastFlag whether every request asks for a broadcast reply: a suite that
   *     broadcasts cannot receive a reply unicast to an address it does not have, as firmware
   *     can at the link layer
   */
  SuiteRequests(SplittableRandom random, boolean forceBroadcastFlag) {
    this.random = random;
    this.forceBroadcastFlag = forceBroadcastFlag;
  }

  /** A DHCPDISCOVER of this family, as its firmware sends it from no address. */
  DhcpMessage discover(PxeFirmware family) {
    DhcpMessage generated = DhcpGenerators.pxeRequest(family).next(random.split());
    return firmwareHeader(generated.toBuilder(), generated.isBroadcast())
        .option(DhcpOptionType.MESSAGE_TYPE, DhcpMessageType.DISCOVER)
        .build();
  }

  /** A plain DHCP client's message of this type, udhcpc-like: no option 60. */
  DhcpMessage plain(DhcpMessageType type) {
    DhcpMessage generated = DhcpGenerators.plainRequests().next(random.split());
    return firmwareHeader(generated.toBuilder(), false)
        .removeOption(DhcpOptionCode.VENDOR_CLASS_IDENTIFIER)
        .option(DhcpOptionType.MESSAGE_TYPE, type)
        .build();
  }

  /** A copy of {@code message} under a transaction id of its own. */
  DhcpMessage fresh(DhcpMessage message) {
    return message.toBuilder().transactionId(freshId()).build();
  }

  /**
   * A boot server request (PXE 2.1 section 2.2.5) from the client that sent {@code discover},
   * now at {@code clientAddress}: 43.71 asks for the item {@code type}, layer 0.
   */
  DhcpMessage bootServerRequest(DhcpMessage discover, Inet4Address clientAddress,
      BootServerType type) {
    return bootServerRequest(discover, clientAddress)
        .option(DhcpOption.of(DhcpOptionCode.VENDOR_SPECIFIC,
            PxeOptions.builder().bootItem(new BootItem(type, 0)).build().encode()))
        .build();
  }

  /** edk2's BINL-style request to the boot server: the DISCOVER's options, ciaddr, no 43. */
  DhcpMessage binlRequest(DhcpMessage discover, Inet4Address clientAddress) {
    return bootServerRequest(discover, clientAddress).build();
  }

  /**
   * iPXE's ProxyDHCP request: after any proxy offer iPXE asks the proxy again on 4011, naming it
   * in option 54, and takes that ACK's file.
   */
  DhcpMessage ipxeProxyRequest(DhcpMessage discover, Inet4Address clientAddress,
      Inet4Address server) {
    return bootServerRequest(discover, clientAddress)
        .option(DhcpOptionType.SERVER_IDENTIFIER, server).build();
  }

  private DhcpMessage.Builder bootServerRequest(DhcpMessage discover, Inet4Address client) {
    // The client has its address by now and waits for a unicast answer (PXE 2.1 section 2.2.5).
    return discover.toBuilder().transactionId(freshId()).flags(0).clientAddress(client)
        .option(DhcpOptionType.MESSAGE_TYPE, DhcpMessageType.REQUEST)
        .removeOption(DhcpOptionCode.VENDOR_SPECIFIC);
  }

  /** A plain REQUEST to the boot server port from a client at {@code clientAddress}. */
  DhcpMessage plainBootServerRequest(Inet4Address clientAddress) {
    return plain(DhcpMessageType.REQUEST).toBuilder().flags(0).clientAddress(clientAddress)
        .build();
  }

  /** The same message as a BOOTREPLY, as if another server's answer had looped back. */
  static DhcpMessage asBootReply(DhcpMessage message) {
    return message.toBuilder().op(DhcpOp.BOOTREPLY).build();
  }

  private DhcpMessage.Builder firmwareHeader(DhcpMessage.Builder b, boolean broadcast) {
    // The generators randomise header fields for codec tests; firmware zeroes them, and random
    // addresses in ciaddr or giaddr would send a server's answer off to some real host.
    return b.op(DhcpOp.BOOTREQUEST).hardwareType(HardwareType.ETHERNET).hops(0)
        .transactionId(freshId()).seconds(random.nextInt(4))
        .flags(broadcast || forceBroadcastFlag ? DhcpMessage.FLAG_BROADCAST : 0)
        .clientAddress(NO_ADDRESS).yourAddress(NO_ADDRESS).serverAddress(NO_ADDRESS)
        .gatewayAddress(NO_ADDRESS);
  }

  private int freshId() {
    int id;
    do {
      id = random.nextInt();
    } while (id == 0 || !usedIds.add(id));
    return id;
  }
}
