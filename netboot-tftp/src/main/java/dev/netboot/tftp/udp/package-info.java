/**
 * The UDP transport of TFTP (RFC 1350 section 4): {@link dev.netboot.tftp.udp.TftpServer} and
 * {@link dev.netboot.tftp.udp.TftpClient} run the sans-IO transfers of {@code dev.netboot.tftp}
 * over JDK datagram channels.
 *
 * <p><b>Threads.</b> A small fixed number of event loops (by default {@code min(2, cores)}) each
 * own a selector, a deadline queue and two reused packet buffers; every transfer belongs to one
 * loop for its whole life, and no thread is started per transfer. Listener callbacks run on
 * those loops unless an executor is given: they must not block.
 *
 * <p><b>Transfer IDs.</b> As RFC 1350 section 4 asks, the server answers every request from a
 * new socket on an ephemeral port, bound to the address the request arrived on; a packet from
 * anyone but the transfer's peer gets ERROR 5 and the transfer goes on. The JDK only reveals
 * the address a datagram arrived on through the socket's own binding, so a multi-homed server
 * should bind one listener per address ({@link dev.netboot.tftp.udp.TftpServer.Builder#bind})
 * rather than the wildcard address: from a wildcard-bound listener, replies leave from whatever
 * address the routing table picks.
 */
@NullMarked
package dev.netboot.tftp.udp;

import org.jspecify.annotations.NullMarked;
