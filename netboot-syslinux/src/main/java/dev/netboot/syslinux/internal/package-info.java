/** Implementation of the syslinux parser and renderer; not API, not exported. */
@NullMarked
package dev.netboot.syslinux.internal;

import org.jspecify.annotations.NullMarked;
