package dev.netboot.cli.tftp;

import static dev.netboot.cli.CommandRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.netboot.cli.CommandRun;
import dev.netboot.cli.Netboot;
import dev.netboot.tftp.udp.TftpClient;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TftpCommandTest {
  @TempDir Path root;

  @Test
  void helpListsTheOptions() {
    CommandRun r = run("tftp", "--help");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out())
        .startsWith("Usage: netboot tftp")
        .contains("ROOT", "--address=IP", "--port=N", "--max-blksize=N", "--max-windowsize=N",
            "--allow-write");
  }

  @Test
  void theRootCommandListsTftp() {
    assertThat(run("--help").out()).containsPattern("(?m)^  tftp +Serves a directory");
  }

  @Test
  void outOfRangeValuesAreUsageErrors() {
    CommandRun blksize = run("tftp", root.toString(), "--max-blksize", "7");
    CommandRun windowsize = run("tftp", root.toString(), "--max-windowsize", "0");
    CommandRun port = run("tftp", root.toString(), "--port", "70000");

    assertThat(blksize.exitCode()).isEqualTo(2);
    assertThat(blksize.err()).startsWith("netboot: --max-blksize: 7 (expected: 8-65464)");
    assertThat(windowsize.exitCode()).isEqualTo(2);
    assertThat(windowsize.err()).startsWith("netboot: --max-windowsize: 0 (expected: 1-65535)");
    assertThat(port.exitCode()).isEqualTo(2);
    assertThat(run("tftp").exitCode()).isEqualTo(2);
  }

  @Test
  void aMissingRootIsOneLineAndExit1() {
    CommandRun r = run("tftp", root.resolve("nope").toString(), "--port", "0");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("netboot: not a directory: " + root.resolve("nope") + "\n");
  }

  @Test
  void aPrivilegedPortExplainsWhatToDo() {
    String message =
        TftpCommand.bindFailure(new BindException("Permission denied"), 69);

    assertThat(message)
        .isEqualTo("port 69 needs root or CAP_NET_BIND_SERVICE; use --port 6969");
    assertThat(TftpCommand.bindFailure(new BindException("Address already in use"), 6969))
        .isEqualTo("cannot listen on port 6969: Address already in use");
  }

  @Test
  void servesUntilInterruptedAndPrintsALinePerTransfer() throws Exception {
    byte[] content = "DEFAULT linux\n".getBytes(StandardCharsets.US_ASCII);
    Files.write(root.resolve("default"), content);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cmd = Netboot.newCommandLine(new ByteArrayInputStream(new byte[0]));
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    AtomicInteger exit = new AtomicInteger(-1);
    Thread command = new Thread(() -> exit.set(cmd.execute(
        "tftp", root.toString(), "--address", "127.0.0.1", "--port", "0",
        "--max-blksize", "1024")));
    command.start();
    try {
      int port = boundPort(out);
      try (TftpClient client = TftpClient.create()) {
        var got = Unpooled.buffer();
        var result = client.get(new InetSocketAddress("127.0.0.1", port), "default",
            Map.of("blksize", "4096"), got);
        assertThat(ByteBufUtil.getBytes(got)).isEqualTo(content);
        assertThat(result.options().blksize()).isEqualTo(1024);
      }
      awaitContains(out, "read default to 127.0.0.1:");
    } finally {
      command.interrupt();
      command.join(10_000);
    }

    assertThat(command.isAlive()).isFalse();
    assertThat(exit.get()).isZero();
    assertThat(out.toString())
        .contains("(reads only)")
        .containsPattern("read default to 127\\.0\\.0\\.1:\\d+: 14 bytes in \\d+ ms"
            + " \\(\\d+\\.\\d\\d MB/s\\), blksize 1024, windowsize 1\n")
        .endsWith("Stopped.\n");
    assertThat(err.toString()).isEmpty();
  }

  private static int boundPort(StringWriter out) throws InterruptedException {
    Pattern listening = Pattern.compile("on 127\\.0\\.0\\.1:(\\d+);");
    for (int i = 0; i < 500; i++) {
      Matcher m = listening.matcher(out.toString());
      if (m.find()) {
        return Integer.parseInt(m.group(1));
      }
      Thread.sleep(20);
    }
    throw new AssertionError("the server did not start within 10 s: " + out);
  }

  private static void awaitContains(StringWriter out, String text) throws InterruptedException {
    for (int i = 0; i < 500 && !out.toString().contains(text); i++) {
      Thread.sleep(20);
    }
    assertThat(out.toString()).contains(text);
  }
}
