package dev.netboot.cli.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netboot.server.NetbootEvent;
import dev.netboot.server.NetbootListener;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ServeLoopTest {
  private static final InetSocketAddress PEER = new InetSocketAddress("10.0.0.5", 40000);
  private static final String MAC = "52:54:00:12:34:56";

  @Test
  void onATerminalATransferInProgressIsAStatusLineThatTheNextLineReplaces() throws Exception {
    StringWriter text = new StringWriter();
    NetbootListener listener = new ServeLoop(new PrintWriter(text), true).listener();

    listener.onEvent(progress(5_000_000));
    listener.onEvent(progress(10_000_000));
    listener.onEvent(served());

    String out = awaitLine(text, "bytes in");
    assertThat(out).startsWith("\r\u001b[K" + MAC + " HTTP /f/k/vmlinuz to 10.0.0.5:40000: 25%"
        + " of 20.0 MB\r\u001b[K" + MAC + " HTTP /f/k/vmlinuz to 10.0.0.5:40000: 50% of 20.0 MB"
        + "\r\u001b[K" + MAC + " HTTP /f/k/vmlinuz to 10.0.0.5:40000: 20000000 bytes in");
  }

  @Test
  void elsewhereProgressIsNotPrinted() throws Exception {
    StringWriter text = new StringWriter();
    NetbootListener listener = new ServeLoop(new PrintWriter(text), false).listener();

    listener.onEvent(progress(5_000_000));
    listener.onEvent(served());

    assertThat(awaitLine(text, "bytes in")).isEqualTo(MAC + " HTTP /f/k/vmlinuz to"
        + " 10.0.0.5:40000: 20000000 bytes in 900 ms" + System.lineSeparator());
  }

  private static NetbootEvent progress(long bytes) {
    return new NetbootEvent.TransferProgress(MAC, NetbootEvent.Protocol.HTTP, "/f/k/vmlinuz",
        PEER, bytes, 20_000_000);
  }

  private static NetbootEvent served() {
    return new NetbootEvent.FileServed(MAC, NetbootEvent.Protocol.HTTP, "/f/k/vmlinuz", PEER,
        20_000_000, Duration.ofMillis(900), true);
  }

  /** The events print on the loop's own thread: wait (bounded) for the last line to appear. */
  private static String awaitLine(StringWriter text, String marker) throws InterruptedException {
    for (int i = 0; i < 500 && !text.toString().contains(marker); i++) {
      Thread.sleep(10);
    }
    return text.toString();
  }
}
