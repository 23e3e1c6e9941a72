package dev.netboot.tftp.udp;

import dev.netboot.tftp.TftpError;
import dev.netboot.tftp.TftpErrorCode;
import dev.netboot.tftp.TftpOptions;
import dev.netboot.tftp.TftpOutbox;
import dev.netboot.tftp.TftpPacket;
import dev.netboot.tftp.TftpPacketDecoder;
import dev.netboot.tftp.TftpParseException;
import dev.netboot.tftp.TftpTransfer;
import dev.netboot.tftp.TftpTransferResult;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The socket of one transfer and the adapter between it and the sans-IO {@link TftpTransfer}:
 * it decodes datagrams from the peer, answers strangers with ERROR 5, sends what the transfer
 * sends, and keeps the transfer's deadline in its loop's queue. Loop thread only.
 *
 * <p>The socket is not {@code connect}ed to the peer: a connected socket would hide the
 * strangers that RFC 1350 section 4 says to answer with ERROR 5.
 */
abstract class TransferEndpoint extends LoopEndpoint implements TftpOutbox {
  /** Datagrams read per wake-up before other sockets get their turn. */
  static final int MAX_DATAGRAMS_PER_WAKEUP = 64;

  private static final Logger log = LoggerFactory.getLogger(TransferEndpoint.class);
  private static final TftpError UNKNOWN_TID =
      TftpError.of(TftpErrorCode.UNKNOWN_TRANSFER_ID, "unknown transfer ID");

  final EventLoop loop;
  private @Nullable DatagramChannel channel;
  private @Nullable SelectionKey key;
  private @Nullable TftpTransfer transfer;
  private InetSocketAddress peer;
  private boolean peerLocked;
  private boolean reported;
  private boolean closed;
  private long startNanos;

  /**
   * @param peer where the first packet goes: the client (server side), or the server's
   *     well-known port (client side)
   * @param peerLocked true on the server side; on the client side the peer is locked to the
   *     first answer (RFC 1350 section 4)
   */
  TransferEndpoint(EventLoop loop, InetSocketAddress peer, boolean peerLocked) {
    this.loop = loop;
    this.peer = peer;
    this.peerLocked = peerLocked;
  }

  /**
   * Opens the socket and starts the transfer; on failure the endpoint is closed and reported.
   * Loop thread only.
   */
  final void open(InetSocketAddress localAddress) {
    startNanos = System.nanoTime();
    try {
      DatagramChannel ch = Sockets.openDatagramChannel(localAddress);
      channel = ch;
      key = loop.add(ch, this);
      TftpTransfer t = newTransfer();
      transfer = t;
      onStarted(localAddress(), t);
      t.start(System.nanoTime(), this);
    } catch (IOException e) {
      log.warn("cannot open a TFTP transfer socket on {}: {}", localAddress, e.toString());
      reportSynthetic("cannot open socket: " + e.getMessage());
      close();
      return;
    } catch (RuntimeException e) {
      // A file source or transfer bug: this transfer fails, the loop and the others go on.
      log.error("TFTP transfer of {} failed to start", filename(), e);
      reportSynthetic("internal error");
      close();
      return;
    }
    afterEvent(System.nanoTime());
  }

  /** Makes the transfer; called once the socket is open. */
  abstract TftpTransfer newTransfer();

  /** Called before the transfer starts, with the socket's address. */
  abstract void onStarted(InetSocketAddress local, TftpTransfer transfer);

  /** Called once, when the transfer's outcome is known (possibly before the socket closes). */
  abstract void onResult(TftpTransferResult result);

  /** Called once, after the socket has closed. */
  abstract void onClosed();

  /** Returns the transfer's peer: after locking, the address and port that answered. */
  final InetSocketAddress peer() {
    return peer;
  }

  /** Returns the socket's local address, or the unresolved wildcard before it is open. */
  final InetSocketAddress localAddress() {
    try {
      if (channel != null && channel.getLocalAddress() != null) {
        return (InetSocketAddress) channel.getLocalAddress();
      }
    } catch (IOException e) {
      // Closed: fall through.
    }
    return new InetSocketAddress(0);
  }

  /** Hands the transfer a packet that reached it another way: a repeated request. */
  final void deliver(TftpPacket packet) {
    if (transfer != null && !closed) {
      long now = System.nanoTime();
      transfer.onPacket(packet, now, this);
      afterEvent(now);
    }
  }

