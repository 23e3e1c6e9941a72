/**
 * A runnable ProxyDHCP and PXE boot server conformance suite: {@link
 * dev.netboot.conformance.dhcp.suite.ProxyDhcpSuite} plays the PXE firmware families (and the
 * clients a proxy must ignore) against any server over UDP and reports each check.
 */
@NullMarked
package dev.netboot.conformance.dhcp.suite;

import org.jspecify.annotations.NullMarked;
