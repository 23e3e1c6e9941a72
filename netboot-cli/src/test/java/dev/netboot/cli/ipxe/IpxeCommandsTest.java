package dev.netboot.cli.ipxe;

import static dev.netboot.cli.CommandRun.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.netboot.cli.CommandRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IpxeCommandsTest {
  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  @Test
  void checkPassesACleanScriptAndPrintsWarnings() throws IOException {
    Path p = write("ok.ipxe", "#!ipxe\ndhcp || goto fail\nfrobnicate\nexit\n:fail\nshell\n");
    CommandRun r = run("ipxe", "check", p.toString());
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).isEqualTo(p + ":3:1: warning: unknown command 'frobnicate' (iPXE prints"
        + " 'command not found' and the script fails unless the line handles it)\n");
  }

  @Test
  void checkFailsWithFileLineColumnForErrors() throws IOException {
    Path p = write("bad.ipxe", "#!ipxe\n\nchain --bogus x\n  goto nowhere\n");
    CommandRun r = run("ipxe", "check", p.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).isEqualTo(
        p + ":3:1: error: 'chain': unrecognised option \"--bogus\"\n"
            + p + ":4:8: error: goto ':nowhere': no such label\n");
  }

  @Test
  void chainedScriptsMayGoBackToTheirCaller() throws IOException {
    Path p = write("sub.ipxe", "#!ipxe\nchain x || goto main_menu\n");
    assertThat(run("ipxe", "check", p.toString()).exitCode()).isEqualTo(1);
    CommandRun r = run("ipxe", "check", "--chained", p.toString());
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains(": warning: goto ':main_menu'");
  }

  @Test
  void checkReportsParseErrorsAndMissingFiles() throws IOException {
    Path p = write("nul.ipxe", "#!ipxe\necho a\0\n");
    CommandRun r = run("ipxe", "check", p.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).isEqualTo(p + ":2:7: error: NUL character in script\n");
    CommandRun missing = run("ipxe", "check", dir.resolve("none.ipxe").toString());
    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.err()).isEqualTo("netboot: " + dir.resolve("none.ipxe")
        + ": no such file\n");
  }

  @Test
  void fmtPrintsTheCanonicalForm() throws IOException {
    Path p = write("f.ipxe", "#!ipxe\r\n:start   chain  -ar \\\r\n  http://x/${net0/mac:hexhyp}"
        + "   ||   goto start   # retry\r\n");
    CommandRun r = run("ipxe", "fmt", p.toString());
    assertThat(r.exitCode()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).isEqualTo(
        "#!ipxe\n:start chain --autofree --replace http://x/${net0/mac:hexhyp} || goto start"
            + " # retry\n");
    Path again = write("g.ipxe", r.out());
    assertThat(run("ipxe", "fmt", again.toString()).out()).isEqualTo(r.out());
  }

  @Test
  void everyCorpusScriptChecksWithoutErrorsWhenChainedOnesAreSaidToBe() throws IOException {
    Path corpus = Paths.get(System.getProperty("netboot.corpus.dir",
        Paths.get("..", "..", "shared", "corpus").toString())).resolve("ipxe");
    assumeTrue(Files.isDirectory(corpus), "corpus not present");
    try (var files = Files.list(corpus)) {
      for (Path p : files.sorted().toList()) {
        String name = p.getFileName().toString();
        boolean chained = name.endsWith("src-utils.ipxe") || name.endsWith("src-windows.ipxe");
        CommandRun r = chained ? run("ipxe", "check", "--chained", p.toString())
            : run("ipxe", "check", p.toString());
        assertThat(r.exitCode()).as(name + ": " + r.out()).isZero();
        assertThat(run("ipxe", "fmt", p.toString()).exitCode()).isZero();
      }
    }
  }
}
