package dev.netboot.server.dhcp;

import dev.netboot.server.internal.BindErrors;
import dev.netboot.server.internal.LocalAddresses;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The portable transport: one socket on one address and port, broadcasts allowed. On an address
 * other than 0.0.0.0 answers name that address. On 0.0.0.0 the JDK does not tell which address a
 * datagram came to, so answers name the host's address on the sender's subnet (or its first
 * address for a sender that has none yet): right on a single-homed host, a guess on a multi-homed
 * one, where {@link EpollDhcpTransport} is the answer. Relayed requests (giaddr set) are fine
 * either way.
 */
public final class NioDhcpTransport implements DhcpTransport {
  private final InetSocketAddress bindAddress;
  private final String service;
  private final String portOption;
  private @Nullable EventLoopGroup group;
  private @Nullable Channel channel;

  /**
   * Creates a transport, not yet bound.
   *
   * @param bindAddress the IPv4 address and port to bind; port 0 picks a free one
   * @param service the service name for messages, e.g. {@code DHCP}
   * @param portOption the option a user changes the port with, named in bind errors
   */
  public NioDhcpTransport(InetSocketAddress bindAddress, String service, String portOption) {
    this.bindAddress = Objects.requireNonNull(bindAddress, "bindAddress");
    this.service = Objects.requireNonNull(service, "service");
    this.portOption = Objects.requireNonNull(portOption, "portOption");
    if (!(bindAddress.getAddress() instanceof Inet4Address)) {
      throw new IllegalArgumentException(
          "bind address: " + bindAddress + " (expected: an IPv4 address; DHCPv4 is IPv4 only)");
    }
  }

  @Override
  public synchronized void start(DhcpDatagramHandler handler) throws IOException {
    if (group != null) {
      throw new IllegalStateException("already started (expected: start once)");
    }
    Inet4Address bound = (Inet4Address) bindAddress.getAddress();
    LocalAddresses local = bound.isAnyLocalAddress() ? LocalAddresses.read() : null;
    EventLoopGroup g = new MultiThreadIoEventLoopGroup(
        1, new DefaultThreadFactory("netboot-" + service.toLowerCase(java.util.Locale.ROOT), true),
        NioIoHandler.newFactory());
    Bootstrap b = new Bootstrap()
        .group(g)
        .channel(NioDatagramChannel.class)
        .option(ChannelOption.SO_BROADCAST, true)
        .handler(new DatagramDispatch(
            handler, sender -> local != null ? local.forSender(sender.getAddress()) : bound, null));
    ChannelFuture f = b.bind(bindAddress).awaitUninterruptibly();
    if (!f.isSuccess()) {
      g.shutdownGracefully(0, 1, TimeUnit.SECONDS);
      throw BindErrors.explain(service, portOption, bindAddress, f.cause());
    }
    group = g;
    channel = f.channel();
  }

  @Override
  public synchronized List<InetSocketAddress> boundAddresses() {
    Channel c = channel;
    return c == null ? List.of() : List.of((InetSocketAddress) c.localAddress());
  }

  @Override
  public synchronized void close() {
    Channel c = channel;
    EventLoopGroup g = group;
    channel = null;
    group = null;
    if (c != null) {
      c.close().awaitUninterruptibly();
    }
    if (g != null) {
      g.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
    }
  }
}
