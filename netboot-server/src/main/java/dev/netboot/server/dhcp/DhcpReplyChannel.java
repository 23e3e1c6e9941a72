package dev.netboot.server.dhcp;

import io.netty.buffer.ByteBuf;
import java.net.InetSocketAddress;

/** Sends answers from the socket a request arrived on, so that they leave by its interface. */
public interface DhcpReplyChannel {
  /**
   * Sends one datagram. Thread-safe; may be called after the handler returned.
   *
   * @param payload the UDP payload; this channel takes ownership and releases it
   * @param recipient the destination address and port
   */
  void send(ByteBuf payload, InetSocketAddress recipient);
}
