/**
 * Seeded generators of syslinux configuration models and of syslinux-like text, for round-trip
 * and robustness properties: {@link dev.netboot.conformance.syslinux.SyslinuxGenerators}.
 */
@NullMarked
package dev.netboot.conformance.syslinux;

import org.jspecify.annotations.NullMarked;
