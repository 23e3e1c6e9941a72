package dev.netboot.cli.dhcp;

import dev.netboot.dhcp.DhcpMessage;
import dev.netboot.dhcp.DhcpOption;
import dev.netboot.dhcp.DhcpOptionCode;
import dev.netboot.dhcp.DhcpOptionType;
import dev.netboot.dhcp.DhcpParseException;
import dev.netboot.dhcp.IpxeOptionCode;
import dev.netboot.dhcp.IpxeOptions;
import dev.netboot.dhcp.SubOption;
import java.net.Inet4Address;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Renders a DHCP message for people, every header field and every option, named and typed, in
 * the spirit of {@code dhcpdump} and {@code tshark -V}. One option per line; lists that would not
 * fit on a line (the parameter request list, iPXE's features) get one item per line below it.
 */
public final class DhcpMessageDump {
  private static final String OPTION_INDENT = "  ";
  private static final String ITEM_INDENT = "        ";
  private static final int ANY_RESERVED_FLAG = ~DhcpMessage.FLAG_BROADCAST & 0xFFFF;
  private static final long INFINITE_SECONDS = 0xFFFF_FFFFL;
  private static final Set<DhcpOptionCode> DURATIONS =
      Set.of(
          DhcpOptionCode.IP_ADDRESS_LEASE_TIME,
          DhcpOptionCode.RENEWAL_TIME,
          DhcpOptionCode.REBINDING_TIME,
          DhcpOptionCode.PXELINUX_REBOOT_TIME);

  private DhcpMessageDump() {}

  /** Returns the dump, one line per field or option, each ending in a newline. */
  public static String format(DhcpMessage m) {
    StringBuilder sb = new StringBuilder();
    sb.append("op: ").append(m.op().name()).append(" (").append(m.op().code()).append(")\n");
    sb.append("htype: ").append(m.hardwareType().name())
        .append(" (").append(m.hardwareType().code()).append(')')
        .append("   hlen: ").append(m.hardwareAddressLength())
        .append("   hops: ").append(m.hops()).append('\n');
    sb.append("xid: 0x").append(String.format("%08x", m.transactionId()))
        .append("   secs: ").append(m.seconds())
        .append("   flags: 0x").append(String.format("%04x", m.flags()))
        .append(" (").append(flagsText(m.flags())).append(")\n");
    sb.append("ciaddr: ").append(m.clientAddress().getHostAddress())
        .append("   yiaddr: ").append(m.yourAddress().getHostAddress())
        .append("   siaddr: ").append(m.serverAddress().getHostAddress())
        .append("   giaddr: ").append(m.gatewayAddress().getHostAddress()).append('\n');
    // hlen 0 is legal: InfiniBand clients leave chaddr empty (RFC 4390).
    sb.append("chaddr: ")
        .append(m.hardwareAddressLength() == 0 ? "(none)" : m.hardwareAddressText()).append('\n');
    sb.append("sname: ").append(quoted(m.serverName()))
        .append("   file: ").append(quoted(m.bootFileName())).append('\n');
    sb.append("options (").append(m.options().size()).append("):\n");
    for (DhcpOption option : m.options()) {
      appendOption(sb, option);
    }
    return sb.toString();
  }

  private static String flagsText(int flags) {
    String text = (flags & DhcpMessage.FLAG_BROADCAST) != 0 ? "broadcast" : "unicast";
    if ((flags & ANY_RESERVED_FLAG) != 0) {
      // RFC 2131 section 2: these bits MUST be zero; show them rather than hide a broken client.
      text += ", reserved bits " + String.format("0x%04x", flags & ANY_RESERVED_FLAG) + " set";
    }
    return text;
  }

  private static void appendOption(StringBuilder sb, DhcpOption option) {
    DhcpOptionCode code = option.code();
    String head = OPTION_INDENT + String.format("%3d", code.code()) + ' ' + code.name()
        + " (" + option.length() + "):";
    String text;
    try {
      if (code.equals(DhcpOptionCode.PARAMETER_REQUEST_LIST)) {
        List<DhcpOptionCode> codes = DhcpOptionType.PARAMETER_REQUEST_LIST.decode(option.value());
        sb.append(head).append('\n');
        for (DhcpOptionCode requested : codes) {
          appendItem(sb, requested.code(), requested.name(), "");
        }
        return;
      }
      if (code.equals(DhcpOptionCode.IPXE_ENCAPSULATED)) {
        IpxeOptions ipxe = DhcpOptionType.IPXE_ENCAPSULATED.decode(option.value());
        sb.append(head);
        appendIpxe(sb, ipxe);
        return;
      }
      text = valueText(option);
    } catch (DhcpParseException e) {
      // describe() shows the bytes and why they do not read as the option's type.
      text = DhcpOptionType.describe(option);
    }
    sb.append(head).append(' ').append(text).append('\n');
  }

  private static String valueText(DhcpOption option) {
    DhcpOptionType<?> type = DhcpOptionType.forCode(option.code());
    Object value = type == null ? null : type.decode(option.value());
    if (value instanceof Inet4Address address) {
      // describe() would show InetAddress.toString(), "/10.0.0.1".
      return address.getHostAddress();
    }
    if (value instanceof List<?> list
        && !list.isEmpty()
        && list.stream().allMatch(Inet4Address.class::isInstance)) {
      return list.stream()
          .map(a -> ((Inet4Address) a).getHostAddress())
          .collect(Collectors.joining(", "));
    }
    if (value instanceof Long seconds && DURATIONS.contains(option.code())) {
      return durationText(seconds);
    }
    return DhcpOptionType.describe(option);
  }

  private static void appendIpxe(StringBuilder sb, IpxeOptions ipxe) {
    sb.append(' ').append(ipxe.version().map(v -> "iPXE " + v).orElse("iPXE"))
        .append(", ").append(ipxe.features().size()).append(" features\n");
    for (SubOption sub : ipxe.subOptions()) {
      IpxeOptionCode code = IpxeOptionCode.valueOf(sub.code());
      byte[] value = sub.value();
      String text;
      if (code.equals(IpxeOptionCode.VERSION) && ipxe.version().isPresent()) {
        text = ipxe.version().get();
      } else if (code.equals(IpxeOptionCode.PRIORITY) && value.length == 1) {
        text = Integer.toString(value[0]);
      } else if (value.length == 1) {
        // Feature flags and switches such as KEEP_SAN: one byte, a version or a boolean.
        text = Integer.toString(value[0] & 0xFF);
      } else {
        text = HexFormat.of().formatHex(value);
      }
      appendItem(sb, code.code(), code.name() + " (" + value.length + ")", ": " + text);
    }
  }

  private static void appendItem(StringBuilder sb, int code, String name, String value) {
    sb.append(ITEM_INDENT).append(String.format("%3d", code)).append(' ').append(name)
        .append(value).append('\n');
  }

  private static String durationText(long seconds) {
    if (seconds == INFINITE_SECONDS) {
      return seconds + " (infinite)";
    }
    StringBuilder sb = new StringBuilder();
    long rest = seconds;
    long[] units = {86_400, 3_600, 60, 1};
    String[] names = {"d", "h", "m", "s"};
    for (int i = 0; i < units.length; i++) {
      if (rest >= units[i]) {
        sb.append(rest / units[i]).append(names[i]);
        rest %= units[i];
      }
    }
    return seconds + " s" + (seconds >= 60 ? " (" + sb + ")" : "");
  }

  /** Quotes a header text field; bytes that are not printable ASCII appear as {@code \xNN}. */
  static String quoted(String text) {
    StringBuilder sb = new StringBuilder("\"");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c < 0x20 || c >= 0x7F) {
        sb.append(String.format("\\x%02x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.append('"').toString();
  }
}
