package dev.netboot.tftp.udp;

import dev.netboot.tftp.TftpError;
import dev.netboot.tftp.TftpErrorCode;
import dev.netboot.tftp.TftpOpcode;
import dev.netboot.tftp.TftpPacket;
import dev.netboot.tftp.TftpPacketDecoder;
import dev.netboot.tftp.TftpParseException;
import dev.netboot.tftp.TftpRequest;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server's well-known port on one address (RFC 1350 section 4): it takes requests and hands
 * them to the {@link RequestDispatcher}; transfers never run here.
 *
 * <p>What it answers, so that it can never be used to amplify traffic: a well-formed RRQ or
 * WRQ starts a transfer (or, over a limit, gets one ERROR 0); a malformed RRQ or WRQ gets one
 * ERROR 4 (RFC 1350 section 5); anything else, including DATA, ACK, ERROR and OACK sent to the
 * well-known port and bytes that are no TFTP at all, is dropped without an answer. Every answer
 * is a single packet no larger than a few dozen bytes.
 */
final class RequestListener extends LoopEndpoint {
  private static final Logger log = LoggerFactory.getLogger(RequestListener.class);
  private static final TftpError MALFORMED =
      TftpError.of(TftpErrorCode.ILLEGAL_OPERATION, "malformed request");

  private final EventLoop loop;
  private final DatagramChannel channel;
  private final InetSocketAddress localAddress;
  private final RequestDispatcher dispatcher;
  private @Nullable SelectionKey key;

  RequestListener(EventLoop loop, DatagramChannel channel, RequestDispatcher dispatcher)
      throws IOException {
    this.loop = loop;
    this.channel = channel;
    this.localAddress = (InetSocketAddress) channel.getLocalAddress();
    this.dispatcher = dispatcher;
  }

  EventLoop loop() {
    return loop;
  }

  /** Returns the address and port the listener is bound to. */
  InetSocketAddress localAddress() {
    return localAddress;
  }

  /** Starts reading requests. Loop thread only. */
  void register() throws IOException {
    loop.reserve();
    key = loop.add(channel, this);
  }

  /** Sends a refusal from the well-known port; used for "server busy". */
  void reply(TftpPacket packet, InetSocketAddress to) {
    loop.send(channel, packet, to);
  }

  @Override
  void onReadable(long nowNanos) {
    for (int i = 0; i < TransferEndpoint.MAX_DATAGRAMS_PER_WAKEUP; i++) {
      InetSocketAddress from;
      try {
        from = loop.receive(channel);
      } catch (IOException e) {
        log.debug("receive failed on {}: {}", localAddress, e.toString());
        return;
      }
      if (from == null) {
        return;
      }
      TftpPacket packet;
      try {
        packet = TftpPacketDecoder.decode(loop.received());
      } catch (TftpParseException e) {
        log.debug("dropped a malformed datagram from {}: {}", from, e.getMessage());
        if (e.opcode() == TftpOpcode.RRQ || e.opcode() == TftpOpcode.WRQ) {
          reply(MALFORMED, from);
        }
        continue;
      }
      if (packet instanceof TftpRequest) {
        dispatcher.onRequest((TftpRequest) packet, from, this);
      } else {
        log.debug("dropped {} from {}: not a request, and no transfer runs on {}", packet, from,
            localAddress);
      }
    }
  }

  @Override
  void onDeadline(long nowNanos) {
    // A listener has no timers.
  }

  @Override
  void abort(String reason) {
    close();
  }

  /** Stops taking requests and closes the socket. Loop thread only. */
  void close() {
    loop.remove(this);
    if (key != null) {
      key.cancel();
    }
    closeChannel();
  }

  /** Closes the socket only; safe from any thread, and again. */
  void closeChannel() {
    try {
      channel.close();
    } catch (IOException e) {
      log.debug("closing listener", e);
    }
  }
}
