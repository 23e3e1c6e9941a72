/**
 * A hostile-traffic campaign: {@link dev.netboot.conformance.hostile.HostileCampaign} feeds a
 * network-boot server's listeners (DHCP, the PXE boot server, TFTP, HTTP) malformed, oversized,
 * spoofed, flooding and path-traversing traffic from loopback, and reports per category how many
 * cases it sent, how many the server answered, and every answer that broke a rule (more than one
 * answer to a request, an answer to what must be ignored, amplification, a file from outside
 * the server's roots, a connection held open past its timeout).
 */
@NullMarked
package dev.netboot.conformance.hostile;

import org.jspecify.annotations.NullMarked;
