/**
 * TFTP packets and their codec, option negotiation, the sans-IO transfer state machines, and the
 * file source SPI.
 */
@NullMarked
package dev.netboot.tftp;

import org.jspecify.annotations.NullMarked;
