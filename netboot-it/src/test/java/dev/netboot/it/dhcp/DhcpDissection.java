package dev.netboot.it.dhcp;

import dev.netboot.it.wire.PdmlNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What Wireshark made of one frame: its DHCP tree, the options it found, and the problems it
 * reported.
 */
final class DhcpDissection {
  /** Wireshark's expert severity "Warning" ({@code PI_WARN} in epan/proto.h). */
  static final long SEVERITY_WARN = 0x00600000L;
  /** Wireshark's expert severity "Error" ({@code PI_ERROR} in epan/proto.h). */
  static final long SEVERITY_ERROR = 0x00800000L;

  // RFC 2131 figure 1; written out rather than taken from netboot, which is under test here.
  private static final int SNAME_OFFSET = 44;
  private static final int FILE_OFFSET = 108;
  private static final int OPTIONS_OFFSET = 240;

  private final PdmlNode packet;
  private final Optional<PdmlNode> dhcp;

  DhcpDissection(PdmlNode packet) {
    this.packet = packet;
    this.dhcp = packet.children("dhcp").stream().findFirst();
  }

  /** Returns the DHCP protocol tree, empty when Wireshark did not see DHCP in the frame. */
  Optional<PdmlNode> dhcp() {
    return dhcp;
  }

  /** Returns the protocol names of the frame, as in {@code eth:ethertype:ip:udp:dhcp}. */
  String protocols() {
    return packet.first("frame.protocols").map(PdmlNode::show).orElse("?");
  }

  /** Returns the IPv4 total length, which option 57 limits (RFC 2132 section 9.10). */
  Optional<Long> ipTotalLength() {
    return packet.first("ip.len").map(PdmlNode::showAsNumber);
  }

  /**
   * Returns what Wireshark found wrong: each malformed-packet marker and each expert item of
   * severity warning or error, anywhere in the frame.
   */
  List<String> problems() {
    List<String> problems = new ArrayList<>();
    for (PdmlNode p : packet.children()) {
      if (p.name().equals("_ws.malformed")) {
        problems.add("Malformed Packet");
      }
    }
    for (PdmlNode expert : packet.all("_ws.expert")) {
      long severity = expert.first("_ws.expert.severity").map(PdmlNode::showAsNumber).orElse(0L);
      if (severity >= SEVERITY_WARN) {
        String message = expert.first("_ws.expert.message").map(PdmlNode::show).orElse("?");
        problems.add((severity >= SEVERITY_ERROR ? "error: " : "warning: ") + message
            + " (at frame offset " + expert.pos() + ")");
      }
    }
    return problems;
  }

  /**
   * Returns the options as {@code code -> value hex}, with the instances of a code concatenated
   * (RFC 3396) in the order the fields are read (options, then {@code file}, then {@code sname};
   * RFC 2131 section 4.1), each code at the place of its first instance. Pad, end and the overload
   * option itself are left out.
   *
   * <p>Wireshark 4.0 shows each instance of a split option separately, in the order of the
   * fields in the packet (sname before file before options), so this does the joining.
   */
  Map<Integer, String> options() {
    PdmlNode tree = dhcp.orElseThrow();
    List<PdmlNode> ordered = new ArrayList<>();
    for (int area = 0; area < 3; area++) {
      for (PdmlNode option : tree.all("dhcp.option.type")) {
        if (area(option.pos() - tree.pos()) == area) {
          ordered.add(option);
        }
      }
    }
    Map<Integer, String> options = new LinkedHashMap<>();
    for (PdmlNode option : ordered) {
      // The field spans code, length and value; its "show" is not the code for the end option.
      // An option running past the packet has no bytes, only a note in place of the hex.
      int code = isHex(option.value())
          ? Integer.parseInt(option.value().substring(0, 2), 16)
          : (int) option.showAsNumber();
      if (code == 0 || code == 52 || code == 255) {
        continue;
      }
      String value = option.children("dhcp.option.value").stream().findFirst()
          .map(PdmlNode::value).orElse("");
      options.merge(code, isHex(value) ? value : "<" + value + ">", String::concat);
    }
    return options;
  }

  private static boolean isHex(String s) {
    return s.length() % 2 == 0 && s.chars().allMatch(c -> Character.digit(c, 16) >= 0);
  }

  /** Returns 0 for the options field, 1 for {@code file}, 2 for {@code sname}. */
  private static int area(int offsetInMessage) {
    if (offsetInMessage >= OPTIONS_OFFSET) {
      return 0;
    }
    return offsetInMessage >= FILE_OFFSET ? 1 : offsetInMessage >= SNAME_OFFSET ? 2 : -1;
  }

  /** Returns the {@code show} text of every field with this name in the DHCP tree. */
  List<String> shows(String field) {
    return dhcp.orElseThrow().all(field).stream().map(PdmlNode::show)
        .collect(Collectors.toList());
  }

  /** Returns the {@code show} text of the first field with this name in the DHCP tree. */
  Optional<String> show(String field) {
    return dhcp.orElseThrow().first(field).map(PdmlNode::show);
  }

  /** Returns the first field with this name in the DHCP tree. */
  Optional<PdmlNode> field(String field) {
    return dhcp.orElseThrow().first(field);
  }

  /** Returns every field with this name in the DHCP tree. */
  List<PdmlNode> fields(String field) {
    return dhcp.orElseThrow().all(field);
  }
}
