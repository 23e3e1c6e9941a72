package dev.netboot.bench;

import dev.netboot.dhcp.DhcpMessageDecoder;
import io.netty.buffer.Unpooled;
import java.util.function.Supplier;
import org.dhcp4java.DHCPPacket;
import org.openjdk.jol.info.GraphLayout;

/**
 * Prints, per sample packet, its length on the wire and the heap that one decoded message keeps
 * alive in each library. Next to JMH's {@code gc.alloc.rate.norm} it tells how much of a decode's
 * allocation is the message itself and how much is garbage.
 *
 * <p>Run: {@code java -cp netboot-bench/target/benchmarks.jar dev.netboot.bench.MessageFootprint}.
 * A tool, not library code: it writes to standard output.
 */
public final class MessageFootprint {
  private MessageFootprint() {}

  /** Prints one line per sample packet. */
  public static void main(String[] args) {
    System.out.printf("%-17s %5s %14s %16s%n", "packet", "wire", "netboot heap", "dhcp4java heap");
    for (SamplePacket packet : SamplePacket.values()) {
      byte[] wire = packet.wire();
      long ours = freshBytes(() -> DhcpMessageDecoder.decode(Unpooled.wrappedBuffer(wire)));
      long theirs = freshBytes(() -> DHCPPacket.getPacket(wire, 0, wire.length, true));
      System.out.printf("%-17s %5d %14d %16d%n", packet, wire.length, ours, theirs);
    }
  }

  /**
   * Returns the bytes of the objects that one decode creates and its result keeps. Constants that
   * every decoded message shares (option codes, cached boxes, empty strings) were not allocated by
   * the decode and must not count: they are what two decodes have in common.
   */
  static long freshBytes(Supplier<Object> decode) {
    Object first = decode.get();
    Object second = decode.get();
    return GraphLayout.parseInstance(first, second).totalSize()
        - GraphLayout.parseInstance(second).totalSize();
  }
}
