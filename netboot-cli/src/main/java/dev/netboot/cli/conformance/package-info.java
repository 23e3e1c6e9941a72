/**
 * The {@code netboot conformance} commands: netboot-conformance's suites run against a live
 * server from the command line.
 */
@NullMarked
package dev.netboot.cli.conformance;

import org.jspecify.annotations.NullMarked;
