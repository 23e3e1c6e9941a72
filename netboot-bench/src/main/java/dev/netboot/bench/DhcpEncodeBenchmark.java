package dev.netboot.bench;

import dev.netboot.dhcp.DhcpMessage;
import dev.netboot.dhcp.DhcpMessageEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Arrays;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Encoding the same message with netboot and with dhcp4java 1.1.0, the baseline; both write the
 * same bytes (checked at setup).
 *
 * <p>netboot is measured twice: into a reused {@code ByteBuf}, as a Netty transport writes a
 * reply, and to a fresh {@code byte[]}, which is what dhcp4java's {@code serialize()} returns.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class DhcpEncodeBenchmark {
  /** Which message to encode. */
  @Param public SamplePacket packet = SamplePacket.PXE_DISCOVER;

  private DhcpMessage message = SamplePacket.PXE_DISCOVER.message();
  private DHCPPacket baseline = new DHCPPacket();
  /** An Ethernet MTU's worth, so that no encode has to grow it. */
  private final ByteBuf out = Unpooled.buffer(1500);

  /** Builds the message for each library and checks that they encode the same bytes. */
  @Setup
  public void buildAndCheck() {
    message = packet.message();
    byte[] wire = DhcpMessageEncoder.toBytes(message);
    baseline = DHCPPacket.getPacket(wire, 0, wire.length, true);
    if (!Arrays.equals(baseline.serialize(), wire)) {
      throw new IllegalStateException("dhcp4java writes other bytes than netboot for " + packet);
    }
  }

  /** Gives the buffer's memory back, as a transport would after the write. */
  @TearDown
  public void release() {
    out.release();
  }

  /** netboot, into a reused Netty buffer. */
  @Benchmark
  public void netbootIntoByteBuf(Blackhole blackhole) {
    out.clear();
    DhcpMessageEncoder.encode(message, out);
    blackhole.consume(out);
  }

  /** netboot, to a new array. */
  @Benchmark
  public void netbootToByteArray(Blackhole blackhole) {
    blackhole.consume(DhcpMessageEncoder.toBytes(message));
  }

  /** dhcp4java, to a new array. */
  @Benchmark
  public void dhcp4java(Blackhole blackhole) {
    blackhole.consume(baseline.serialize());
  }
}
