/**
 * Seeded generators of TFTP packets, requests and transfer scenarios, and a deterministic
 * simulated network that runs a client transfer against a server transfer on a virtual clock:
 * {@link dev.netboot.conformance.tftp.TftpGenerators} and
 * {@link dev.netboot.conformance.tftp.TftpSimulation}.
 */
@NullMarked
package dev.netboot.conformance.tftp;

import org.jspecify.annotations.NullMarked;
