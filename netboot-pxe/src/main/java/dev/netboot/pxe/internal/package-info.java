/** Implementation details of netboot-pxe; not API, not exported. */
@NullMarked
package dev.netboot.pxe.internal;

import org.jspecify.annotations.NullMarked;
