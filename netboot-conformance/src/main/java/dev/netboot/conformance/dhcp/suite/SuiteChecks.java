package dev.netboot.conformance.dhcp.suite;

import dev.netboot.conformance.dhcp.PxeFirmware;
import dev.netboot.dhcp.DhcpMessage;
import dev.netboot.dhcp.DhcpMessageType;
import dev.netboot.dhcp.DhcpOptionCode;
import dev.netboot.dhcp.DhcpOptionType;
import dev.netboot.dhcp.DhcpParseException;
import dev.netboot.dhcp.VendorClass;
import dev.netboot.pxe.BootItem;
import dev.netboot.pxe.PxeOptions;
import dev.netboot.pxe.PxeParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Turns the exchanges of a run into check results. */
final class SuiteChecks {
  private final ProxyDhcpSuite suite;
  private final Duration window;

  SuiteChecks(ProxyDhcpSuite suite) {
    this.suite = suite;
    this.window = suite.timeout();
  }

  /** The six checks of one family's DISCOVER. */
  List<CheckResult> offer(PxeFirmware family, Exchange e, Map<PxeFirmware, Exchange> offers) {
    String slug = BootRules.slug(family);
    List<CheckResult> results = new ArrayList<>();
    results.add(count(Rule.ONE_OFFER, Rule.ONE_OFFER.idFor(slug), e));
    Exchange.@Nullable Reply first = e.firstReply();
    List<Rule> rest = List.of(Rule.OFFER_HEADER, Rule.OFFER_OPTIONS, Rule.GUID_ECHO, Rule.BOOT,
        Rule.SIZE);
    if (first == null) {
      rest.forEach(r -> results.add(CheckResult.skip(r, r.idFor(slug), "no reply to inspect")));
      return results;
    }
    ReplyRules.Decoded decoded = ReplyRules.decode(first.bytes());
    DhcpMessage reply = decoded.message();
    if (reply == null) {
      results.add(CheckResult.of(Rule.OFFER_HEADER, Rule.OFFER_HEADER.idFor(slug),
          List.of("undecodable reply: " + decoded.error()), "", first.latency()));
      rest.subList(1, rest.size()).forEach(r ->
          results.add(CheckResult.skip(r, r.idFor(slug), "the reply does not decode")));
      return results;
    }
    DhcpMessage request = e.request();
    Duration latency = first.latency();
    results.add(CheckResult.of(Rule.OFFER_HEADER, Rule.OFFER_HEADER.idFor(slug),
        ReplyRules.header(request, reply, true), headerText(reply), latency));
    results.add(CheckResult.of(Rule.OFFER_OPTIONS, Rule.OFFER_OPTIONS.idFor(slug),
        ReplyRules.options(reply, DhcpMessageType.OFFER, suite.server(),
            BootRules.vendorClass(family)), optionsText(reply), latency));
    results.add(CheckResult.of(Rule.GUID_ECHO, Rule.GUID_ECHO.idFor(slug),
        ReplyRules.guid(request, reply), "97 echoed", latency));
    List<String> boot = new ArrayList<>(BootRules.offer(family, reply));
    Optional<String> file = ReplyRules.bootFile(reply);
    file.ifPresent(f -> boot.addAll(expected(family, f)));
    if (family == PxeFirmware.UEFI_ARM64 && file.isPresent()) {
      fileOf(offers.get(PxeFirmware.UEFI_X64)).filter(file.get()::equals).ifPresent(same ->
          boot.add("\"" + same + "\" is also what x64 UEFI is offered; one of them cannot run"));
    }
    results.add(CheckResult.of(Rule.BOOT, Rule.BOOT.idFor(slug), boot, bootText(reply),
        latency));
    results.add(CheckResult.of(Rule.SIZE, Rule.SIZE.idFor(slug),
        ReplyRules.size(request, e.packetLength(), first.bytes().length),
        sizeText(e, first), latency));
    return results;
  }

  /** A BIOS ROM that sends no 97 gets none back. */
  CheckResult noGuid(Exchange e) {
    return answered(Rule.GUID_ABSENT, e, (request, reply, bytes) ->
        ReplyRules.guid(request, reply), "no 97 sent, none back");
  }

  /** A BIOS ROM with option 57 = 576 gets an OFFER that fits. */
  CheckResult smallMaxMessageSize(Exchange e) {
    return answered(Rule.MAX_SIZE_576, e, (request, reply, bytes) ->
        ReplyRules.size(request, e.packetLength(), bytes.length), "fits");
  }

