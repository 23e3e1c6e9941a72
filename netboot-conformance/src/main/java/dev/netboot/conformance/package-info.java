/**
 * Seeded generators and the property runner that drives them: {@link
 * dev.netboot.conformance.Generator} and {@link dev.netboot.conformance.PropertyCheck}.
 */
@NullMarked
package dev.netboot.conformance;

import org.jspecify.annotations.NullMarked;
