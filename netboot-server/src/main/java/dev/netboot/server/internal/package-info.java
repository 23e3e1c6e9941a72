/** Not API: wiring shared by the server's services. */
@NullMarked
package dev.netboot.server.internal;

import org.jspecify.annotations.NullMarked;
