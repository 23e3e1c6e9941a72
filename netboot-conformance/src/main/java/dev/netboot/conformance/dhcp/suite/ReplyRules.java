package dev.netboot.conformance.dhcp.suite;

import dev.netboot.dhcp.DhcpMessage;
import dev.netboot.dhcp.DhcpMessageDecoder;
import dev.netboot.dhcp.DhcpMessageEncoder;
import dev.netboot.dhcp.DhcpMessageType;
import dev.netboot.dhcp.DhcpOp;
import dev.netboot.dhcp.DhcpOption;
import dev.netboot.dhcp.DhcpOptionCode;
import dev.netboot.dhcp.DhcpOptionType;
import dev.netboot.dhcp.DhcpParseException;
import dev.netboot.dhcp.VendorClass;
import java.net.Inet4Address;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The rules every reply is held to: header echo, required options, 97 and size. */
final class ReplyRules {
  /**
   * How many times the request's size a reply may be. A proxy's answer is a few hundred bytes
   * for a request of at least 300; more than this is an amplifier for spoofed requests.
   */
  static final int MAX_AMPLIFICATION = 3;

  private ReplyRules() {}

  /** Decodes a reply, or returns the reason it is not a DHCP message. */
  static Decoded decode(byte[] bytes) {
    try {
      return new Decoded(DhcpMessageDecoder.decode(bytes), null);
    } catch (DhcpParseException e) {
      return new Decoded(null, e.getMessage());
    }
  }

  /**
   * A decoded reply, or why it could not be decoded.
   *
   * @param message the reply
   * @param error the decoder's message
   */
  record Decoded(@Nullable DhcpMessage message, @Nullable String error) {}

  /** RFC 2131 section 4.3.1 table 3: what a reply copies from the request. */
  static List<String> header(DhcpMessage request, DhcpMessage reply, boolean proxy) {
    List<String> problems = new ArrayList<>();
    if (reply.op() != DhcpOp.BOOTREPLY) {
      problems.add("op " + reply.op() + " (expected: BOOTREPLY)");
    }
    if (reply.transactionId() != request.transactionId()) {
      problems.add(String.format("xid 0x%08x (expected: 0x%08x)", reply.transactionId(),
          request.transactionId()));
    }
    if (!Arrays.equals(reply.hardwareAddress(), request.hardwareAddress())
        || !reply.hardwareType().equals(request.hardwareType())) {
      problems.add("chaddr " + reply.hardwareAddressText() + " (expected: "
          + request.hardwareAddressText() + ")");
    }
    if (reply.flags() != request.flags()) {
      problems.add(String.format("flags 0x%04x (expected: 0x%04x)", reply.flags(),
          request.flags()));
    }
    if (!reply.gatewayAddress().equals(request.gatewayAddress())) {
      problems.add("giaddr " + reply.gatewayAddress().getHostAddress() + " (expected: "
          + request.gatewayAddress().getHostAddress() + ")");
    }
    if (proxy && !reply.yourAddress().isAnyLocalAddress()) {
      problems.add("yiaddr " + reply.yourAddress().getHostAddress()
          + " (expected: 0.0.0.0, a proxy offers no address)");
    }
    return problems;
  }

  /** Options 53, 54 and 60 of a reply (PXE 2.1 section 2.2.3; UEFI HTTP Boot for 60). */
  static List<String> options(DhcpMessage reply, DhcpMessageType type, Inet4Address server,
      String vendorClass) {
    List<String> problems = new ArrayList<>();
    DhcpMessageType actual = reply.messageType();
    if (!type.equals(actual)) {
      problems.add("53 " + actual + " (expected: " + type + ")");
    }
    Optional<Inet4Address> id = read(reply, DhcpOptionType.SERVER_IDENTIFIER, problems, "54");
    if (id.isEmpty()) {
      problems.add("no 54 (expected: " + server.getHostAddress() + ")");
    } else if (!id.get().equals(server)) {
      problems.add("54 " + id.get().getHostAddress() + " (expected: " + server.getHostAddress()
          + ")");
    }
    Optional<VendorClass> vc =
        read(reply, DhcpOptionType.VENDOR_CLASS_IDENTIFIER, problems, "60");
    if (vc.isEmpty() || !vc.get().text().startsWith(vendorClass)) {
      problems.add("60 " + vc.map(v -> "\"" + v.text() + "\"").orElse("absent")
          + " (expected: " + vendorClass + ")");
    }
    return problems;
  }

  /** Option 97: echoed byte for byte when sent, absent when not. */
  static List<String> guid(DhcpMessage request, DhcpMessage reply) {
    DhcpOption sent = request.options().get(DhcpOptionCode.CLIENT_MACHINE_IDENTIFIER);
    DhcpOption back = reply.options().get(DhcpOptionCode.CLIENT_MACHINE_IDENTIFIER);
    if (sent == null) {
      return back == null ? List.of()
          : List.of("97 " + hex(back.value()) + " though the client sent none");
    }
    if (back == null) {
      return List.of("no 97 (expected: " + hex(sent.value()) + ")");
    }
    return Arrays.equals(sent.value(), back.value()) ? List.of()
        : List.of("97 " + hex(back.value()) + " (expected: " + hex(sent.value()) + ")");
  }

  /** The reply fits the client's option 57 and is at most a few times the request. */
  static List<String> size(DhcpMessage request, int requestLength, int replyLength) {
    List<String> problems = new ArrayList<>();
    int max57 = Math.max(DhcpMessageEncoder.MIN_MAX_MESSAGE_SIZE, request.options()
        .get(DhcpOptionType.MAXIMUM_MESSAGE_SIZE).orElse(DhcpMessageEncoder.MIN_MAX_MESSAGE_SIZE));
    int limit = max57 - DhcpMessageEncoder.IP_UDP_HEADER_LENGTH;
    if (replyLength > limit) {
      problems.add(replyLength + " bytes, more than option 57 (" + max57 + ") allows ("
          + limit + " of DHCP)");
    }
    if (replyLength > MAX_AMPLIFICATION * requestLength) {
      problems.add(replyLength + " bytes for a " + requestLength + "-byte request (expected: at"
          + " most " + MAX_AMPLIFICATION + "x)");
    }
    return problems;
  }

  /** The boot file named by a reply: {@code file}, else option 67. */
  static Optional<String> bootFile(DhcpMessage reply) {
    if (!reply.bootFileName().isEmpty()) {
      return Optional.of(reply.bootFileName());
    }
    try {
      return reply.option(DhcpOptionType.BOOTFILE_NAME).filter(f -> !f.isEmpty());
    } catch (DhcpParseException e) {
      return Optional.empty();
    }
  }

  private static <T> Optional<T> read(DhcpMessage reply, DhcpOptionType<T> type,
      List<String> problems, String name) {
    try {
      return reply.option(type);
    } catch (DhcpParseException e) {
      problems.add(name + " malformed: " + e.getMessage());
      return Optional.empty();
    }
  }

  static String hex(byte[] bytes) {
    return "0x" + HexFormat.of().formatHex(bytes);
  }
}
