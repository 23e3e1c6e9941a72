package dev.netboot.server.dhcp;

import io.netty.buffer.ByteBuf;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import org.jspecify.annotations.Nullable;

/**
 * One datagram received by a {@link DhcpTransport}.
 *
 * @param payload the UDP payload, valid only during {@link DhcpDatagramHandler#onDatagram}
 * @param sender the source address and port
 * @param localAddress this server's IPv4 address on the interface or socket the datagram arrived
 *     on: the address answers must name (server identifier, next-server, URLs)
 * @param interfaceName the interface it arrived on, or {@code null} on the portable transport
 */
public record DhcpDatagram(
    ByteBuf payload, InetSocketAddress sender, Inet4Address localAddress,
    @Nullable String interfaceName) {}
