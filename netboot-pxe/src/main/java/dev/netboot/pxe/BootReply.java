package dev.netboot.pxe;

import org.jspecify.annotations.Nullable;

/**
 * The boot part of an answer, before it is put on a DHCP header: file, option 43 and the vendor
 * class the reply carries.
 */
record BootReply(
    @Nullable BootTarget target, @Nullable PxeOptions pxeOptions, String vendorClass) {}