  /** Nothing at all came back for {@code e}. */
  CheckResult silent(Rule rule, Exchange e) {
    String id = rule.id();
    if (e.replyCount() == 0) {
      return CheckResult.of(rule, id, List.of(), "no reply in " + millis(window),
          window);
    }
    Exchange.@Nullable Reply first = e.firstReply();
    return CheckResult.of(rule, id, List.of(e.replyCount() + " "
        + (e.replyCount() == 1 ? "reply" : "replies") + ", first " + describe(first)), "",
        e.waited(window));
  }

  /**
   * The boot server's answer to the BIOS ROM's menu request, if the OFFER had a menu.
   *
   * @param biosOffered whether the BIOS ROM had its OFFER when the first window closed
   */
  CheckResult bootServerMenu(@Nullable Exchange e, boolean biosOffered) {
    Rule rule = Rule.BOOT_SERVER_MENU;
    if (e == null) {
      return CheckResult.skip(rule, rule.id(), !biosOffered
          ? "no OFFER to the BIOS ROM within the window, so no menu to choose from"
          : "the BIOS ROM's OFFER has no menu item (43.9), so it would not ask a boot server");
    }
    return answered(rule, e, (request, reply, bytes) -> {
      List<String> problems = ack(PxeFirmware.BIOS_VENDOR_ROM, request, reply, bytes, e);
      Optional<BootItem> sent = bootItem(request);
      Optional<BootItem> back = bootItem(reply);
      if (back.isEmpty()) {
        problems.add("no 43.71 (expected: " + sent.map(Object::toString).orElse("?") + ")");
      } else if (!back.equals(sent)) {
        problems.add("43.71 " + back.get() + " (expected: " + sent.orElse(null) + ")");
      }
      return problems;
    }, "");
  }

  /** The boot server's answer to a request without 43: edk2's BINL one, or iPXE's. */
  CheckResult bootServerAck(Rule rule, PxeFirmware family, Exchange e) {
    return answered(rule, e, (request, reply, bytes) ->
        ack(family, request, reply, bytes, e), "");
  }

  /** Problems of a boot server ACK: header, 53, 60, a file for the family, 97 and size. */
  private List<String> ack(PxeFirmware family, DhcpMessage request, DhcpMessage reply,
      byte[] bytes, Exchange e) {
    List<String> problems = new ArrayList<>(ReplyRules.header(request, reply, false));
    if (!DhcpMessageType.ACK.equals(reply.messageType())) {
      problems.add("53 " + reply.messageType() + " (expected: ACK)");
    }
    Optional<VendorClass> vc;
    try {
      vc = reply.option(DhcpOptionType.VENDOR_CLASS_IDENTIFIER);
    } catch (DhcpParseException ex) {
      vc = Optional.empty();
    }
    if (vc.isEmpty() || !vc.get().text().startsWith(VendorClass.PXE_CLIENT)) {
      problems.add("60 " + vc.map(v -> "\"" + v.text() + "\"").orElse("absent")
          + " (expected: PXEClient)");
    }
    Optional<String> file = ReplyRules.bootFile(reply);
    if (file.isEmpty()) {
      problems.add("no boot file");
    } else {
      problems.addAll(BootRules.file(family, file.get()));
      problems.addAll(expected(family, file.get()));
      if (reply.serverAddress().isAnyLocalAddress()) {
        problems.add("file \"" + file.get() + "\" named with siaddr 0.0.0.0");
      }
    }
    problems.addAll(ReplyRules.guid(request, reply));
    problems.addAll(ReplyRules.size(request, e.packetLength(), bytes.length));
    return problems;
  }

  private List<String> expected(PxeFirmware family, String file) {
    List<String> problems = new ArrayList<>();
    for (ProxyDhcpSuite.FileExpectation x : suite.expectations()) {
      if (x.families().contains(family) && !x.file().test(file)) {
        problems.add("\"" + file + "\" is not the file expected for " + BootRules.slug(family));
      }
    }
    return problems;
  }

