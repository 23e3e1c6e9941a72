package dev.netboot.it.dhcp;

import dev.netboot.dhcp.ClientIdentifier;
import dev.netboot.dhcp.ClientMachineId;
import dev.netboot.dhcp.ClientNetworkInterface;
import dev.netboot.dhcp.DhcpMessage;
import dev.netboot.dhcp.DhcpMessageType;
import dev.netboot.dhcp.DhcpOption;
import dev.netboot.dhcp.DhcpOptionCode;
import dev.netboot.dhcp.DhcpOptionType;
import dev.netboot.dhcp.IpxeOptionCode;
import dev.netboot.dhcp.IpxeOptions;
import dev.netboot.dhcp.RelayAgentInformation;
import dev.netboot.dhcp.SubOption;
import dev.netboot.dhcp.SubOptions;
import dev.netboot.dhcp.UserClass;
import dev.netboot.dhcp.VendorClass;
import dev.netboot.it.wire.PdmlNode;
import java.net.Inet4Address;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;

/**
 * Compares what tshark read in one frame with the message netboot meant to send. Each mismatch is
 * one soft assertion that names the frame and the field, so one run lists them all.
 *
 * <p>netboot's side is its typed view of the message ({@link DhcpOptionType}); tshark's side is
 * what its dissector shows, read from PDML by filter field name (Wireshark 4.0 names).
 */
final class FrameComparison {
  private final SoftAssertions soft;
  private final String frame;
  private final DhcpMessage message;
  private final DhcpDissection tshark;

  FrameComparison(
      SoftAssertions soft, String frame, DhcpMessage message, DhcpDissection tshark) {
    this.soft = soft;
    this.frame = frame;
    this.message = message;
    this.tshark = tshark;
  }

  /** Adds the assertions; {@code overload} is the option 52 value the frame must carry. */
  void run(int overload) {
    soft.assertThat(tshark.problems())
        .as("%s: tshark's malformed-packet markers and expert warnings/errors", frame)
        .isEmpty();
    header(overload);
    allOptions(overload);
    messageType();
    vendorClass();
    architectures();
    networkInterface();
    machineId();
    vendorSpecific();
    ipxe();
    userClass();
    relayAgent();
    simpleOptions();
  }

  private String what(String field) {
    return frame + ": " + field;
  }

  private void header(int overload) {
    soft.assertThat(headerField("dhcp.type").map(Long::parseLong))
        .as(what("op")).contains((long) message.op().code());
    soft.assertThat(headerField("dhcp.id"))
        .as(what("xid")).contains(String.format("0x%08x", message.transactionId()));
    soft.assertThat(headerField("dhcp.hops").map(Long::parseLong))
        .as(what("hops")).contains((long) message.hops());
    soft.assertThat(headerField("dhcp.secs").map(Long::parseLong))
        .as(what("secs")).contains((long) message.seconds());
    soft.assertThat(headerField("dhcp.flags").map(PdmlNode::number))
        .as(what("flags")).contains((long) message.flags());
    soft.assertThat(headerField("dhcp.ip.client")).as(what("ciaddr"))
        .contains(message.clientAddress().getHostAddress());
    soft.assertThat(headerField("dhcp.ip.your")).as(what("yiaddr"))
        .contains(message.yourAddress().getHostAddress());
    soft.assertThat(headerField("dhcp.ip.server")).as(what("siaddr"))
        .contains(message.serverAddress().getHostAddress());
    soft.assertThat(headerField("dhcp.ip.relay")).as(what("giaddr"))
        .contains(message.gatewayAddress().getHostAddress());
    // Wireshark names chaddr by its form: an Ethernet MAC, or plain bytes.
    Optional<PdmlNode> chaddr = tshark.dhcp().orElseThrow().children("dhcp.hw.mac_addr")
        .stream().findFirst()
        .or(() -> tshark.dhcp().orElseThrow().children("dhcp.hw.addr").stream().findFirst());
    soft.assertThat(chaddr.map(PdmlNode::value)).as(what("chaddr"))
        .isEqualTo(message.hardwareAddressLength() == 0
            ? Optional.empty() : Optional.of(hex(message.hardwareAddress())));
    soft.assertThat(headerField("dhcp.hw.type").map(PdmlNode::number))
        .as(what("htype")).contains((long) message.hardwareType().code());
    soft.assertThat(headerField("dhcp.hw.len").map(Long::parseLong))
        .as(what("hlen")).contains((long) message.hardwareAddressLength());
    // With option 52 the fields hold options, which allOptions() compares.
    if ((overload & 2) == 0) {
      soft.assertThat(headerField("dhcp.server")).as(what("sname")).contains(message.serverName());
    }
    if ((overload & 1) == 0) {
      soft.assertThat(headerField("dhcp.file")).as(what("file")).contains(message.bootFileName());
    }
  }

