package dev.netboot.server.dhcp;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Hands each datagram of one socket to the handler, with a reply channel bound to that socket. */
final class DatagramDispatch extends SimpleChannelInboundHandler<DatagramPacket> {
  private static final Logger log = LoggerFactory.getLogger(DatagramDispatch.class);

  private final DhcpDatagramHandler handler;
  private final Function<InetSocketAddress, Inet4Address> localAddress;
  private final @Nullable String interfaceName;

  DatagramDispatch(
      DhcpDatagramHandler handler, Function<InetSocketAddress, Inet4Address> localAddress,
      @Nullable String interfaceName) {
    this.handler = handler;
    this.localAddress = localAddress;
    this.interfaceName = interfaceName;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
    InetSocketAddress sender = packet.sender();
    DhcpDatagram datagram = new DhcpDatagram(
        packet.content(), sender, localAddress.apply(sender), interfaceName);
    try {
      handler.onDatagram(datagram, new Replies(ctx.channel(), interfaceName));
    } catch (RuntimeException e) {
      // One bad datagram must not close the socket every client depends on.
      log.warn("handler failed on a datagram from {}", sender, e);
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    log.warn("socket {} error (ignored): {}", ctx.channel().localAddress(), cause.toString());
  }

  /** Sends from the socket the request came in on. */
  private record Replies(Channel channel, @Nullable String interfaceName)
      implements DhcpReplyChannel {
    @Override
    public void send(ByteBuf payload, InetSocketAddress recipient) {
      // writeAndFlush is thread-safe and releases the buffer on failure too.
      channel.writeAndFlush(new DatagramPacket(payload, recipient))
          .addListener((ChannelFutureListener) f -> {
            if (!f.isSuccess()) {
              log.warn("send to {} via {} failed: {}", recipient,
                  interfaceName != null ? interfaceName : channel.localAddress(),
                  String.valueOf(f.cause()));
            }
          });
    }
  }
}
