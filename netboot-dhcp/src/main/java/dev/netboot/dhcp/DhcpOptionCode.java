package dev.netboot.dhcp;

import dev.netboot.dhcp.internal.CodeRegistry;
import java.util.List;

/**
 * A DHCP option code from IANA's "BOOTP Vendor Extensions and DHCP Options" registry.
 *
 * <p>Codes 0 (pad), 52 (overload) and 255 (end) frame the option area; the codec consumes them
 * and never shows them as options. Every other code, named here or not, is kept as an option.
 */
public final class DhcpOptionCode extends NamedCode<DhcpOptionCode> {
  /** Pad: one byte, no length (RFC 2132 3.1); framing, never kept as an option. */
  public static final DhcpOptionCode PAD = new DhcpOptionCode(0, "PAD");
  /** Subnet mask (RFC 2132 3.3). */
  public static final DhcpOptionCode SUBNET_MASK = new DhcpOptionCode(1, "SUBNET_MASK");
  /** Time offset from UTC in seconds (RFC 2132 3.4). */
  public static final DhcpOptionCode TIME_OFFSET = new DhcpOptionCode(2, "TIME_OFFSET");
  /** Routers (RFC 2132 3.5). */
  public static final DhcpOptionCode ROUTERS = new DhcpOptionCode(3, "ROUTERS");
  /** Time servers (RFC 2132 3.6). */
  public static final DhcpOptionCode TIME_SERVERS = new DhcpOptionCode(4, "TIME_SERVERS");
  /** IEN 116 name servers (RFC 2132 3.7). */
  public static final DhcpOptionCode NAME_SERVERS = new DhcpOptionCode(5, "NAME_SERVERS");
  /** Domain name servers (RFC 2132 3.8). */
  public static final DhcpOptionCode DOMAIN_NAME_SERVERS = new DhcpOptionCode(6, "DOMAIN_NAME_SERVERS");
  /** Log servers (RFC 2132 3.9). */
  public static final DhcpOptionCode LOG_SERVERS = new DhcpOptionCode(7, "LOG_SERVERS");
  /** Cookie servers (RFC 2132 3.10). */
  public static final DhcpOptionCode COOKIE_SERVERS = new DhcpOptionCode(8, "COOKIE_SERVERS");
  /** LPR servers (RFC 2132 3.11). */
  public static final DhcpOptionCode LPR_SERVERS = new DhcpOptionCode(9, "LPR_SERVERS");
  /** Impress servers (RFC 2132 3.12). */
  public static final DhcpOptionCode IMPRESS_SERVERS = new DhcpOptionCode(10, "IMPRESS_SERVERS");
  /** Resource location servers (RFC 2132 3.13). */
  public static final DhcpOptionCode RESOURCE_LOCATION_SERVERS = new DhcpOptionCode(11, "RESOURCE_LOCATION_SERVERS");
  /** Host name (RFC 2132 3.14). */
  public static final DhcpOptionCode HOST_NAME = new DhcpOptionCode(12, "HOST_NAME");
  /** Boot file size in 512-byte blocks (RFC 2132 3.15). */
  public static final DhcpOptionCode BOOT_FILE_SIZE = new DhcpOptionCode(13, "BOOT_FILE_SIZE");
  /** Merit dump file (RFC 2132 3.16). */
  public static final DhcpOptionCode MERIT_DUMP_FILE = new DhcpOptionCode(14, "MERIT_DUMP_FILE");
  /** Domain name (RFC 2132 3.17). */
  public static final DhcpOptionCode DOMAIN_NAME = new DhcpOptionCode(15, "DOMAIN_NAME");
  /** Swap server (RFC 2132 3.18). */
  public static final DhcpOptionCode SWAP_SERVER = new DhcpOptionCode(16, "SWAP_SERVER");
  /** Root path (RFC 2132 3.19). */
  public static final DhcpOptionCode ROOT_PATH = new DhcpOptionCode(17, "ROOT_PATH");
  /** Extensions path (RFC 2132 3.20). */
  public static final DhcpOptionCode EXTENSIONS_PATH = new DhcpOptionCode(18, "EXTENSIONS_PATH");
  /** IP forwarding enable (RFC 2132 4.1). */
  public static final DhcpOptionCode IP_FORWARDING = new DhcpOptionCode(19, "IP_FORWARDING");
  /** Non-local source routing (RFC 2132 4.2). */
  public static final DhcpOptionCode NON_LOCAL_SOURCE_ROUTING = new DhcpOptionCode(20, "NON_LOCAL_SOURCE_ROUTING");
  /** Policy filter (RFC 2132 4.3). */
  public static final DhcpOptionCode POLICY_FILTER = new DhcpOptionCode(21, "POLICY_FILTER");
  /** Maximum datagram reassembly size (RFC 2132 4.4). */
  public static final DhcpOptionCode MAX_DATAGRAM_REASSEMBLY_SIZE = new DhcpOptionCode(22, "MAX_DATAGRAM_REASSEMBLY_SIZE");
  /** Default IP time-to-live (RFC 2132 4.5). */
  public static final DhcpOptionCode DEFAULT_IP_TTL = new DhcpOptionCode(23, "DEFAULT_IP_TTL");
  /** Path MTU aging timeout (RFC 2132 4.6). */
  public static final DhcpOptionCode PATH_MTU_AGING_TIMEOUT = new DhcpOptionCode(24, "PATH_MTU_AGING_TIMEOUT");
  /** Path MTU plateau table (RFC 2132 4.7). */
  public static final DhcpOptionCode PATH_MTU_PLATEAU_TABLE = new DhcpOptionCode(25, "PATH_MTU_PLATEAU_TABLE");
  /** Interface MTU (RFC 2132 5.1). */
  public static final DhcpOptionCode INTERFACE_MTU = new DhcpOptionCode(26, "INTERFACE_MTU");
  /** All subnets are local (RFC 2132 5.2). */
  public static final DhcpOptionCode ALL_SUBNETS_ARE_LOCAL = new DhcpOptionCode(27, "ALL_SUBNETS_ARE_LOCAL");
  /** Broadcast address (RFC 2132 5.3). */
  public static final DhcpOptionCode BROADCAST_ADDRESS = new DhcpOptionCode(28, "BROADCAST_ADDRESS");
  /** Perform mask discovery (RFC 2132 5.4). */
  public static final DhcpOptionCode PERFORM_MASK_DISCOVERY = new DhcpOptionCode(29, "PERFORM_MASK_DISCOVERY");
  /** Mask supplier (RFC 2132 5.5). */
  public static final DhcpOptionCode MASK_SUPPLIER = new DhcpOptionCode(30, "MASK_SUPPLIER");
  /** Perform router discovery (RFC 2132 5.6). */
  public static final DhcpOptionCode PERFORM_ROUTER_DISCOVERY = new DhcpOptionCode(31, "PERFORM_ROUTER_DISCOVERY");
  /** Router solicitation address (RFC 2132 5.7). */
  public static final DhcpOptionCode ROUTER_SOLICITATION_ADDRESS = new DhcpOptionCode(32, "ROUTER_SOLICITATION_ADDRESS");
  /** Static routes (RFC 2132 5.8). */
  public static final DhcpOptionCode STATIC_ROUTES = new DhcpOptionCode(33, "STATIC_ROUTES");
  /** Trailer encapsulation (RFC 2132 6.1). */
  public static final DhcpOptionCode TRAILER_ENCAPSULATION = new DhcpOptionCode(34, "TRAILER_ENCAPSULATION");
  /** ARP cache timeout (RFC 2132 6.2). */
  public static final DhcpOptionCode ARP_CACHE_TIMEOUT = new DhcpOptionCode(35, "ARP_CACHE_TIMEOUT");
  /** Ethernet encapsulation (RFC 2132 6.3). */
  public static final DhcpOptionCode ETHERNET_ENCAPSULATION = new DhcpOptionCode(36, "ETHERNET_ENCAPSULATION");
  /** TCP default TTL (RFC 2132 7.1). */
  public static final DhcpOptionCode TCP_DEFAULT_TTL = new DhcpOptionCode(37, "TCP_DEFAULT_TTL");
  /** TCP keepalive interval (RFC 2132 7.2). */
  public static final DhcpOptionCode TCP_KEEPALIVE_INTERVAL = new DhcpOptionCode(38, "TCP_KEEPALIVE_INTERVAL");
  /** TCP keepalive garbage (RFC 2132 7.3). */
  public static final DhcpOptionCode TCP_KEEPALIVE_GARBAGE = new DhcpOptionCode(39, "TCP_KEEPALIVE_GARBAGE");
  /** NIS domain (RFC 2132 8.1). */
  public static final DhcpOptionCode NIS_DOMAIN = new DhcpOptionCode(40, "NIS_DOMAIN");
  /** NIS servers (RFC 2132 8.2). */
  public static final DhcpOptionCode NIS_SERVERS = new DhcpOptionCode(41, "NIS_SERVERS");
  /** NTP servers (RFC 2132 8.3). */
  public static final DhcpOptionCode NTP_SERVERS = new DhcpOptionCode(42, "NTP_SERVERS");
  /** Vendor-specific information; PXE's sub-options live here (RFC 2132 8.4). */
  public static final DhcpOptionCode VENDOR_SPECIFIC = new DhcpOptionCode(43, "VENDOR_SPECIFIC");
  /** NetBIOS over TCP/IP name servers (RFC 2132 8.5). */
  public static final DhcpOptionCode NETBIOS_NAME_SERVERS = new DhcpOptionCode(44, "NETBIOS_NAME_SERVERS");
  /** NetBIOS datagram distribution servers (RFC 2132 8.6). */
  public static final DhcpOptionCode NETBIOS_DATAGRAM_DISTRIBUTION_SERVERS = new DhcpOptionCode(45, "NETBIOS_DATAGRAM_DISTRIBUTION_SERVERS");
  /** NetBIOS node type (RFC 2132 8.7). */
  public static final DhcpOptionCode NETBIOS_NODE_TYPE = new DhcpOptionCode(46, "NETBIOS_NODE_TYPE");
  /** NetBIOS scope (RFC 2132 8.8). */
  public static final DhcpOptionCode NETBIOS_SCOPE = new DhcpOptionCode(47, "NETBIOS_SCOPE");
  /** X Window font servers (RFC 2132 8.9). */
  public static final DhcpOptionCode X_FONT_SERVERS = new DhcpOptionCode(48, "X_FONT_SERVERS");
  /** X Window display managers (RFC 2132 8.10). */
  public static final DhcpOptionCode X_DISPLAY_MANAGERS = new DhcpOptionCode(49, "X_DISPLAY_MANAGERS");
  /** Requested IP address (RFC 2132 9.1). */
  public static final DhcpOptionCode REQUESTED_IP_ADDRESS = new DhcpOptionCode(50, "REQUESTED_IP_ADDRESS");
  /** IP address lease time (RFC 2132 9.2). */
  public static final DhcpOptionCode IP_ADDRESS_LEASE_TIME = new DhcpOptionCode(51, "IP_ADDRESS_LEASE_TIME");
  /** Option overload: file and sname hold options (RFC 2132 9.3); framing, consumed by the codec. */
  public static final DhcpOptionCode OPTION_OVERLOAD = new DhcpOptionCode(52, "OPTION_OVERLOAD");
  /** DHCP message type (RFC 2132 9.6). */
  public static final DhcpOptionCode MESSAGE_TYPE = new DhcpOptionCode(53, "MESSAGE_TYPE");
  /** Server identifier (RFC 2132 9.7). */
  public static final DhcpOptionCode SERVER_IDENTIFIER = new DhcpOptionCode(54, "SERVER_IDENTIFIER");
  /** Parameter request list (RFC 2132 9.8). */
  public static final DhcpOptionCode PARAMETER_REQUEST_LIST = new DhcpOptionCode(55, "PARAMETER_REQUEST_LIST");
  /** Message (RFC 2132 9.9). */
  public static final DhcpOptionCode MESSAGE = new DhcpOptionCode(56, "MESSAGE");
  /** Maximum DHCP message size (RFC 2132 9.10). */
  public static final DhcpOptionCode MAXIMUM_MESSAGE_SIZE = new DhcpOptionCode(57, "MAXIMUM_MESSAGE_SIZE");
  /** Renewal (T1) time (RFC 2132 9.11). */
  public static final DhcpOptionCode RENEWAL_TIME = new DhcpOptionCode(58, "RENEWAL_TIME");
  /** Rebinding (T2) time (RFC 2132 9.12). */
  public static final DhcpOptionCode REBINDING_TIME = new DhcpOptionCode(59, "REBINDING_TIME");
  /** Vendor class identifier, such as {@code PXEClient:Arch:00007:UNDI:003016} (RFC 2132 9.13). */
  public static final DhcpOptionCode VENDOR_CLASS_IDENTIFIER = new DhcpOptionCode(60, "VENDOR_CLASS_IDENTIFIER");
  /** Client identifier (RFC 2132 9.14). */
  public static final DhcpOptionCode CLIENT_IDENTIFIER = new DhcpOptionCode(61, "CLIENT_IDENTIFIER");
  /** NetWare/IP domain (RFC 2242). */
  public static final DhcpOptionCode NETWARE_IP_DOMAIN = new DhcpOptionCode(62, "NETWARE_IP_DOMAIN");
  /** NetWare/IP option (RFC 2242). */
  public static final DhcpOptionCode NETWARE_IP_OPTION = new DhcpOptionCode(63, "NETWARE_IP_OPTION");
  /** NIS+ domain (RFC 2132 8.11). */
  public static final DhcpOptionCode NIS_PLUS_DOMAIN = new DhcpOptionCode(64, "NIS_PLUS_DOMAIN");
  /** NIS+ servers (RFC 2132 8.12). */
  public static final DhcpOptionCode NIS_PLUS_SERVERS = new DhcpOptionCode(65, "NIS_PLUS_SERVERS");
  /** TFTP server name (RFC 2132 9.4). */
  public static final DhcpOptionCode TFTP_SERVER_NAME = new DhcpOptionCode(66, "TFTP_SERVER_NAME");
  /** Bootfile name (RFC 2132 9.5). */
  public static final DhcpOptionCode BOOTFILE_NAME = new DhcpOptionCode(67, "BOOTFILE_NAME");
  /** Mobile IP home agent (RFC 2132 8.13). */
  public static final DhcpOptionCode MOBILE_IP_HOME_AGENT = new DhcpOptionCode(68, "MOBILE_IP_HOME_AGENT");
  /** SMTP servers (RFC 2132 8.14). */
  public static final DhcpOptionCode SMTP_SERVERS = new DhcpOptionCode(69, "SMTP_SERVERS");
  /** POP3 servers (RFC 2132 8.15). */
  public static final DhcpOptionCode POP3_SERVERS = new DhcpOptionCode(70, "POP3_SERVERS");
  /** NNTP servers (RFC 2132 8.16). */
  public static final DhcpOptionCode NNTP_SERVERS = new DhcpOptionCode(71, "NNTP_SERVERS");
  /** WWW servers (RFC 2132 8.17). */
  public static final DhcpOptionCode WWW_SERVERS = new DhcpOptionCode(72, "WWW_SERVERS");
  /** Finger servers (RFC 2132 8.18). */
  public static final DhcpOptionCode FINGER_SERVERS = new DhcpOptionCode(73, "FINGER_SERVERS");
  /** IRC servers (RFC 2132 8.19). */
  public static final DhcpOptionCode IRC_SERVERS = new DhcpOptionCode(74, "IRC_SERVERS");
  /** StreetTalk servers (RFC 2132 8.20). */
  public static final DhcpOptionCode STREETTALK_SERVERS = new DhcpOptionCode(75, "STREETTALK_SERVERS");
  /** StreetTalk directory assistance servers (RFC 2132 8.21). */
  public static final DhcpOptionCode STDA_SERVERS = new DhcpOptionCode(76, "STDA_SERVERS");
  /** User class (RFC 3004); iPXE sends the bare text {@code iPXE}. */
  public static final DhcpOptionCode USER_CLASS = new DhcpOptionCode(77, "USER_CLASS");
  /** SLP directory agent (RFC 2610). */
  public static final DhcpOptionCode SLP_DIRECTORY_AGENT = new DhcpOptionCode(78, "SLP_DIRECTORY_AGENT");
  /** SLP service scope (RFC 2610). */
  public static final DhcpOptionCode SLP_SERVICE_SCOPE = new DhcpOptionCode(79, "SLP_SERVICE_SCOPE");
  /** Rapid commit (RFC 4039). */
  public static final DhcpOptionCode RAPID_COMMIT = new DhcpOptionCode(80, "RAPID_COMMIT");
  /** Client FQDN (RFC 4702). */
  public static final DhcpOptionCode CLIENT_FQDN = new DhcpOptionCode(81, "CLIENT_FQDN");
  /** Relay agent information (RFC 3046). */
  public static final DhcpOptionCode RELAY_AGENT_INFORMATION = new DhcpOptionCode(82, "RELAY_AGENT_INFORMATION");
  /** iSNS (RFC 4174). */
  public static final DhcpOptionCode ISNS = new DhcpOptionCode(83, "ISNS");
  /** NDS servers (RFC 2241). */
  public static final DhcpOptionCode NDS_SERVERS = new DhcpOptionCode(85, "NDS_SERVERS");
  /** NDS tree name (RFC 2241). */
  public static final DhcpOptionCode NDS_TREE_NAME = new DhcpOptionCode(86, "NDS_TREE_NAME");
  /** NDS context (RFC 2241). */
  public static final DhcpOptionCode NDS_CONTEXT = new DhcpOptionCode(87, "NDS_CONTEXT");
  /** BCMCS controller domain names (RFC 4280). */
  public static final DhcpOptionCode BCMCS_DOMAIN_NAMES = new DhcpOptionCode(88, "BCMCS_DOMAIN_NAMES");
  /** BCMCS controller addresses (RFC 4280). */
  public static final DhcpOptionCode BCMCS_ADDRESSES = new DhcpOptionCode(89, "BCMCS_ADDRESSES");
  /** Authentication (RFC 3118). */
  public static final DhcpOptionCode AUTHENTICATION = new DhcpOptionCode(90, "AUTHENTICATION");
  /** Client last transaction time (RFC 4388). */
  public static final DhcpOptionCode CLIENT_LAST_TRANSACTION_TIME = new DhcpOptionCode(91, "CLIENT_LAST_TRANSACTION_TIME");
  /** Associated IP addresses (RFC 4388). */
  public static final DhcpOptionCode ASSOCIATED_IP = new DhcpOptionCode(92, "ASSOCIATED_IP");
  /** Client system architecture (RFC 4578 2.1). */
  public static final DhcpOptionCode CLIENT_SYSTEM_ARCHITECTURE = new DhcpOptionCode(93, "CLIENT_SYSTEM_ARCHITECTURE");
  /** Client network interface identifier (RFC 4578 2.2). */
  public static final DhcpOptionCode CLIENT_NETWORK_INTERFACE = new DhcpOptionCode(94, "CLIENT_NETWORK_INTERFACE");
  /** LDAP servers (RFC 3679). */
  public static final DhcpOptionCode LDAP = new DhcpOptionCode(95, "LDAP");
  /** Client machine identifier, the PXE GUID (RFC 4578 2.3). */
  public static final DhcpOptionCode CLIENT_MACHINE_IDENTIFIER = new DhcpOptionCode(97, "CLIENT_MACHINE_IDENTIFIER");
  /** User authentication protocol (RFC 2485). */
  public static final DhcpOptionCode USER_AUTHENTICATION_PROTOCOL = new DhcpOptionCode(98, "USER_AUTHENTICATION_PROTOCOL");
  /** Civic location (RFC 4776). */
  public static final DhcpOptionCode GEOCONF_CIVIC = new DhcpOptionCode(99, "GEOCONF_CIVIC");
  /** IEEE 1003.1 TZ string (RFC 4833). */
  public static final DhcpOptionCode PCODE = new DhcpOptionCode(100, "PCODE");
  /** Tz database string (RFC 4833). */
  public static final DhcpOptionCode TCODE = new DhcpOptionCode(101, "TCODE");
  /** IPv6-only preferred (RFC 8925). */
  public static final DhcpOptionCode IPV6_ONLY_PREFERRED = new DhcpOptionCode(108, "IPV6_ONLY_PREFERRED");
  /** Captive portal URI (RFC 8910). */
  public static final DhcpOptionCode CAPTIVE_PORTAL = new DhcpOptionCode(114, "CAPTIVE_PORTAL");
  /** Auto-configure (RFC 2563). */
  public static final DhcpOptionCode AUTO_CONFIGURE = new DhcpOptionCode(116, "AUTO_CONFIGURE");
  /** Name service search (RFC 2937). */
  public static final DhcpOptionCode NAME_SERVICE_SEARCH = new DhcpOptionCode(117, "NAME_SERVICE_SEARCH");
  /** Subnet selection (RFC 3011). */
  public static final DhcpOptionCode SUBNET_SELECTION = new DhcpOptionCode(118, "SUBNET_SELECTION");
  /** Domain search list (RFC 3397). */
  public static final DhcpOptionCode DOMAIN_SEARCH = new DhcpOptionCode(119, "DOMAIN_SEARCH");
  /** SIP servers (RFC 3361). */
  public static final DhcpOptionCode SIP_SERVERS = new DhcpOptionCode(120, "SIP_SERVERS");
  /** Classless static routes (RFC 3442). */
  public static final DhcpOptionCode CLASSLESS_STATIC_ROUTE = new DhcpOptionCode(121, "CLASSLESS_STATIC_ROUTE");
  /** CableLabs client configuration (RFC 3495). */
  public static final DhcpOptionCode CCC = new DhcpOptionCode(122, "CCC");
  /** Geographic location (RFC 6225). */
  public static final DhcpOptionCode GEOCONF = new DhcpOptionCode(123, "GEOCONF");
  /** Vendor-identifying vendor class (RFC 3925). */
  public static final DhcpOptionCode VENDOR_IDENTIFYING_VENDOR_CLASS = new DhcpOptionCode(124, "VENDOR_IDENTIFYING_VENDOR_CLASS");
  /** Vendor-identifying vendor-specific information (RFC 3925). */
  public static final DhcpOptionCode VENDOR_IDENTIFYING_VENDOR_SPECIFIC = new DhcpOptionCode(125, "VENDOR_IDENTIFYING_VENDOR_SPECIFIC");
  /** PXE vendor-specific, undefined use (RFC 4578). */
  public static final DhcpOptionCode PXE_128 = new DhcpOptionCode(128, "PXE_128");
  /** PXE vendor-specific, undefined use (RFC 4578). */
  public static final DhcpOptionCode PXE_129 = new DhcpOptionCode(129, "PXE_129");
  /** PXE vendor-specific, undefined use (RFC 4578). */
  public static final DhcpOptionCode PXE_130 = new DhcpOptionCode(130, "PXE_130");
  /** PXE vendor-specific, undefined use (RFC 4578). */
  public static final DhcpOptionCode PXE_131 = new DhcpOptionCode(131, "PXE_131");
  /** PXE vendor-specific, undefined use; IEEE 802.1Q VLAN id in some firmware (RFC 4578). */
  public static final DhcpOptionCode PXE_132 = new DhcpOptionCode(132, "PXE_132");
  /** PXE vendor-specific, undefined use; IEEE 802.1D/p priority in some firmware (RFC 4578). */
  public static final DhcpOptionCode PXE_133 = new DhcpOptionCode(133, "PXE_133");
  /** PXE vendor-specific, undefined use (RFC 4578). */
  public static final DhcpOptionCode PXE_134 = new DhcpOptionCode(134, "PXE_134");
  /** PXE vendor-specific, undefined use (RFC 4578). */
  public static final DhcpOptionCode PXE_135 = new DhcpOptionCode(135, "PXE_135");
  /** TFTP server addresses (RFC 5859). */
  public static final DhcpOptionCode TFTP_SERVER_ADDRESS = new DhcpOptionCode(150, "TFTP_SERVER_ADDRESS");
  /** iPXE (Etherboot) encapsulated options: iPXE's features and settings. */
  public static final DhcpOptionCode IPXE_ENCAPSULATED = new DhcpOptionCode(175, "IPXE_ENCAPSULATED");
  /** iSCSI initiator IQN, as iPXE reads it. */
  public static final DhcpOptionCode ISCSI_INITIATOR_IQN = new DhcpOptionCode(203, "ISCSI_INITIATOR_IQN");
  /** PXELINUX magic {@code F1:00:74:7E} (RFC 5071 4). */
  public static final DhcpOptionCode PXELINUX_MAGIC = new DhcpOptionCode(208, "PXELINUX_MAGIC");
  /** PXELINUX configuration file (RFC 5071 5). */
  public static final DhcpOptionCode PXELINUX_CONFIG_FILE = new DhcpOptionCode(209, "PXELINUX_CONFIG_FILE");
  /** PXELINUX path prefix (RFC 5071 6). */
  public static final DhcpOptionCode PXELINUX_PATH_PREFIX = new DhcpOptionCode(210, "PXELINUX_PATH_PREFIX");
  /** PXELINUX reboot time (RFC 5071 7). */
  public static final DhcpOptionCode PXELINUX_REBOOT_TIME = new DhcpOptionCode(211, "PXELINUX_REBOOT_TIME");
  /** IPv6 rapid deployment (RFC 5969). */
  public static final DhcpOptionCode OPTION_6RD = new DhcpOptionCode(212, "OPTION_6RD");
  /** Access network domain name (RFC 5986). */
  public static final DhcpOptionCode ACCESS_NETWORK_DOMAIN_NAME = new DhcpOptionCode(213, "ACCESS_NETWORK_DOMAIN_NAME");
  /** Web proxy auto-discovery URL (draft-ietf-wrec-wpad). */
  public static final DhcpOptionCode WPAD = new DhcpOptionCode(252, "WPAD");
  /** End: one byte, no length (RFC 2132 3.2); framing, never kept as an option. */
  public static final DhcpOptionCode END = new DhcpOptionCode(255, "END");

