/** A simulated network-boot client over real sockets, for demos, tests and load runs. */
@NullMarked
package dev.netboot.server.simulation;

import org.jspecify.annotations.NullMarked;
