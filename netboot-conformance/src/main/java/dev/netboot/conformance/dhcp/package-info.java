/** Generators of DHCP messages: arbitrary valid ones, and PXE requests as real firmware sends them. */
@NullMarked
package dev.netboot.conformance.dhcp;

import org.jspecify.annotations.NullMarked;
