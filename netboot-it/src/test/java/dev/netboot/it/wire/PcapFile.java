package dev.netboot.it.wire;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Inet4Address;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Writes UDP datagrams as Ethernet frames into a classic libpcap file, the format every
 * dissector reads: Ethernet II, IPv4 with a correct header checksum, UDP with checksum 0 ("not
 * computed", which RFC 768 allows over IPv4). Shared by the integration tests that hand our
 * packets to Wireshark.
 */
public final class PcapFile implements Closeable {
  /** The pcap magic number in microsecond resolution. */
  public static final int MAGIC = 0xA1B2C3D4;
  /** LINKTYPE_ETHERNET. */
  public static final int LINKTYPE_ETHERNET = 1;
  /** The snapshot length recorded in the file header. */
  public static final int SNAPLEN = 65_535;

  private final OutputStream out;
  private int frames;

  /** Writes the file header to {@code out}; the writer owns the stream from now on. */
  public PcapFile(OutputStream out) throws IOException {
    this.out = out;
    ByteBuffer header = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
    header.putInt(MAGIC).putShort((short) 2).putShort((short) 4);
    header.putInt(0).putInt(0).putInt(SNAPLEN).putInt(LINKTYPE_ETHERNET);
    out.write(header.array());
  }

  /**
   * Appends one frame carrying {@code payload}; frame n (from 1, as Wireshark numbers them) is
   * stamped at second n.
   */
  public void writeUdp(
      byte[] sourceMac, Inet4Address source, int sourcePort,
      byte[] destinationMac, Inet4Address destination, int destinationPort,
      byte[] payload) throws IOException {
    int ipLength = 28 + payload.length;
    if (ipLength > 0xFFFF) {
      throw new IllegalArgumentException(
          "UDP payload of " + payload.length + " bytes (expected: at most 65507)");
    }
    ByteBuffer frame = ByteBuffer.allocate(14 + ipLength);
    frame.put(destinationMac).put(sourceMac).putShort((short) 0x0800);
    int ipStart = frame.position();
    frame.put((byte) 0x45).put((byte) 0).putShort((short) ipLength);
    frame.putShort((short) frames).putShort((short) 0);
    frame.put((byte) 64).put((byte) 17);
    int checksumAt = frame.position();
    frame.putShort((short) 0);
    frame.put(source.getAddress()).put(destination.getAddress());
    frame.putShort(checksumAt, (short) checksum(frame.array(), ipStart, 20));
    frame.putShort((short) sourcePort).putShort((short) destinationPort);
    frame.putShort((short) (8 + payload.length)).putShort((short) 0);
    frame.put(payload);
    frames++;
    ByteBuffer record = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
    record.putInt(frames).putInt(0).putInt(frame.capacity()).putInt(frame.capacity());
    out.write(record.array());
    out.write(frame.array());
  }

  /** Returns the number of frames written. */
  public int frames() {
    return frames;
  }

  /** Returns the RFC 1071 one's-complement checksum of {@code length} bytes. */
  static int checksum(byte[] bytes, int offset, int length) {
    long sum = 0;
    for (int i = 0; i < length; i += 2) {
      int high = bytes[offset + i] & 0xFF;
      int low = i + 1 < length ? bytes[offset + i + 1] & 0xFF : 0;
      sum += high << 8 | low;
    }
    while ((sum >>> 16) != 0) {
      sum = (sum & 0xFFFF) + (sum >>> 16);
    }
    return (int) (~sum & 0xFFFF);
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
