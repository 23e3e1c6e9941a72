package dev.netboot.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.DefaultFileRegion;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ReferenceCountUtil;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The handler on an embedded channel: what exactly it hands to the transport. */
class HttpExchangeHandlerTest {
  private static final long SIZE = 64L << 20;

  @TempDir Path dir;

  private EmbeddedChannel channel(BootHttpContent content, List<Long> served) {
    EmbeddedChannel ch = new EmbeddedChannel();
    HttpExchangeHandler.configure(ch.pipeline(), content, BootHttpLimits.DEFAULTS,
        (request, status, bytes, duration, complete) -> served.add(bytes),
        BootHttpServer.DEFAULT_PROGRESS_INTERVAL);
    return ch;
  }

  private static List<Object> outbound(EmbeddedChannel ch) {
    List<Object> out = new ArrayList<>();
    for (Object o = ch.readOutbound(); o != null; o = ch.readOutbound()) {
      out.add(o);
    }
    return out;
  }

  @Test
  void largeFileGoesOutAsOneFileRegionNotAsBuffers() throws Exception {
    Path big = dir.resolve("big.img");
    try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
      f.setLength(SIZE); // sparse: the point is what the handler writes, not the disk
    }
    FileCatalog catalog = new FileCatalog();
    String url = catalog.register(big);
    List<Long> served = new ArrayList<>();
    EmbeddedChannel ch = channel(catalog, served);

    ch.writeInbound(Unpooled.copiedBuffer("GET " + url + " HTTP/1.1\r\nHost: x\r\n\r\n",
        StandardCharsets.US_ASCII));
    List<Object> out = outbound(ch);

    assertThat(out).hasSize(3);
    String head = ((ByteBuf) out.get(0)).toString(StandardCharsets.US_ASCII);
    assertThat(head).startsWith("HTTP/1.1 200 OK\r\n").contains("content-length: " + SIZE);
    assertThat(out.get(1)).isInstanceOf(DefaultFileRegion.class);
    DefaultFileRegion region = (DefaultFileRegion) out.get(1);
    assertThat(region.position()).isZero();
    assertThat(region.count()).isEqualTo(SIZE);
    long buffered = out.stream().filter(o -> o instanceof ByteBuf)
        .mapToLong(o -> ((ByteBuf) o).readableBytes()).sum();
    assertThat(buffered).as("only headers are buffered").isLessThan(1024);
    assertThat(served).containsExactly(SIZE);
    out.forEach(ReferenceCountUtil::release);
    assertThat(ch.finishAndReleaseAll()).isFalse();
  }

  @Test
  void rangeOfAFileIsARegionOfThatRange() throws Exception {
    Path big = dir.resolve("big.img");
    try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
      f.setLength(SIZE);
    }
    FileCatalog catalog = new FileCatalog();
    String url = catalog.register(big);
    EmbeddedChannel ch = channel(catalog, new ArrayList<>());

    ch.writeInbound(Unpooled.copiedBuffer("GET " + url + " HTTP/1.1\r\nHost: x\r\n"
        + "Range: bytes=1048576-2097151\r\n\r\n", StandardCharsets.US_ASCII));
    List<Object> out = outbound(ch);

    assertThat(((ByteBuf) out.get(0)).toString(StandardCharsets.US_ASCII))
        .startsWith("HTTP/1.1 206 ")
        .contains("content-range: bytes 1048576-2097151/" + SIZE);
    DefaultFileRegion region = (DefaultFileRegion) out.get(1);
    assertThat(region.position()).isEqualTo(1L << 20);
    assertThat(region.count()).isEqualTo(1L << 20);
    out.forEach(ReferenceCountUtil::release);
    ch.finishAndReleaseAll();
  }

  @Test
  void headOpensNoFile() throws Exception {
    Path big = dir.resolve("big.img");
    try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
      f.setLength(SIZE);
    }
    FileCatalog catalog = new FileCatalog();
    String url = catalog.register(big);
    EmbeddedChannel ch = channel(catalog, new ArrayList<>());

    ch.writeInbound(Unpooled.copiedBuffer("HEAD " + url + " HTTP/1.1\r\nHost: x\r\n\r\n",
        StandardCharsets.US_ASCII));
    List<Object> out = outbound(ch);

    assertThat(out).noneMatch(o -> o instanceof DefaultFileRegion);
    assertThat(((ByteBuf) out.get(0)).toString(StandardCharsets.US_ASCII))
        .contains("content-length: " + SIZE);
    out.forEach(ReferenceCountUtil::release);
    ch.finishAndReleaseAll();
  }
}
