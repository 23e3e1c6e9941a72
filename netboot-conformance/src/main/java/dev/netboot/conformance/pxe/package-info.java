/** Generators of PXE values: option 43 sub-options, well formed or not. */
@NullMarked
package dev.netboot.conformance.pxe;

import org.jspecify.annotations.NullMarked;
