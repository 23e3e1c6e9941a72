package dev.netboot.conformance.dhcp.suite;

import dev.netboot.dhcp.DhcpMessage;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One request the suite sends and the replies that came back for its transaction id. Replies are
 * matched by xid alone, so that a reply from an unexpected address or port still counts.
 */
final class Exchange {
  /** The most replies kept per request; a server that sends more fails anyway. */
  static final int MAX_REPLIES = 16;

  private final DhcpMessage request;
  private final byte[] packet;
  private final InetSocketAddress destination;
  private final List<Reply> replies = new ArrayList<>();
  private long sentAtNanos;
  private int repliesSeen;

  /**
   * One datagram that came back.
   *
   * @param bytes the datagram
   * @param from its source
   * @param latency time from the request to this reply
   */
  record Reply(byte[] bytes, InetSocketAddress from, Duration latency) {}

  Exchange(DhcpMessage request, byte[] packet, InetSocketAddress destination) {
    this.request = request;
    this.packet = packet.clone();
    this.destination = destination;
  }

  DhcpMessage request() {
    return request;
  }

  /** The bytes sent, which differ from the encoded request for the malformed cases. */
  byte[] packet() {
    return packet.clone();
  }

  int packetLength() {
    return packet.length;
  }

  InetSocketAddress destination() {
    return destination;
  }

  int transactionId() {
    return request.transactionId();
  }

  void sent(long nanos) {
    sentAtNanos = nanos;
  }

  void received(byte[] bytes, InetSocketAddress from, long nanos) {
    repliesSeen++;
    if (replies.size() < MAX_REPLIES) {
      replies.add(new Reply(bytes, from, Duration.ofNanos(nanos - sentAtNanos)));
    }
  }

  /** Every reply counted, including those beyond {@link #MAX_REPLIES}. */
  int replyCount() {
    return repliesSeen;
  }

  List<Reply> replies() {
    return List.copyOf(replies);
  }

  @Nullable Reply firstReply() {
    return replies.isEmpty() ? null : replies.get(0);
  }

  /** Time to the first reply, or the whole window when there was none. */
  Duration waited(Duration window) {
    Reply first = firstReply();
    return first != null ? first.latency() : window;
  }
}
