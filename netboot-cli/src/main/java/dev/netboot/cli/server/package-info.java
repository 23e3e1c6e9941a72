/**
 * The commands that run a network-boot server ({@code netboot boot}, {@code netboot api}) and
 * the self-contained {@code netboot demo}, over netboot-server.
 */
@NullMarked
package dev.netboot.cli.server;

import org.jspecify.annotations.NullMarked;
