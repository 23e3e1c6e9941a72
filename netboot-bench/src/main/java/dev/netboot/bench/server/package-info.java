/** The boot storm: many simulated machines booting at once from one netboot server. */
@NullMarked
package dev.netboot.bench.server;

import org.jspecify.annotations.NullMarked;
