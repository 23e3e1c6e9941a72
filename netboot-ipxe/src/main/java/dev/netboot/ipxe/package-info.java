/**
 * The iPXE script model and its parser, renderer, expander and validator.
 *
 * <p>The rules come from iPXE's own sources: {@code src/image/script.c} (lines, labels, line
 * continuation, the {@code #!ipxe} magic), {@code src/core/exec.c} (splitting on whitespace with
 * no quoting, {@code #} comments, the {@code ||}, {@code &&} and {@code ;} separators),
 * {@code src/core/settings.c} (setting names, types and the repeated expansion of
 * {@code ${...}}), {@code src/core/getopt.c} and {@code src/core/parseopt.c} (options) and the
 * option tables under {@code src/hci/commands/}.
 */
@NullMarked
package dev.netboot.ipxe;

import org.jspecify.annotations.NullMarked;
