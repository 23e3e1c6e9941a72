package dev.netboot.bench;

import dev.netboot.dhcp.DhcpMessage;
import dev.netboot.dhcp.DhcpMessageDecoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.concurrent.TimeUnit;
import org.dhcp4java.DHCPPacket;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Decoding the same bytes with netboot and with dhcp4java 1.1.0, the baseline.
 *
 * <p>netboot is measured twice: from a {@code ByteBuf}, as a Netty transport hands it a datagram,
 * and from a {@code byte[]}, the input dhcp4java takes. The two decoders do not do the same work:
 * netboot also concatenates split options (RFC 3396), reads overloaded fields and turns
 * {@code sname} and {@code file} into strings; dhcp4java keeps those as raw arrays and keeps the
 * padding after the end option.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class DhcpDecodeBenchmark {
  /** Which message to decode. */
  @Param public SamplePacket packet = SamplePacket.PXE_DISCOVER;

  private byte[] wire = new byte[0];
  private ByteBuf wireBuffer = Unpooled.EMPTY_BUFFER;

  /** Encodes the message once and checks that both libraries read it alike. */
  @Setup
  public void encodeAndCheck() {
    wire = packet.wire();
    // Wrapped, not copied: the decoder leaves the indexes alone, so one buffer serves every call.
    wireBuffer = Unpooled.wrappedBuffer(wire);
    DhcpMessage ours = DhcpMessageDecoder.decode(wireBuffer);
    DHCPPacket theirs = DHCPPacket.getPacket(wire, 0, wire.length, true);
    if (ours.transactionId() != theirs.getXid()
        || ours.options().size() != theirs.getOptionsArray().length
        || !ours.equals(packet.message())) {
      throw new IllegalStateException(
          "the decoders disagree on " + packet + ": " + ours + " vs " + theirs);
    }
  }

  /** netboot, from a Netty buffer. */
  @Benchmark
  public void netbootFromByteBuf(Blackhole blackhole) {
    blackhole.consume(DhcpMessageDecoder.decode(wireBuffer));
  }

  /** netboot, from an array (it wraps the array in a {@code ByteBuf} on each call). */
  @Benchmark
  public void netbootFromByteArray(Blackhole blackhole) {
    blackhole.consume(DhcpMessageDecoder.decode(wire));
  }

  /** dhcp4java, strict: the packet must end with the end option, as ours do. */
  @Benchmark
  public void dhcp4java(Blackhole blackhole) {
    blackhole.consume(DHCPPacket.getPacket(wire, 0, wire.length, true));
  }
}
