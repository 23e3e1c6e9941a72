package dev.netboot.conformance.tftp.suite;

import dev.netboot.tftp.TftpAck;
import dev.netboot.tftp.TftpData;
import dev.netboot.tftp.TftpOptionAck;
import dev.netboot.tftp.TftpOptions;
import dev.netboot.tftp.TftpPacket;
import dev.netboot.tftp.TftpPacketDecoder;
import dev.netboot.tftp.TftpPacketEncoder;
import dev.netboot.tftp.TftpRequest;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A deliberately wrong TFTP server of one file, on one socket: it reports tsize one byte too
 * large, echoes every option asked (unknown ones too), never answers for a missing file, and
 * sends the next block for every ACK it gets, duplicates included (Sorcerer's Apprentice).
 */
final class BrokenTftpServer implements AutoCloseable {
  private final String name;
  private final byte[] content;
  private final DatagramSocket socket;
  private final Thread thread;
  private volatile boolean closed;

  BrokenTftpServer(String name, byte[] content) throws IOException {
    this.name = name;
    this.content = content;
    socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    socket.setSoTimeout(100);
    thread = new Thread(this::serve, "broken-tftp");
    thread.setDaemon(true);
    thread.start();
  }

  InetSocketAddress address() {
    return (InetSocketAddress) socket.getLocalSocketAddress();
  }

  private void serve() {
    byte[] buf = new byte[70_000];
    while (!closed) {
      DatagramPacket p = new DatagramPacket(buf, buf.length);
      try {
        socket.receive(p);
        TftpPacket packet = TftpPacketDecoder.decode(Arrays.copyOf(p.getData(), p.getLength()));
        answer(packet, p.getSocketAddress());
      } catch (SocketTimeoutException e) {
        continue;
      } catch (IOException | RuntimeException e) {
        if (closed) {
          return;
        }
      }
    }
  }

  private void answer(TftpPacket packet, SocketAddress client) throws IOException {
    if (packet instanceof TftpRequest rrq && rrq.isRead()) {
      if (!rrq.filename().equals(name)) {
        return;
      }
      if (rrq.options().isEmpty()) {
        send(data(1), client);
      } else {
        Map<String, String> oack = new LinkedHashMap<>(rrq.options());
        oack.computeIfPresent(TftpOptions.TSIZE, (k, v) -> Integer.toString(content.length + 1));
        oack.remove(TftpOptions.BLKSIZE);
        oack.remove(TftpOptions.WINDOWSIZE);
        send(TftpOptionAck.of(oack), client);
      }
    } else if (packet instanceof TftpAck ack) {
      if (ack.block() * 512 <= content.length) {
        send(data(ack.block() + 1), client);
      }
    }
  }

  private TftpData data(int block) {
    int from = (block - 1) * 512;
    int length = Math.min(512, content.length - from);
    return TftpData.of(block, Unpooled.wrappedBuffer(content, from, length));
  }

  private void send(TftpPacket packet, SocketAddress to) throws IOException {
    byte[] bytes = TftpPacketEncoder.toBytes(packet);
    socket.send(new DatagramPacket(bytes, bytes.length, to));
  }

  @Override
  public void close() {
    closed = true;
    socket.close();
    try {
      thread.join(2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
