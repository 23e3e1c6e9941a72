/**
 * Non-API code of the TFTP engine: the transfer state machines and their parts. Not exported;
 * reach the state machines through {@link dev.netboot.tftp.TftpServerTransfers} and {@link
 * dev.netboot.tftp.TftpClientTransfers}.
 */
@NullMarked
package dev.netboot.tftp.internal;

import org.jspecify.annotations.NullMarked;
