/** The {@code netboot tftp} command: a TFTP server of a directory, over netboot-tftp. */
@NullMarked
package dev.netboot.cli.tftp;

import org.jspecify.annotations.NullMarked;
