/** Lexing, option parsing and value encoding behind the public iPXE API; not an API. */
@NullMarked
package dev.netboot.ipxe.internal;

import org.jspecify.annotations.NullMarked;
