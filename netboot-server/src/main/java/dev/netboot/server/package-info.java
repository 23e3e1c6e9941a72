/** The embeddable server facade: {@link dev.netboot.server.NetbootServer}, its settings and events. */
@NullMarked
package dev.netboot.server;

import org.jspecify.annotations.NullMarked;
