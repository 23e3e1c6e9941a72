/** {@code netboot syslinux}: check and format syslinux configuration files. */
@NullMarked
package dev.netboot.cli.syslinux;

import org.jspecify.annotations.NullMarked;
