/** API mode: boot decisions from an HTTP endpoint speaking Pixiecore's boot API. */
@NullMarked
package dev.netboot.server.api;

import org.jspecify.annotations.NullMarked;