  /** Returns a header field: a direct child of the DHCP tree, not the same name in option 61. */
  private Optional<String> headerField(String field) {
    return tshark.dhcp().orElseThrow().children(field).stream().findFirst().map(PdmlNode::show);
  }

  /**
   * Every option, code and bytes, in order: catches a wrong length, a lost or extra option, an
   * RFC 3396 split that does not join back, and options lost in {@code file} or {@code sname}.
   */
  private void allOptions(int overload) {
    List<String> ours = new ArrayList<>();
    for (DhcpOption option : message.options()) {
      ours.add(option.code().code() + "=" + hex(option.value()));
    }
    List<String> theirs = tshark.options().entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.toList());
    soft.assertThat(theirs)
        .as(what("options (code=value hex), split instances joined per RFC 3396"))
        .containsExactlyElementsOf(ours);
    soft.assertThat(tshark.show("dhcp.option.option_overload").map(PdmlNode::number))
        .as(what("option 52, overload"))
        .isEqualTo(overload == 0 ? Optional.empty() : Optional.of((long) overload));
  }

  private void messageType() {
    DhcpMessageType type = message.messageType();
    soft.assertThat(tshark.shows("dhcp.option.dhcp"))
        .as(what("option 53, message type"))
        .isEqualTo(type == null ? List.of() : List.of(String.valueOf(type.code())));
  }

  private void vendorClass() {
    soft.assertThat(tshark.shows("dhcp.option.vendor_class_id"))
        .as(what("option 60, vendor class"))
        .isEqualTo(message.option(DhcpOptionType.VENDOR_CLASS_IDENTIFIER)
            .map(c -> List.of(c.text())).orElse(List.of()));
  }

  private void architectures() {
    List<String> ours = message.option(DhcpOptionType.CLIENT_SYSTEM_ARCHITECTURE)
        .orElse(List.of()).stream().map(a -> String.valueOf(a.code()))
        .collect(Collectors.toList());
    soft.assertThat(tshark.shows("dhcp.option.client_system_architecture"))
        .as(what("option 93, client system architectures"))
        .isEqualTo(ours);
  }

  private void networkInterface() {
    Optional<ClientNetworkInterface> ours =
        message.option(DhcpOptionType.CLIENT_NETWORK_INTERFACE);
    soft.assertThat(tshark.show("dhcp.client_network_id_major"))
        .as(what("option 94, UNDI major")).isEqualTo(ours.map(n -> String.valueOf(n.major())));
    soft.assertThat(tshark.show("dhcp.client_network_id_minor"))
        .as(what("option 94, UNDI minor")).isEqualTo(ours.map(n -> String.valueOf(n.minor())));
  }

  private void machineId() {
    Optional<ClientMachineId> ours = message.option(DhcpOptionType.CLIENT_MACHINE_IDENTIFIER);
    if (ours.isEmpty() || !ours.get().isGuid()) {
      return;
    }
    // Wireshark shows no field for the type byte; allOptions() compares it as the first byte.
    soft.assertThat(tshark.field("dhcp.client_id.uuid").map(PdmlNode::show))
        .as(what("option 97, GUID as tshark prints it (little-endian fields)"))
        .contains(ours.get().uuid().orElseThrow().toString());
    soft.assertThat(tshark.field("dhcp.client_id.uuid").map(PdmlNode::value))
        .as(what("option 97, GUID bytes"))
        .contains(hex(ours.get().identifier()));
  }

  /** Option 43: Wireshark reads PXE sub-options when option 60 starts with "PXEClient". */
  private void vendorSpecific() {
    Optional<byte[]> ours = message.option(DhcpOptionType.VENDOR_SPECIFIC);
    boolean pxe = message.option(DhcpOptionType.VENDOR_CLASS_IDENTIFIER)
        .map(VendorClass::isPxeClient).orElse(false);
    if (ours.isEmpty() || !pxe) {
      return;
    }
    List<String> expected = SubOptions.parse(ours.get(), true).stream()
        .map(s -> s.code() + "=" + hex(s.value())).collect(Collectors.toList());
    List<String> theirs = new ArrayList<>();
    for (PdmlNode sub : tshark.fields("dhcp.option.vendor.pxeclient.suboption")) {
      String value = sub.children("dhcp.option.vendor.value").stream().findFirst()
          .map(PdmlNode::value).orElse("");
      theirs.add(sub.show() + "=" + value);
    }
    soft.assertThat(theirs)
        .as(what("option 43, PXE sub-options (code=value hex) as tshark dissects them"))
        .containsExactlyElementsOf(expected);
    soft.assertThat(tshark.field("dhcp.option.vendor.pxeclient.end").isPresent())
        .as(what("option 43, PXE end sub-option (255)"))
        .isEqualTo(endsWithEnd(ours.get()));
  }

  /**
   * Option 175: Wireshark 4.0 names it "Etherboot" but shows only the value bytes, so its
   * sub-options are read from those bytes here, independently of netboot's {@link SubOptions},
   * and compared with netboot's typed view.
   */
  private void ipxe() {
    Optional<IpxeOptions> ours = message.option(DhcpOptionType.IPXE_ENCAPSULATED);
    String theirHex = tshark.options().get(DhcpOptionCode.IPXE_ENCAPSULATED.code());
    soft.assertThat(theirHex != null).as(what("option 175 present")).isEqualTo(ours.isPresent());
    if (ours.isEmpty() || theirHex == null) {
      return;
    }
    List<Tlv> theirs = Tlv.read(HexFormat.of().parseHex(theirHex));
    soft.assertThat(theirs.stream().map(Tlv::toString).collect(Collectors.toList()))
        .as(what("option 175, iPXE sub-options (code=value hex)"))
        .containsExactlyElementsOf(ours.get().subOptions().stream()
            .map(s -> s.code() + "=" + hex(s.value())).collect(Collectors.toList()));
    soft.assertThat(ours.get().features().stream().map(IpxeOptionCode::code)
            .collect(Collectors.toList()))
        .as(what("option 175, iPXE feature codes (0x10-0x4f)"))
        .isEqualTo(theirs.stream().map(Tlv::code).filter(c -> c >= 0x10 && c <= 0x4f)
            .sorted().distinct().collect(Collectors.toList()));
    Optional<String> theirVersion = theirs.stream()
        .filter(t -> t.code() == IpxeOptionCode.VERSION.code() && t.value().length == 3)
        .findFirst()
        .map(t -> (t.value()[0] & 0xFF) + "." + (t.value()[1] & 0xFF) + "."
            + (t.value()[2] & 0xFF));
    soft.assertThat(ours.get().version()).as(what("option 175, iPXE version (235)"))
        .isEqualTo(theirVersion);
  }

  /**
   * Option 77: Wireshark reads RFC 3004 instances when the bytes allow it and otherwise shows
   * the whole value as text with a "Non standard compliant option data" note, as iPXE's bare
   * {@code iPXE} is.
   */
  private void userClass() {
    Optional<UserClass> ours = message.option(DhcpOptionType.USER_CLASS);
    if (ours.isEmpty()) {
      return;
    }
    List<String> theirs;
    if (ours.get().isRfc3004()) {
      theirs = tshark.fields("dhcp.option.user_class.data").stream()
          .map(d -> new String(HexFormat.of().parseHex(d.value()), StandardCharsets.ISO_8859_1))
          .collect(Collectors.toList());
    } else {
      theirs = tshark.shows("dhcp.option.user_class.text");
    }
    soft.assertThat(theirs)
        .as(what("option 77, user classes (" + (ours.get().isRfc3004() ? "RFC 3004" : "raw")
            + ")"))
        .isEqualTo(ours.get().classes());
  }

  private void relayAgent() {
    Optional<RelayAgentInformation> ours =
        message.option(DhcpOptionType.RELAY_AGENT_INFORMATION);
    if (ours.isEmpty()) {
      return;
    }
    List<String> theirs = new ArrayList<>();
    for (PdmlNode sub : tshark.fields("dhcp.option.agent_information_option.suboption")) {
      String value = sub.children("dhcp.option.agent_information_option.value").stream()
          .findFirst().map(PdmlNode::value).orElse("");
      theirs.add(sub.show() + "=" + value);
    }
    soft.assertThat(theirs)
        .as(what("option 82, relay agent sub-options (code=value hex)"))
        .containsExactlyElementsOf(ours.get().subOptions().stream()
            .map(s -> s.code() + "=" + hex(s.value())).collect(Collectors.toList()));
    Optional<SubOption> circuit = ours.get().get(RelayAgentInformation.CIRCUIT_ID);
    soft.assertThat(tshark.field("dhcp.option.agent_information_option.agent_circuit_id")
            .map(PdmlNode::value))
        .as(what("option 82, circuit id")).isEqualTo(circuit.map(s -> hex(s.value())));
    Optional<SubOption> remote = ours.get().get(RelayAgentInformation.REMOTE_ID);
    soft.assertThat(tshark.field("dhcp.option.agent_information_option.agent_remote_id")
            .map(PdmlNode::value))
        .as(what("option 82, remote id")).isEqualTo(remote.map(s -> hex(s.value())));
  }

  /** Options that Wireshark shows as one typed field, compared as text. */
  private void simpleOptions() {
    same("option 54, server identifier", "dhcp.option.dhcp_server_id",
        message.option(DhcpOptionType.SERVER_IDENTIFIER).map(Inet4Address::getHostAddress));
    same("option 57, maximum message size", "dhcp.option.dhcp_max_message_size",
        message.option(DhcpOptionType.MAXIMUM_MESSAGE_SIZE).map(String::valueOf));
    same("option 66, TFTP server name", "dhcp.option.tftp_server_name",
        message.option(DhcpOptionType.TFTP_SERVER_NAME));
    same("option 67, bootfile name", "dhcp.option.bootfile_name",
        message.option(DhcpOptionType.BOOTFILE_NAME));
    same("option 209, PXELINUX config file", "dhcp.option.pxe_config_file",
        message.option(DhcpOptionType.PXELINUX_CONFIG_FILE));
    same("option 210, PXELINUX path prefix", "dhcp.option.pxe_path_prefix",
        message.option(DhcpOptionType.PXELINUX_PATH_PREFIX));
    soft.assertThat(tshark.shows("dhcp.option.request_list_item"))
        .as(what("option 55, parameter request list"))
        .isEqualTo(message.option(DhcpOptionType.PARAMETER_REQUEST_LIST).orElse(List.of())
            .stream().map(c -> String.valueOf(c.code())).collect(Collectors.toList()));
    Optional<ClientIdentifier> clientId = message.option(DhcpOptionType.CLIENT_IDENTIFIER);
    if (clientId.isPresent() && clientId.get().type() == 1
        && clientId.get().identifier().length == 6) {
      PdmlNode option61 = tshark.fields("dhcp.option.type").stream()
          .filter(o -> o.value().startsWith("3d")).findFirst().orElseThrow();
      soft.assertThat(option61.first("dhcp.hw.mac_addr").map(PdmlNode::value))
          .as(what("option 61, client identifier MAC"))
          .contains(hex(clientId.get().identifier()));
    }
  }

  private void same(String option, String field, Optional<String> ours) {
    soft.assertThat(tshark.show(field)).as(what(option)).isEqualTo(ours);
  }

  /** Returns whether walking the sub-options of {@code bytes} meets an end code (255). */
  private static boolean endsWithEnd(byte[] bytes) {
    int i = 0;
    while (i < bytes.length) {
      int code = bytes[i] & 0xFF;
      if (code == 255) {
        return true;
      }
      i += code == 0 ? 1 : 2 + (i + 1 < bytes.length ? bytes[i + 1] & 0xFF : 0);
    }
    return false;
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  /**
   * One code-length-value sub-option, read by this test's own loop rather than netboot's
   * {@link SubOptions}, so that a shared misreading cannot hide.
   */
  private record Tlv(int code, byte[] value) {
    /** Reads sub-options with pad (0) and end (255), as iPXE writes option 175. */
    static List<Tlv> read(byte[] bytes) {
      List<Tlv> out = new ArrayList<>();
      int i = 0;
      while (i < bytes.length && (bytes[i] & 0xFF) != 255) {
        int code = bytes[i] & 0xFF;
        if (code == 0) {
          i++;
          continue;
        }
        int length = i + 1 < bytes.length ? bytes[i + 1] & 0xFF : 0;
        int end = Math.min(bytes.length, i + 2 + length);
        out.add(new Tlv(code, Arrays.copyOfRange(bytes, Math.min(i + 2, end), end)));
        i = end;
      }
      return out;
    }

    @Override
    public String toString() {
      return code + "=" + hex(value);
    }
  }
}