  @Override
  public final void send(TftpPacket packet) {
    if (channel != null) {
      loop.send(channel, packet, peer);
    }
  }

  @Override
  final void onReadable(long nowNanos) {
    DatagramChannel ch = channel;
    TftpTransfer t = transfer;
    if (ch == null || t == null) {
      return;
    }
    for (int i = 0; i < MAX_DATAGRAMS_PER_WAKEUP && !closed; i++) {
      InetSocketAddress from;
      try {
        from = loop.receive(ch);
      } catch (IOException e) {
        log.debug("receive failed on {}: {}", localAddress(), e.toString());
        break;
      }
      if (from == null) {
        break;
      }
      TftpPacket packet;
      try {
        packet = TftpPacketDecoder.decode(loop.received());
      } catch (TftpParseException e) {
        log.debug("dropped a malformed datagram from {}: {}", from, e.getMessage());
        continue;
      }
      if (!acceptFrom(from)) {
        answerStranger(ch, packet, from);
        continue;
      }
      t.onPacket(packet, System.nanoTime(), this);
      if (t.isFinished()) {
        break;
      }
    }
    afterEvent(nowNanos);
  }

  @Override
  final void onDeadline(long nowNanos) {
    TftpTransfer t = transfer;
    if (t != null && !closed) {
      t.onDeadline(nowNanos, this);
      afterEvent(nowNanos);
    }
  }

  @Override
  final void abort(String reason) {
    if (closed) {
      return;
    }
    TftpTransfer t = transfer;
    try {
      // A transfer whose outcome is known only lingers for its peer's sake: close it quietly
      // rather than send an ERROR after a success.
      if (t != null && !reported) {
        t.abort(reason, System.nanoTime(), this);
      }
    } finally {
      if (t == null || t.result() == null) {
        reportSynthetic(reason);
      } else {
        reportOnce(t.result());
      }
      close();
    }
  }

  private boolean acceptFrom(InetSocketAddress from) {
    if (peerLocked) {
      return from.equals(peer);
    }
    // The first answer fixes the server's transfer ID; it must come from the address asked.
    if (from.getAddress().equals(peer.getAddress())) {
      peer = from;
      peerLocked = true;
      return true;
    }
    return false;
  }

  // RFC 1350 section 4: a stranger gets ERROR 5 and the transfer is not disturbed. An ERROR is
  // never answered, so that two confused hosts cannot bounce errors forever.
  private void answerStranger(DatagramChannel ch, TftpPacket packet, InetSocketAddress from) {
    log.debug("{} from {} is not for this transfer (peer {})", packet, from, peer);
    if (!(packet instanceof TftpError)) {
      loop.send(ch, UNKNOWN_TID, from);
    }
  }

  private void afterEvent(long nowNanos) {
    TftpTransfer t = transfer;
    if (t == null || closed) {
      return;
    }
    TftpTransferResult result = t.result();
    if (result != null) {
      reportOnce(result);
    }
    if (t.isFinished()) {
      close();
    } else {
      if (result == null) {
        onProgress(t, nowNanos);
      }
      loop.schedule(this, t.deadlineNanos());
    }
  }

  /** Called after each event of a transfer still running; for progress reports. */
  void onProgress(TftpTransfer transfer, long nowNanos) {}

  private void reportOnce(@Nullable TftpTransferResult result) {
    if (!reported && result != null) {
      reported = true;
      onResult(result);
    }
  }

  // For what ended without the transfer's word on it: no socket, or a transfer that threw.
  private void reportSynthetic(String reason) {
    reportOnce(new TftpTransferResult(TftpTransferResult.Outcome.ABORTED,
        TftpErrorCode.NOT_DEFINED, reason, filename(), TftpOptions.DEFAULTS, 0, 0, startNanos,
        System.nanoTime()));
  }

  /** Returns the requested file name, for reports made without the transfer. */
  abstract String filename();

  private void close() {
    if (closed) {
      return;
    }
    closed = true;
    loop.remove(this);
    if (key != null) {
      key.cancel();
    } else {
      loop.unreserve();
    }
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        log.debug("closing transfer socket", e);
      }
    }
    onClosed();
  }
}
