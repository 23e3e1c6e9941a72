package dev.netboot.conformance.dhcp.suite;

/** The rules the suite checks, each with where it comes from and what it expects. */
enum Rule {
  ONE_OFFER("one-offer", "PXE 2.1 §2.2.3; RFC 2131 §4.3.1",
      "exactly one OFFER within the window"),
  OFFER_HEADER("header", "RFC 2131 §4.3.1 table 3; PXE 2.1 §2.2.3",
      "BOOTREPLY echoing xid, chaddr and flags; yiaddr 0.0.0.0"),
  OFFER_OPTIONS("options", "RFC 2131 §4.3.1; PXE 2.1 §2.2.3; UEFI 2.9 §24.7",
      "53 OFFER, 54 = server, 60 PXEClient (HTTPClient for HTTP Boot)"),
  GUID_ECHO("guid", "PXE 2.1 §2.2.3 (option 97)", "97 echoed as the client sent it"),
  BOOT("boot", "PXE 2.1 §2.2.5; RFC 4578 §2.1; firmware notes",
      "a file or 43 menu this family can boot (edk2, iPXE: or a BINL offer), for its"
          + " architecture; siaddr with a file"),
  SIZE("size", "RFC 2132 §9.10; issue 8",
      "within the client's option 57 and at most " + ReplyRules.MAX_AMPLIFICATION
          + "x the request"),
  GUID_ABSENT("offer.no-guid", "PXE 2.1 §2.2.3; firmware notes",
      "no 97 in the OFFER when the client sent none"),
  MAX_SIZE_576("offer.max-message-size-576", "RFC 2132 §9.10",
      "an OFFER that fits a client's option 57 of 576"),
  SILENT_PLAIN_DISCOVER("silent.plain-discover", "PXE 2.1 §2.2.3",
      "nothing for a plain DHCPDISCOVER (udhcpc-like, no option 60)"),
  SILENT_PLAIN_REQUEST("silent.plain-request", "PXE 2.1 §2.2.3",
      "nothing for a plain DHCPREQUEST (no option 60)"),
  SILENT_OTHER_SERVER("silent.request-other-server", "RFC 2131 §4.3.2",
      "nothing for a REQUEST whose option 54 names another server"),
  SILENT_BOOTREPLY("silent.bootreply", "RFC 951 §3; RFC 2131 §4.1",
      "nothing for a BOOTREPLY sent to the server port"),
  SILENT_BAD_COOKIE("silent.bad-cookie", "RFC 2131 §3",
      "nothing for a request with a wrong magic cookie"),
  SILENT_TRUNCATED("silent.truncated-header", "RFC 2131 §2",
      "nothing for a header cut short of 236 bytes"),
  SILENT_BOOTP("silent.bootp", "RFC 1534 §2; PXE 2.1 §2.2.3",
      "nothing for BOOTP (no option 53), even from a PXEClient"),
  SILENT_CLIENT_OFFER("silent.client-offer", "RFC 2131 §4.3",
      "nothing for an OFFER sent by a client"),
  SILENT_CLIENT_ACK("silent.client-ack", "RFC 2131 §4.3", "nothing for an ACK sent by a client"),
  SILENT_CLIENT_NAK("silent.client-nak", "RFC 2131 §4.3", "nothing for a NAK sent by a client"),
  SILENT_CLIENT_DECLINE("silent.client-decline", "RFC 2131 §4.3.3; PXE 2.1 §2.2.3",
      "nothing for a DECLINE: a proxy holds no lease"),
  SILENT_CLIENT_RELEASE("silent.client-release", "RFC 2131 §4.3.4; PXE 2.1 §2.2.3",
      "nothing for a RELEASE: a proxy holds no lease"),
  BOOT_SERVER_MENU("bootserver.menu-request", "PXE 2.1 §2.2.5",
      "one ACK to a BIOS boot server request (43.71): the item's file, 43.71 echoed"),
  BOOT_SERVER_BINL("bootserver.binl-request", "firmware notes: edk2 PxeBcDhcp4 BINL request",
      "one ACK with an x64 UEFI file to edk2's request without 43"),
  BOOT_SERVER_BINL_ARM64("bootserver.binl-request-arm64",
      "firmware notes: edk2 PxeBcDhcp4 BINL request; RFC 4578 §2.1",
      "one ACK with an ARM64 UEFI file to edk2's request without 43"),
  BOOT_SERVER_IPXE("bootserver.ipxe-proxy-request", "firmware notes: iPXE dhcp_proxy_tx",
      "one ACK with a file to iPXE's ProxyDHCP request (54 = server, no 43)"),
  SILENT_BOOT_SERVER_PLAIN("silent.boot-server-non-pxe", "PXE 2.1 §2.2.5",
      "nothing on the boot server port for a plain DHCPREQUEST");

  private final String id;
  private final String source;
  private final String title;

  Rule(String id, String source, String title) {
    this.id = id;
    this.source = source;
    this.title = title;
  }

  /** The check id, or for per-family rules the last part of it. */
  String id() {
    return id;
  }

  String source() {
    return source;
  }

  String title() {
    return title;
  }

  /** The id of a per-family rule for one family. */
  String idFor(String family) {
    return "offer." + family + "." + id;
  }
}
