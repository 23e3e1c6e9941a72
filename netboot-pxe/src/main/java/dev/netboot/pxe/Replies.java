package dev.netboot.pxe;

import dev.netboot.dhcp.DhcpMessage;
import dev.netboot.dhcp.DhcpMessageEncoder;
import dev.netboot.dhcp.DhcpMessageType;
import dev.netboot.dhcp.DhcpOp;
import dev.netboot.dhcp.DhcpOption;
import dev.netboot.dhcp.DhcpOptionCode;
import dev.netboot.dhcp.DhcpOptionType;
import dev.netboot.dhcp.VendorClass;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/** Builds reply headers and puts the boot part on them. */
final class Replies {
  static final Inet4Address ZERO = zero();

  private Replies() {}

  /**
   * Starts a reply to {@code request}: BOOTREPLY, same xid, hardware address, flags and giaddr
   * (RFC 2131 section 4.3.1, table 3), siaddr set to the server, options 53 and 54.
   */
  static DhcpMessage.Builder start(
      DhcpMessage request, DhcpMessageType type, Inet4Address server) {
    return DhcpMessage.builder()
        .op(DhcpOp.BOOTREPLY)
        .hardwareType(request.hardwareType())
        .hardwareAddress(request.hardwareAddress())
        .transactionId(request.transactionId())
        .flags(request.flags())
        .clientAddress(request.clientAddress())
        .gatewayAddress(request.gatewayAddress())
        // iPXE ignores a reply with a boot file and no next-server; set it on every reply.
        .serverAddress(server)
        .option(DhcpOptionType.MESSAGE_TYPE, type)
        .option(DhcpOptionType.SERVER_IDENTIFIER, server);
  }

  /**
   * Adds the boot part: option 60 (PXE 2.1 requires servers to send {@code PXEClient}), option 97
   * echoed as sent and only when sent, option 43, and the file in {@code file} or, when longer
   * than that field, in option 67.
   */
  static DhcpMessage.Builder boot(DhcpMessage.Builder b, DhcpMessage request, BootReply boot) {
    b.option(DhcpOptionType.VENDOR_CLASS_IDENTIFIER, VendorClass.of(boot.vendorClass()));
    // PXE 2.1 says a server MUST echo 97; like Pixiecore we echo it only when the client sent it,
    // because a made-up GUID is worse than none.
    DhcpOption guid = request.options().get(DhcpOptionCode.CLIENT_MACHINE_IDENTIFIER);
    if (guid != null) {
      b.option(guid);
    }
    if (boot.pxeOptions() != null && !boot.pxeOptions().isEmpty()) {
      b.option(DhcpOption.of(DhcpOptionCode.VENDOR_SPECIFIC, boot.pxeOptions().encode()));
    }
    if (boot.target() != null) {
      String file = boot.target().file();
      if (file.length() <= DhcpMessage.BOOT_FILE_NAME_LENGTH && isLatin1(file)) {
        b.bootFileName(file);
      } else {
        b.option(DhcpOptionType.BOOTFILE_NAME, file);
      }
    }
    return b;
  }

  /** Returns the reply if it can be sent within the client's option 57, else empty. */
  static Optional<DhcpMessage> sendable(DhcpMessage reply, PxeClient client) {
    try {
      DhcpMessageEncoder.toBytes(reply, client.maxMessageSize()
          .orElse(DhcpMessageEncoder.MIN_MAX_MESSAGE_SIZE));
      return Optional.of(reply);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static boolean isLatin1(String s) {
    return s.chars().allMatch(c -> c > 0 && c <= 0xFF);
  }

  private static Inet4Address zero() {
    try {
      return (Inet4Address) InetAddress.getByAddress(new byte[4]);
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }
}
