/**
 * A bad network on demand: {@link dev.netboot.conformance.net.LossyUdpRelay} stands between a
 * UDP client and server and drops, duplicates, delays and reorders their datagrams as a seeded
 * {@link dev.netboot.conformance.net.LinkFaults} says, so a transfer's robustness can be tested
 * on loopback and replayed from its seed.
 */
@NullMarked
package dev.netboot.conformance.net;

import org.jspecify.annotations.NullMarked;
