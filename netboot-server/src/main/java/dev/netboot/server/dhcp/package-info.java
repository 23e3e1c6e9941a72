/** The DHCP and boot server (UDP 67 and 4011) transports: portable NIO on one address, and Linux epoll with one socket per interface. */
@NullMarked
package dev.netboot.server.dhcp;

import org.jspecify.annotations.NullMarked;
