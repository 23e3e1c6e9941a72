package dev.netboot.tftp.files;

import static dev.netboot.tftp.files.TestRequests.assertRefused;
import static dev.netboot.tftp.files.TestRequests.readAll;
import static dev.netboot.tftp.files.TestRequests.request;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.netboot.tftp.TftpErrorCode;
import dev.netboot.tftp.TftpReadableFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reads from a directory, and every spelling of a name that tries to leave it. */
class DirectoryFileSourceTest {
  private static final byte[] PXELINUX = "pxelinux-bytes".getBytes(UTF_8);

  @TempDir Path base;
  Path root;
  DirectoryFileSource source;

  @BeforeEach
  void setUp() throws IOException {
    root = Files.createDirectories(base.resolve("root"));
    Files.createDirectories(root.resolve("boot"));
    Files.write(root.resolve("boot/pxelinux.0"), PXELINUX);
    Files.writeString(base.resolve("secret"), "outside the root");
    source = DirectoryFileSource.builder(root).build();
  }

  @Test
  void servesARegularFileWithItsSize() throws Exception {
    try (TftpReadableFile file = source.openForRead(request("boot/pxelinux.0"))) {
      assertThat(file.size()).isEqualTo(PXELINUX.length);
      assertThat(readAll(file)).isEqualTo(PXELINUX);
    }
  }

  @Test
  void readsArePositionalAndEndWithMinusOne() throws Exception {
    try (TftpReadableFile file = source.openForRead(request("boot/pxelinux.0"))) {
      ByteBuffer dst = ByteBuffer.allocate(5);
      assertThat(file.read(9, dst)).isEqualTo(5);
      assertThat(new String(dst.array(), UTF_8)).isEqualTo("bytes");
      assertThat(file.read(0, dst.clear().limit(3))).isEqualTo(3);
      assertThat(new String(dst.array(), 0, 3, UTF_8)).isEqualTo("pxe");
      assertThat(file.read(PXELINUX.length, dst.clear())).isEqualTo(-1);
    }
  }

  @Test
  void emptyFileHasSizeZero() throws Exception {
    Files.write(root.resolve("empty"), new byte[0]);
    try (TftpReadableFile file = source.openForRead(request("empty"))) {
      assertThat(file.size()).isZero();
      assertThat(readAll(file)).isEmpty();
    }
  }

  @Test
  void aFileThatGrowsAfterOpenIsServedAtItsAnnouncedSize() throws Exception {
    try (TftpReadableFile file = source.openForRead(request("boot/pxelinux.0"))) {
      Files.write(root.resolve("boot/pxelinux.0"), "-more".getBytes(UTF_8),
          StandardOpenOption.APPEND);
      assertThat(readAll(file)).isEqualTo(PXELINUX);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"/boot/pxelinux.0", "//boot/pxelinux.0", "boot//pxelinux.0",
      "./boot/pxelinux.0", "boot/./pxelinux.0"})
  void harmlessSpellingsFindTheFile(String name) throws Exception {
    try (TftpReadableFile file = source.openForRead(request(name))) {
      assertThat(readAll(file)).isEqualTo(PXELINUX);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"..", "../secret", "../../etc/passwd", "a/../../x", "boot/../../secret",
      "boot/../boot/pxelinux.0", "\\..\\x", "..\\secret", "boot\\pxelinux.0",
      "boot/pxelinux.0\0.cfg", "\0", "boot/\npxelinux.0", "", "/", "//", ".", "./.",
      "CON", "nul.txt", "boot/COM1", "lpt9 .cfg", "Aux"})
  void refusesEscapesAndMalformedNamesAsAccessViolation(String name) {
    assertRefused(() -> source.openForRead(request(name)), TftpErrorCode.ACCESS_VIOLATION);
  }

