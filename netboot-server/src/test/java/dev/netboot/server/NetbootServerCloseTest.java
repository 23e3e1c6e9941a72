package dev.netboot.server;

import static dev.netboot.server.NetbootServerProxyTest.LOOPBACK;
import static org.assertj.core.api.Assertions.assertThat;

import dev.netboot.pxe.BootDecision;
import dev.netboot.pxe.BootPolicies;
import dev.netboot.server.http.FileCatalog;
import dev.netboot.tftp.TftpTransferResult;
import dev.netboot.tftp.files.InMemoryFileSource;
import dev.netboot.tftp.udp.TftpClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** close() stops DHCP at once but lets HTTP and TFTP transfers in flight finish. */
class NetbootServerCloseTest {
  /** Larger than the kernel's socket buffers can hold, so the transfer is in flight at close. */
  static final int HTTP_SIZE = 24 << 20;
  static final int TFTP_SIZE = 1 << 20;

  @Test
  void httpTransferInFlightFinishesDuringClose() throws Exception {
    FileCatalog files = new FileCatalog();
    String path = files.register("big.img", new byte[HTTP_SIZE], "application/octet-stream");
    NetbootServer server = start(NetbootServer.builder().files(files));
    long received;
    CompletableFuture<Void> closing;
    try (Socket s = new Socket()) {
      s.setReceiveBufferSize(16 << 10);
      s.connect(new InetSocketAddress(LOOPBACK, server.httpPort()));
      OutputStream out = s.getOutputStream();
      out.write(("GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = s.getInputStream();
      byte[] buf = new byte[64 << 10];
      received = in.readNBytes(buf, 0, buf.length);
      closing = CompletableFuture.runAsync(server::close);
      Thread.sleep(300);
      assertThat(closing).isNotDone(); // waiting for our transfer
      int n;
      while ((n = in.read(buf)) > 0) {
        received += n;
      }
    }
    closing.get(10, TimeUnit.SECONDS);
    assertThat(received).isGreaterThan(HTTP_SIZE); // headers plus the whole body
  }

  @Test
  void tftpTransferInFlightFinishesDuringClose() throws Exception {
    NetbootServer server = start(NetbootServer.builder().tftpFiles(
        InMemoryFileSource.builder().add("big.img", new byte[TFTP_SIZE]).build()));
    AtomicLong written = new AtomicLong();
    // A slow receiver: the transfer is still running when close() starts.
    OutputStream slow = new OutputStream() {
      @Override
      public void write(int b) {
        written.incrementAndGet();
      }

      @Override
      public void write(byte[] b, int off, int len) {
        written.addAndGet(len);
        try {
          Thread.sleep(1);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    };
    try (TftpClient client = TftpClient.create()) {
      CompletableFuture<TftpTransferResult> transfer = CompletableFuture.supplyAsync(() -> {
        try {
          return client.get(new InetSocketAddress(LOOPBACK, server.tftpPort()), "big.img",
              Map.of(), slow);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (written.get() < 16 << 10 && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      CompletableFuture<Void> closing = CompletableFuture.runAsync(server::close);
      TftpTransferResult result = transfer.get(20, TimeUnit.SECONDS);
      closing.get(20, TimeUnit.SECONDS);
      assertThat(result.isSuccess()).isTrue();
      assertThat(written.get()).isEqualTo(TFTP_SIZE);
    }
  }

  private static NetbootServer start(NetbootServer.Builder builder) throws IOException {
    return builder.address(LOOPBACK).policy(BootPolicies.always(BootDecision.ignore()))
        .dhcpPort(0).bootServerPort(0).tftpPort(0).httpPort(0)
        .shutdownGrace(Duration.ofSeconds(10)).build().start();
  }

}
