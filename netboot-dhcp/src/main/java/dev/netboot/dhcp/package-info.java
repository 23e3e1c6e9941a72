/**
 * DHCPv4 messages (RFC 2131, RFC 2132), their options and the codec that reads and writes them.
 *
 * <p>Messages are immutable values built with {@link dev.netboot.dhcp.DhcpMessage#builder()}.
 * Options keep their wire bytes; {@link dev.netboot.dhcp.DhcpOptionType} reads and writes the
 * typed value of an option on demand, so an option this library does not know, or one whose
 * content is malformed, still survives a decode and encode byte for byte.
 */
@NullMarked
package dev.netboot.dhcp;

import org.jspecify.annotations.NullMarked;
