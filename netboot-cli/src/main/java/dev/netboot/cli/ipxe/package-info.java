/** The {@code netboot ipxe} sub-commands, over the netboot-ipxe script model. */
@NullMarked
package dev.netboot.cli.ipxe;

import org.jspecify.annotations.NullMarked;
