package dev.netboot.tftp.files;

import static dev.netboot.tftp.files.TestRequests.assertRefused;
import static dev.netboot.tftp.files.TestRequests.readAll;
import static dev.netboot.tftp.files.TestRequests.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.netboot.tftp.TftpErrorCode;
import dev.netboot.tftp.TftpFileException;
import dev.netboot.tftp.TftpReadableFile;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Symbolic links, special files and case-insensitive lookup in a directory source. */
@EnabledOnOs({OS.LINUX, OS.MAC})
class DirectoryFileSourceLinksTest {
  // Only a guard against a hung test run, not a speed requirement.
  private static final Duration HANG_GUARD = Duration.ofSeconds(10);

  @TempDir Path base;
  Path root;
  DirectoryFileSource source;

  @BeforeEach
  void setUp() throws IOException {
    root = Files.createDirectories(base.resolve("root"));
    Files.createDirectories(root.resolve("boot"));
    Files.writeString(root.resolve("boot/pxelinux.0"), "inside");
    Files.writeString(base.resolve("secret"), "outside");
    source = DirectoryFileSource.builder(root).build();
  }

  @Test
  void followsLinksThatStayInsideTheRoot() throws Exception {
    Files.createSymbolicLink(root.resolve("relative"), Path.of("boot/pxelinux.0"));
    Files.createSymbolicLink(root.resolve("absolute"), root.resolve("boot/pxelinux.0"));
    Files.createSymbolicLink(root.resolve("dir"), Path.of("boot"));
    Files.createSymbolicLink(root.resolve("boot/up"), Path.of("../boot/./pxelinux.0"));
    Files.createSymbolicLink(root.resolve("chain"), Path.of("dir/up"));
    String[] names = {"relative", "absolute", "dir/pxelinux.0", "boot/up", "chain"};
    for (String name : names) {
      try (TftpReadableFile file = source.openForRead(request(name))) {
        assertThat(readAll(file)).as(name).asString(StandardCharsets.UTF_8).isEqualTo("inside");
      }
    }
  }

  @Test
  void refusesLinksThatLeaveTheRoot() throws Exception {
    Files.createSymbolicLink(root.resolve("up"), Path.of("../secret"));
    Files.createSymbolicLink(root.resolve("abs"), base.resolve("secret"));
    Files.createSymbolicLink(root.resolve("parent"), Path.of(".."));
    Files.createSymbolicLink(root.resolve("sneaky"), Path.of("boot/../../secret"));
    Files.createSymbolicLink(root.resolve("lexical"), root.resolve("../secret"));
    Files.createSymbolicLink(root.resolve("etc"), Path.of("/etc/passwd"));
    for (String name : new String[] {"up", "abs", "parent/secret", "sneaky", "lexical", "etc"}) {
      assertRefused(() -> source.openForRead(request(name)), TftpErrorCode.ACCESS_VIOLATION)
          .as(name);
    }
  }

  @Test
  void aLinkOutAnswersTheSameWhetherItsTargetExistsOrNot() throws Exception {
    Files.createSymbolicLink(root.resolve("exists"), Path.of("../secret"));
    Files.createSymbolicLink(root.resolve("absent"), Path.of("../no-such-file"));
    Files.createSymbolicLink(root.resolve("absent-abs"), Path.of("/no/such/dir/file"));
    String existing = refusalOf("exists");
    assertThat(refusalOf("absent")).isEqualTo(existing);
    assertThat(refusalOf("absent-abs")).isEqualTo(existing);
  }

