package dev.netboot.server.simulation;

import dev.netboot.tftp.TftpError;
import dev.netboot.tftp.TftpErrorCode;
import dev.netboot.tftp.TftpOpcode;
import dev.netboot.tftp.TftpOptionAck;
import dev.netboot.tftp.TftpPacket;
import dev.netboot.tftp.TftpPacketDecoder;
import dev.netboot.tftp.TftpPacketEncoder;
import dev.netboot.tftp.TftpParseException;
import dev.netboot.tftp.TftpRequest;
import dev.netboot.tftp.TftpTransferResult;
import dev.netboot.tftp.udp.TftpClient;
import dev.netboot.tftp.udp.TftpTransferException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

/** TFTP downloads as the firmware makes them, with {@link TftpClient}. */
final class TftpFetch {
  /** How much of each file is kept, to tell scripts and configs from binaries. */
  static final int KEPT_PREFIX = 64 << 10;

  private static final String EDK2_ABORT = "User aborted the transfer";

  private TftpFetch() {}

  /** A completed download: its size, its first {@link #KEPT_PREFIX} bytes, and its options. */
  record Download(long bytes, byte[] prefix, String options) {}

  /**
   * Downloads {@code file}, keeping its first bytes only.
   *
   * @throws TftpTransferException if the server refused or the transfer failed
   */
  static Download get(TftpClient client, InetSocketAddress server, String file,
      Map<String, String> options) throws IOException {
    PrefixKeeper sink = new PrefixKeeper();
    TftpTransferResult result = client.get(server, file, options, sink);
    return new Download(result.bytesTransferred(), sink.prefix(),
        "blksize " + result.options().blksize() + ", windowsize " + result.options().windowsize());
  }

  /**
   * edk2's size probe: an RRQ with only {@code tsize}, then ERROR "User aborted the transfer"
   * after the OACK (FIRMWARE-NOTES.md). Returns the announced size.
   *
   * @throws IOException if the server refused, did not answer, or sent no tsize
   */
  static long tsizeProbe(InetAddress local, InetSocketAddress server, String file,
      Duration timeout, int attempts) throws IOException {
    byte[] rrq = TftpPacketEncoder.toBytes(
        TftpRequest.builder(TftpOpcode.RRQ, file).option("tsize", "0").build());
    try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(local, 0))) {
      byte[] buffer = new byte[TftpPacket.MAX_PACKET_SIZE];
      for (int attempt = 0; attempt < attempts; attempt++) {
        socket.send(new DatagramPacket(rrq, rrq.length, server));
        socket.setSoTimeout((int) Math.max(1, timeout.toMillis()));
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        try {
          socket.receive(packet);
        } catch (SocketTimeoutException e) {
          continue;
        }
        TftpPacket answer = decode(packet);
        if (answer instanceof TftpError) {
          throw new IOException("TFTP error: " + ((TftpError) answer).message());
        }
        if (!(answer instanceof TftpOptionAck)) {
          throw new IOException("no OACK to a tsize request: " + answer);
        }
        byte[] abort = TftpPacketEncoder.toBytes(
            TftpError.of(TftpErrorCode.OPTION_REFUSED, EDK2_ABORT));
        socket.send(new DatagramPacket(abort, abort.length, packet.getSocketAddress()));
        String tsize = ((TftpOptionAck) answer).options().get("tsize");
        if (tsize == null) {
          throw new IOException("OACK without tsize");
        }
        return Long.parseLong(tsize);
      }
      throw new IOException("no answer to a tsize request in " + attempts + " attempts");
    }
  }

  private static TftpPacket decode(DatagramPacket packet) throws IOException {
    try {
      return TftpPacketDecoder.decode(Arrays.copyOfRange(packet.getData(), packet.getOffset(),
          packet.getOffset() + packet.getLength()));
    } catch (TftpParseException | NumberFormatException e) {
      throw new IOException("malformed TFTP answer: " + e.getMessage(), e);
    }
  }

  /** Counts the bytes and keeps the first ones; written on the client's I/O thread. */
  private static final class PrefixKeeper extends OutputStream {
    private final byte[] kept = new byte[KEPT_PREFIX];
    private int length;

    @Override
    public void write(int b) {
      if (length < kept.length) {
        kept[length++] = (byte) b;
      }
    }

    @Override
    public void write(byte[] b, int off, int len) {
      int n = Math.min(len, kept.length - length);
      System.arraycopy(b, off, kept, length, n);
      length += n;
    }

    synchronized byte[] prefix() {
      return Arrays.copyOf(kept, length);
    }
  }
}
