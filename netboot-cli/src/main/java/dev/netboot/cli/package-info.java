/**
 * The {@code netboot} command: its entry point and what all its sub-commands share. Each
 * protocol's sub-commands live in a package of their own, such as {@code dev.netboot.cli.dhcp}.
 *
 * <p>This module is an application, not an API: nothing here is meant to be called from other
 * code but through {@link dev.netboot.cli.Netboot#newCommandLine(java.io.InputStream)}.
 */
@NullMarked
package dev.netboot.cli;

import org.jspecify.annotations.NullMarked;