  /** Inspects the one expected reply; no reply or several fail. */
  private CheckResult answered(Rule rule, Exchange e, ReplyCheck check, String passDetail) {
    Exchange.@Nullable Reply first = e.firstReply();
    if (first == null) {
      return CheckResult.of(rule, rule.id(),
          List.of("no reply within " + millis(window)), "", window);
    }
    List<String> problems = new ArrayList<>();
    if (e.replyCount() > 1) {
      problems.add(e.replyCount() + " replies (expected: one)");
    }
    ReplyRules.Decoded decoded = ReplyRules.decode(first.bytes());
    DhcpMessage reply = decoded.message();
    if (reply == null) {
      problems.add("undecodable reply: " + decoded.error());
      return CheckResult.of(rule, rule.id(), problems, "", first.latency());
    }
    problems.addAll(check.problems(e.request(), reply, first.bytes()));
    String detail = passDetail.isEmpty() ? summary(reply, first) : passDetail + "; "
        + summary(reply, first);
    return CheckResult.of(rule, rule.id(), problems, detail, first.latency());
  }

  private CheckResult count(Rule rule, String id, Exchange e) {
    int n = e.replyCount();
    Exchange.@Nullable Reply first = e.firstReply();
    if (n == 1 && first != null) {
      return CheckResult.of(rule, id, List.of(), "1 reply from " + address(first),
          first.latency());
    }
    return CheckResult.of(rule, id, List.of(n == 0 ? "no reply within " + millis(window)
        : n + " replies (expected: one)"), "", e.waited(window));
  }

  private static Optional<String> fileOf(@Nullable Exchange e) {
    Exchange.@Nullable Reply r = e != null ? e.firstReply() : null;
    DhcpMessage m = r != null ? ReplyRules.decode(r.bytes()).message() : null;
    return m != null ? ReplyRules.bootFile(m) : Optional.empty();
  }

  private static Optional<BootItem> bootItem(DhcpMessage m) {
    try {
      return m.option(PxeOptions.OPTION_TYPE).flatMap(PxeOptions::bootItem);
    } catch (DhcpParseException | PxeParseException e) {
      return Optional.empty();
    }
  }

  private static String headerText(DhcpMessage reply) {
    return String.format("xid 0x%08x, chaddr %s, flags 0x%04x, yiaddr %s", reply.transactionId(),
        reply.hardwareAddressText(), reply.flags(), reply.yourAddress().getHostAddress());
  }

  private static String optionsText(DhcpMessage reply) {
    String vc;
    try {
      vc = reply.option(DhcpOptionType.VENDOR_CLASS_IDENTIFIER).map(VendorClass::text)
          .orElse("-");
    } catch (DhcpParseException e) {
      vc = "?";
    }
    String id;
    try {
      id = reply.option(DhcpOptionType.SERVER_IDENTIFIER).map(a -> a.getHostAddress())
          .orElse("-");
    } catch (DhcpParseException e) {
      id = "?";
    }
    return "53 " + reply.messageType() + ", 54 " + id + ", 60 " + vc;
  }

  private static String bootText(DhcpMessage reply) {
    Optional<String> file = ReplyRules.bootFile(reply);
    if (file.isEmpty() && !reply.options().contains(DhcpOptionCode.VENDOR_SPECIFIC)) {
      return "no file, no 43: the client asks the boot server (BINL)";
    }
    String menu = BootRules.firstItem(reply).map(t -> "menu item " + t).orElse("");
    String f = file.map(x -> "file " + x + ", siaddr " + reply.serverAddress().getHostAddress())
        .orElse("");
    return f.isEmpty() ? menu : menu.isEmpty() ? f : f + "; " + menu;
  }

  private static String sizeText(Exchange e, Exchange.Reply r) {
    return r.bytes().length + " bytes for a " + e.packetLength() + "-byte request, 57 = "
        + e.request().options().get(DhcpOptionType.MAXIMUM_MESSAGE_SIZE).map(String::valueOf)
            .orElse("none");
  }

  private static String summary(DhcpMessage reply, Exchange.Reply r) {
    return reply.messageType() + " from " + address(r) + bootPart(reply);
  }

  private static String bootPart(DhcpMessage reply) {
    String text = bootText(reply);
    return text.isEmpty() ? "" : ", " + text;
  }

  private static String describe(Exchange.@Nullable Reply r) {
    if (r == null) {
      return "";
    }
    DhcpMessage m = ReplyRules.decode(r.bytes()).message();
    return (m != null ? String.valueOf(m.messageType()) : r.bytes().length + " undecodable bytes")
        + " from " + address(r);
  }

  private static String address(Exchange.Reply r) {
    return r.from().getAddress().getHostAddress() + ":" + r.from().getPort();
  }

  private static String millis(Duration d) {
    return d.toMillis() + " ms";
  }

  /** The rule-specific part of a check of one reply. */
  @FunctionalInterface
  private interface ReplyCheck {
    List<String> problems(DhcpMessage request, DhcpMessage reply, byte[] bytes);
  }
}
