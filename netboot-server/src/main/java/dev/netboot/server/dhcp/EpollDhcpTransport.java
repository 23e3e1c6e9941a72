package dev.netboot.server.dhcp;

import dev.netboot.server.internal.BindErrors;
import dev.netboot.server.internal.LocalAddresses;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.unix.RawUnixChannelOption;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The Linux transport: one socket per named interface, each on 0.0.0.0 and the port, tied to its
 * interface with {@code SO_BINDTODEVICE}. Only so can a server on several segments tell which
 * one a broadcast DISCOVER came from (the JDK cannot): each answer names the address of the
 * interface the request arrived on, and leaves by that interface. {@code SO_REUSEADDR} lets the
 * sockets share the port.
 */
public final class EpollDhcpTransport implements DhcpTransport {
  /** {@code SOL_SOCKET} on Linux. */
  private static final int SOL_SOCKET = 1;
  /** {@code SO_BINDTODEVICE} on Linux (asm-generic/socket.h). */
  private static final int SO_BINDTODEVICE = 25;
  /** {@code IFNAMSIZ - 1}: the longest interface name Linux accepts. */
  public static final int MAX_INTERFACE_NAME_LENGTH = 15;

  private final List<String> interfaces;
  private final @Nullable Inet4Address address;
  private final int port;
  private final String service;
  private final String portOption;
  private @Nullable EventLoopGroup group;
  private final List<Channel> channels = new ArrayList<>();

  /**
   * Creates a transport, not yet bound.
   *
   * @param interfaces the interface names, each with an IPv4 address
   * @param port the UDP port; 0 picks a free one for the first interface and uses it for all
   * @param service the service name for messages, e.g. {@code DHCP}
   * @param portOption the option a user changes the port with, named in bind errors
   */
  public EpollDhcpTransport(List<String> interfaces, int port, String service, String portOption) {
    this(interfaces, null, port, service, portOption);
  }

  /**
   * Creates a transport for one interface whose answers name {@code address}, one of the
   * interface's addresses: what a server given only an address needs, since a socket bound to
   * that address would never see a broadcast DISCOVER on Linux.
   *
   * @param interfaceName the interface that holds {@code address}
   * @param address the address answers name
   * @param port the UDP port; 0 picks a free one
   * @param service the service name for messages, e.g. {@code DHCP}
   * @param portOption the option a user changes the port with, named in bind errors
   */
  public EpollDhcpTransport(String interfaceName, Inet4Address address, int port, String service,
      String portOption) {
    this(List.of(interfaceName), Objects.requireNonNull(address, "address"), port, service,
        portOption);
  }

  private EpollDhcpTransport(List<String> interfaces, @Nullable Inet4Address address, int port,
      String service, String portOption) {
    this.interfaces = List.copyOf(interfaces);
    this.address = address;
    if (this.interfaces.isEmpty()) {
      throw new IllegalArgumentException("interfaces: none (expected: at least one name)");
    }
    for (String name : this.interfaces) {
      if (name.isEmpty() || name.length() > MAX_INTERFACE_NAME_LENGTH) {
        throw new IllegalArgumentException("interface name: '" + name + "' (expected: 1 to "
            + MAX_INTERFACE_NAME_LENGTH + " characters)");
      }
    }
    if (port < 0 || port > 0xFFFF) {
      throw new IllegalArgumentException("port: " + port + " (expected: 0-65535)");
    }
    this.port = port;
    this.service = Objects.requireNonNull(service, "service");
    this.portOption = Objects.requireNonNull(portOption, "portOption");
  }

  /** Returns whether this transport can run here (Linux with Netty's native epoll library). */
  public static boolean isAvailable() {
    return Epoll.isAvailable();
  }

  @Override
  public synchronized void start(DhcpDatagramHandler handler) throws IOException {
    if (group != null) {
      throw new IllegalStateException("already started (expected: start once)");
    }
    if (!Epoll.isAvailable()) {
      throw new IOException(service + ": per-interface sockets need Linux with Netty's native"
          + " epoll library: " + Epoll.unavailabilityCause());
    }
    EventLoopGroup g = new MultiThreadIoEventLoopGroup(
        1, new DefaultThreadFactory("netboot-" + service.toLowerCase(java.util.Locale.ROOT), true),
        EpollIoHandler.newFactory());
    group = g;
    int actualPort = port;
    try {
      for (String name : interfaces) {
        Inet4Address local = address != null ? address : LocalAddresses.ofInterface(name);
        byte[] nameBytes = (name + "\0").getBytes(StandardCharsets.US_ASCII);
        RawUnixChannelOption bindToDevice = new RawUnixChannelOption(
            "SO_BINDTODEVICE", SOL_SOCKET, SO_BINDTODEVICE, nameBytes.length);
        Bootstrap b = new Bootstrap()
            .group(g)
            .channel(EpollDatagramChannel.class)
            .option(ChannelOption.SO_REUSEADDR, true)
            .option(ChannelOption.SO_BROADCAST, true)
            .option(bindToDevice, ByteBuffer.wrap(nameBytes))
            .handler(new DatagramDispatch(handler, sender -> local, name));
        InetSocketAddress bind = new InetSocketAddress(actualPort);
        ChannelFuture f = b.bind(bind).awaitUninterruptibly();
        if (!f.isSuccess()) {
          throw BindErrors.explain(service + " on " + name, portOption, bind, f.cause());
        }
        channels.add(f.channel());
        actualPort = ((InetSocketAddress) f.channel().localAddress()).getPort();
      }
    } catch (IOException | RuntimeException e) {
      close();
      throw e;
    }
  }

  @Override
  public synchronized List<InetSocketAddress> boundAddresses() {
    List<InetSocketAddress> out = new ArrayList<>();
    for (Channel c : channels) {
      out.add((InetSocketAddress) c.localAddress());
    }
    return List.copyOf(out);
  }

  @Override
  public synchronized void close() {
    for (Channel c : channels) {
      c.close().awaitUninterruptibly();
    }
    channels.clear();
    EventLoopGroup g = group;
    group = null;
    if (g != null) {
      g.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
    }
  }
}
