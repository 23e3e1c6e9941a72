package dev.netboot.server;

/** Whether the server hands out addresses or only adds the boot part to another server's. */
public enum DhcpMode {
  /**
   * ProxyDHCP (PXE specification 2.1, section 2.2.3): another DHCP server gives out addresses; this
   * one answers only network-boot clients, with boot information and no address.
   */
  PROXY,
  /**
   * The network's DHCP server (RFC 2131): addresses from an address pool, and the boot part for
   * network-boot clients in the same answers.
   */
  FULL
}
