package dev.netboot.cli.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netboot.tftp.files.DirectoryFileSource;
import dev.netboot.tftp.udp.TftpServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code netboot conformance tftp} against netboot's own server on loopback. */
class TftpConformanceCommandTest {
  @TempDir Path served;
  @TempDir Path local;
  private TftpServer server;
  private String address;

  @BeforeEach
  void start() throws Exception {
    byte[] content = new byte[3000];
    for (int i = 0; i < content.length; i++) {
      content[i] = (byte) (i * 7);
    }
    Files.write(served.resolve("boot.bin"), content);
    Files.write(local.resolve("boot.bin"), content);
    server = TftpServer.builder(DirectoryFileSource.builder(served).build())
        .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).build().start();
    address = "127.0.0.1:" + server.boundAddress().getPort();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private record Run(int exitCode, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cmd = new CommandLine(new ConformanceCommand());
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    int code = cmd.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void printsTheReportAndExitsZeroWhenEveryCheckPasses() {
    Run r = run("tftp", address, "--file", "boot.bin=" + local.resolve("boot.bin"),
        "--seed", "17", "--only", "rrq.octet,tsize.read,wrq,rrq.missing");
    assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).contains("seed 17", "rrq.octet", "tsize.read", "wrq",
        "4 checks: 4 passed, 0 failed, 0 skipped");
  }

  @Test
  void exitsOneWhenACheckFails() throws Exception {
    Files.write(local.resolve("wrong.bin"), new byte[3000]);
    Run r = run("tftp", address, "--file", "boot.bin=" + local.resolve("wrong.bin"),
        "--only", "rrq.octet");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).contains("FAIL", "first difference at offset");
  }

  @Test
  void usageErrorsExitTwo() {
    assertThat(run("tftp", "no-port", "--file", "a=b").exitCode()).isEqualTo(2);
    assertThat(run("tftp", address).exitCode()).isEqualTo(2);
    Run r = run("tftp", address, "--file", "boot.bin=" + local.resolve("boot.bin"),
        "--only", "no.such.check");
    assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(2);
    assertThat(r.err()).contains("expected: one of");
  }

  @Test
  void anUnreadableLocalFileExitsOne() {
    Run r = run("tftp", address, "--file", "boot.bin=" + local.resolve("absent"));
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("cannot read");
  }
}
