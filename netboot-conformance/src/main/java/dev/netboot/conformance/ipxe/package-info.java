/**
 * Generators of iPXE scripts whose values hold everything iPXE has no quoting for: spaces,
 * {@code $ { } # | & ;}, line breaks and non-ASCII text.
 */
@NullMarked
package dev.netboot.conformance.ipxe;

import org.jspecify.annotations.NullMarked;
