/** The {@code netboot dhcp} sub-commands, over the netboot-dhcp codec. */
@NullMarked
package dev.netboot.cli.dhcp;

import org.jspecify.annotations.NullMarked;
