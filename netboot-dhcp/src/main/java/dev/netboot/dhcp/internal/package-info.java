/** Implementation details of the DHCP codec; not API, not exported. */
@NullMarked
package dev.netboot.dhcp.internal;

import org.jspecify.annotations.NullMarked;
