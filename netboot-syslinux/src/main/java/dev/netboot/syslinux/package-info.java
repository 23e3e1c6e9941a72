/**
 * The syslinux configuration model. Parsing follows syslinux 6.x
 * ({@code com32/elflink/ldlinux/readconfig.c} and {@code com32/menu/readconfig.c}): keywords are
 * matched case-insensitively, must be followed by white space or the end of the line, and
 * anything syslinux does not understand is kept verbatim and reported as a warning.
 */
@NullMarked
package dev.netboot.syslinux;

import org.jspecify.annotations.NullMarked;
