/**
 * Full-DHCP mode: the address pool with its static reservations ({@link
 * dev.netboot.server.lease.AddressPool}), the lease logic of RFC 2131 section 4.3 ({@link
 * dev.netboot.server.lease.Leases}), and the SPI that keeps leases across restarts ({@link
 * dev.netboot.server.lease.LeaseStore}).
 */
@NullMarked
package dev.netboot.server.lease;

import org.jspecify.annotations.NullMarked;