  private String refusalOf(String name) {
    try {
      source.openForRead(request(name)).close();
      throw new AssertionError(name + " was served");
    } catch (TftpFileException e) {
      return e.errorCode() + " " + e.getMessage();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void followsLinksOutOfTheRootOnlyWhenAllowed() throws Exception {
    Files.createSymbolicLink(root.resolve("up"), Path.of("../secret"));
    Files.createSymbolicLink(root.resolve("abs"), base.resolve("secret"));
    DirectoryFileSource open =
        DirectoryFileSource.builder(root).allowSymlinksOutsideRoot(true).build();
    for (String name : new String[] {"up", "abs"}) {
      try (TftpReadableFile file = open.openForRead(request(name))) {
        assertThat(readAll(file)).asString(StandardCharsets.UTF_8).isEqualTo("outside");
      }
    }
    assertRefused(() -> open.openForRead(request("../secret")), TftpErrorCode.ACCESS_VIOLATION);
  }

  @Test
  void linkLoopsEndInARefusal() throws Exception {
    Files.createSymbolicLink(root.resolve("a"), Path.of("b"));
    Files.createSymbolicLink(root.resolve("b"), Path.of("a"));
    Files.createSymbolicLink(root.resolve("self"), Path.of("self/x"));
    assertTimeoutPreemptively(HANG_GUARD, () -> {
      assertRefused(() -> source.openForRead(request("a")), TftpErrorCode.ACCESS_VIOLATION);
      assertRefused(() -> source.openForRead(request("self")), TftpErrorCode.ACCESS_VIOLATION);
    });
  }

  @Test
  void refusesAFifoWithoutOpeningIt() throws Exception {
    Path fifo = root.resolve("fifo");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
    assertThat(mkfifo.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(mkfifo.exitValue()).isZero();
    Files.createSymbolicLink(root.resolve("to-fifo"), Path.of("fifo"));
    assertTimeoutPreemptively(HANG_GUARD, () -> {
      assertRefused(() -> source.openForRead(request("fifo")), TftpErrorCode.ACCESS_VIOLATION);
      assertRefused(() -> source.openForRead(request("to-fifo")), TftpErrorCode.ACCESS_VIOLATION);
    });
  }

  @Test
  void refusesDirectoriesSocketsAndDevices() throws Exception {
    Path socketPath = root.resolve("sock");
    try (ServerSocketChannel socket = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      socket.bind(UnixDomainSocketAddress.of(socketPath));
      assertRefused(() -> source.openForRead(request("sock")), TftpErrorCode.ACCESS_VIOLATION);
    }
    assertRefused(() -> source.openForRead(request("boot")), TftpErrorCode.ACCESS_VIOLATION);
    assertRefused(() -> source.openForRead(request("boot/")), TftpErrorCode.ACCESS_VIOLATION);
    Files.createSymbolicLink(root.resolve("null"), Path.of("/dev/null"));
    Files.createSymbolicLink(root.resolve("zero"), Path.of("/dev/zero"));
    DirectoryFileSource open =
        DirectoryFileSource.builder(root).allowSymlinksOutsideRoot(true).build();
    assertRefused(() -> open.openForRead(request("null")), TftpErrorCode.ACCESS_VIOLATION);
    assertRefused(() -> open.openForRead(request("zero")), TftpErrorCode.ACCESS_VIOLATION);
  }

  @Test
  void caseInsensitiveLookupWalksEveryComponent() throws Exception {
    Files.createDirectories(root.resolve("PXELinux.CFG"));
    Files.writeString(root.resolve("PXELinux.CFG/Default"), "menu");
    assertRefused(() -> source.openForRead(request("pxelinux.cfg/default")),
        TftpErrorCode.FILE_NOT_FOUND);
    DirectoryFileSource folding = DirectoryFileSource.builder(root).caseInsensitive(true).build();
    try (TftpReadableFile file = folding.openForRead(request("pxelinux.cfg/DEFAULT"))) {
      assertThat(readAll(file)).asString(StandardCharsets.UTF_8).isEqualTo("menu");
    }
    assertRefused(() -> folding.openForRead(request("pxelinux.cfg/other")),
        TftpErrorCode.FILE_NOT_FOUND);
  }

  @Test
  void caseInsensitiveLookupPrefersTheExactNameThenTheFirstInOrder() throws Exception {
    Files.writeString(root.resolve("readme"), "lower");
    Files.writeString(root.resolve("README"), "upper");
    Files.writeString(root.resolve("ReadMe"), "mixed");
    DirectoryFileSource folding = DirectoryFileSource.builder(root).caseInsensitive(true).build();
    assertThat(content(folding, "readme")).isEqualTo("lower");
    assertThat(content(folding, "ReadMe")).isEqualTo("mixed");
    // "README" < "ReadMe" < "readme" in UTF-16 order, whatever order the directory lists.
    assertThat(content(folding, "rEADME")).isEqualTo("upper");
  }

  private static String content(DirectoryFileSource source, String name) throws Exception {
    try (TftpReadableFile file = source.openForRead(request(name))) {
      return new String(readAll(file), StandardCharsets.UTF_8);
    }
  }
}
