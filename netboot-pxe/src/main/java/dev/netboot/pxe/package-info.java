/**
 * PXE: option 43 sub-options ({@link dev.netboot.pxe.PxeOptions}), who a client is
 * ({@link dev.netboot.pxe.PxeClient}), what it should boot ({@link dev.netboot.pxe.BootPolicy}),
 * and the answers that get real firmware there ({@link dev.netboot.pxe.ProxyDhcpResponder},
 * {@link dev.netboot.pxe.BootServerResponder}, {@link dev.netboot.pxe.FullDhcpReplies}).
 */
@NullMarked
package dev.netboot.pxe;

import org.jspecify.annotations.NullMarked;