  private static final CodeRegistry<DhcpOptionCode> REGISTRY =
      new CodeRegistry<>(
          255,
          DhcpOptionCode::code,
          c -> new DhcpOptionCode(c, UNKNOWN),
          PAD, SUBNET_MASK, TIME_OFFSET, ROUTERS, TIME_SERVERS, NAME_SERVERS,
          DOMAIN_NAME_SERVERS, LOG_SERVERS, COOKIE_SERVERS, LPR_SERVERS, IMPRESS_SERVERS,
          RESOURCE_LOCATION_SERVERS, HOST_NAME, BOOT_FILE_SIZE, MERIT_DUMP_FILE, DOMAIN_NAME,
          SWAP_SERVER, ROOT_PATH, EXTENSIONS_PATH, IP_FORWARDING, NON_LOCAL_SOURCE_ROUTING,
          POLICY_FILTER, MAX_DATAGRAM_REASSEMBLY_SIZE, DEFAULT_IP_TTL, PATH_MTU_AGING_TIMEOUT,
          PATH_MTU_PLATEAU_TABLE, INTERFACE_MTU, ALL_SUBNETS_ARE_LOCAL, BROADCAST_ADDRESS,
          PERFORM_MASK_DISCOVERY, MASK_SUPPLIER, PERFORM_ROUTER_DISCOVERY,
          ROUTER_SOLICITATION_ADDRESS, STATIC_ROUTES, TRAILER_ENCAPSULATION, ARP_CACHE_TIMEOUT,
          ETHERNET_ENCAPSULATION, TCP_DEFAULT_TTL, TCP_KEEPALIVE_INTERVAL,
          TCP_KEEPALIVE_GARBAGE, NIS_DOMAIN, NIS_SERVERS, NTP_SERVERS, VENDOR_SPECIFIC,
          NETBIOS_NAME_SERVERS, NETBIOS_DATAGRAM_DISTRIBUTION_SERVERS, NETBIOS_NODE_TYPE,
          NETBIOS_SCOPE, X_FONT_SERVERS, X_DISPLAY_MANAGERS, REQUESTED_IP_ADDRESS,
          IP_ADDRESS_LEASE_TIME, OPTION_OVERLOAD, MESSAGE_TYPE, SERVER_IDENTIFIER,
          PARAMETER_REQUEST_LIST, MESSAGE, MAXIMUM_MESSAGE_SIZE, RENEWAL_TIME, REBINDING_TIME,
          VENDOR_CLASS_IDENTIFIER, CLIENT_IDENTIFIER, NETWARE_IP_DOMAIN, NETWARE_IP_OPTION,
          NIS_PLUS_DOMAIN, NIS_PLUS_SERVERS, TFTP_SERVER_NAME, BOOTFILE_NAME,
          MOBILE_IP_HOME_AGENT, SMTP_SERVERS, POP3_SERVERS, NNTP_SERVERS, WWW_SERVERS,
          FINGER_SERVERS, IRC_SERVERS, STREETTALK_SERVERS, STDA_SERVERS, USER_CLASS,
          SLP_DIRECTORY_AGENT, SLP_SERVICE_SCOPE, RAPID_COMMIT, CLIENT_FQDN,
          RELAY_AGENT_INFORMATION, ISNS, NDS_SERVERS, NDS_TREE_NAME, NDS_CONTEXT,
          BCMCS_DOMAIN_NAMES, BCMCS_ADDRESSES, AUTHENTICATION, CLIENT_LAST_TRANSACTION_TIME,
          ASSOCIATED_IP, CLIENT_SYSTEM_ARCHITECTURE, CLIENT_NETWORK_INTERFACE, LDAP,
          CLIENT_MACHINE_IDENTIFIER, USER_AUTHENTICATION_PROTOCOL, GEOCONF_CIVIC, PCODE, TCODE,
          IPV6_ONLY_PREFERRED, CAPTIVE_PORTAL, AUTO_CONFIGURE, NAME_SERVICE_SEARCH,
          SUBNET_SELECTION, DOMAIN_SEARCH, SIP_SERVERS, CLASSLESS_STATIC_ROUTE, CCC, GEOCONF,
          VENDOR_IDENTIFYING_VENDOR_CLASS, VENDOR_IDENTIFYING_VENDOR_SPECIFIC, PXE_128, PXE_129,
          PXE_130, PXE_131, PXE_132, PXE_133, PXE_134, PXE_135, TFTP_SERVER_ADDRESS,
          IPXE_ENCAPSULATED, ISCSI_INITIATOR_IQN, PXELINUX_MAGIC, PXELINUX_CONFIG_FILE,
          PXELINUX_PATH_PREFIX, PXELINUX_REBOOT_TIME, OPTION_6RD, ACCESS_NETWORK_DOMAIN_NAME,
          WPAD, END);

  private DhcpOptionCode(int code, String name) {
    super(code, name);
  }

  /**
   * Returns the option code for a wire value, known or not.
   *
   * @throws IllegalArgumentException if {@code code} is outside 0..255
   */
  public static DhcpOptionCode valueOf(int code) {
    return REGISTRY.valueOf(code);
  }

  /** Returns the named constants. */
  public static List<DhcpOptionCode> values() {
    return REGISTRY.values();
  }

  /** Returns whether this code frames the option area (pad, overload, end) rather than holding data. */
  public boolean isFraming() {
    int code = code();
    return code == 0 || code == 52 || code == 255;
  }
}