  @Test
  void refusesOverLongNamesAndSegments() {
    String longName = "a/".repeat(DirectoryFileSource.MAX_NAME_LENGTH / 2) + "x";
    assertRefused(() -> source.openForRead(request(longName)), TftpErrorCode.ACCESS_VIOLATION);
    String longSegment = "é".repeat(DirectoryFileSource.MAX_SEGMENT_BYTES / 2 + 1);
    assertRefused(() -> source.openForRead(request(longSegment)), TftpErrorCode.ACCESS_VIOLATION);
    String deep = "a/".repeat(DirectoryFileSource.MAX_PATH_DEPTH) + "x";
    assertRefused(() -> source.openForRead(request(deep)), TftpErrorCode.ACCESS_VIOLATION);
  }

  @Test
  void anAbsolutePathIsRefusedWhenLeadingSlashesAreKept() throws Exception {
    DirectoryFileSource strict = DirectoryFileSource.builder(root).stripLeadingSlash(false).build();
    assertRefused(() -> strict.openForRead(request("/boot/pxelinux.0")),
        TftpErrorCode.ACCESS_VIOLATION);
    assertRefused(() -> strict.openForRead(request("/etc/passwd")),
        TftpErrorCode.ACCESS_VIOLATION);
    strict.openForRead(request("boot/pxelinux.0")).close();
  }

  @Test
  void aStrippedAbsolutePathStaysInsideTheRoot() {
    assertRefused(() -> source.openForRead(request("/etc/passwd")), TftpErrorCode.FILE_NOT_FOUND);
  }

  @Test
  void backslashesSeparateWhenAskedButNeverEscape() throws Exception {
    DirectoryFileSource windows =
        DirectoryFileSource.builder(root).backslashAsSeparator(true).build();
    try (TftpReadableFile file = windows.openForRead(request("\\boot\\pxelinux.0"))) {
      assertThat(readAll(file)).isEqualTo(PXELINUX);
    }
    assertRefused(() -> windows.openForRead(request("\\..\\secret")),
        TftpErrorCode.ACCESS_VIOLATION);
    assertRefused(() -> windows.openForRead(request("boot\\..\\..\\secret")),
        TftpErrorCode.ACCESS_VIOLATION);
  }

  @Test
  void percentEncodingIsJustALiteralName() throws Exception {
    assertRefused(() -> source.openForRead(request("%2e%2e/secret")), TftpErrorCode.FILE_NOT_FOUND);
    Files.writeString(root.resolve("%2e%2e"), "literal");
    try (TftpReadableFile file = source.openForRead(request("%2e%2e"))) {
      assertThat(readAll(file)).asString(UTF_8).isEqualTo("literal");
    }
  }

  @Test
  void missingFilesAreNotFound() {
    assertRefused(() -> source.openForRead(request("missing")), TftpErrorCode.FILE_NOT_FOUND);
    assertRefused(() -> source.openForRead(request("pxelinux.cfg/01-aa-bb-cc-dd-ee-ff")),
        TftpErrorCode.FILE_NOT_FOUND);
    assertRefused(() -> source.openForRead(request("boot/pxelinux.0/x")),
        TftpErrorCode.FILE_NOT_FOUND);
  }

  @Test
  void uploadTemporaryFilesAreNeverServed() throws Exception {
    Files.writeString(root.resolve(".netboot-upload-0123.part"), "half an upload");
    assertRefused(() -> source.openForRead(request(".netboot-upload-0123.part")),
        TftpErrorCode.FILE_NOT_FOUND);
    DirectoryFileSource folding = DirectoryFileSource.builder(root).caseInsensitive(true).build();
    assertRefused(() -> folding.openForRead(request(".NETBOOT-UPLOAD-0123.PART")),
        TftpErrorCode.FILE_NOT_FOUND);
  }

  @Test
  void theRootMustBeAnExistingDirectory() throws Exception {
    assertThatIllegalArgumentException().isThrownBy(
        () -> DirectoryFileSource.builder(root.resolve("boot/pxelinux.0")).build());
    assertThatIOException().isThrownBy(
        () -> DirectoryFileSource.builder(root.resolve("absent")).build());
    assertThat(source.root()).isEqualTo(root.toRealPath());
  }
}
