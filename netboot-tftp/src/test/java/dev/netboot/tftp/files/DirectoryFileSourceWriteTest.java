package dev.netboot.tftp.files;

import static dev.netboot.tftp.files.TestRequests.assertRefused;
import static dev.netboot.tftp.files.TestRequests.readAll;
import static dev.netboot.tftp.files.TestRequests.request;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.netboot.tftp.TftpErrorCode;
import dev.netboot.tftp.TftpReadableFile;
import dev.netboot.tftp.TftpWritableFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Uploads into a directory source: opt-in, capped, atomic. */
class DirectoryFileSourceWriteTest {
  private static final long CAP = 100;

  @TempDir Path root;
  DirectoryFileSource source;

  @BeforeEach
  void setUp() throws IOException {
    Files.createDirectories(root.resolve("uploads"));
    source = DirectoryFileSource.builder(root).allowWrite(true).maxWriteSize(CAP).build();
  }

  @Test
  void writesAreRefusedUnlessAllowed() throws Exception {
    DirectoryFileSource readOnly = DirectoryFileSource.builder(root).build();
    assertRefused(() -> readOnly.openForWrite(request("uploads/x"), -1),
        TftpErrorCode.ACCESS_VIOLATION);
    assertThat(entries()).containsExactly("uploads");
  }

  @Test
  void aCommittedUploadAppearsWhole() throws Exception {
    try (TftpWritableFile upload = source.openForWrite(request("uploads/log.txt"), -1)) {
      upload.write(bytes("hello "));
      upload.write(bytes("world"));
      assertThat(root.resolve("uploads/log.txt")).doesNotExist();
      assertThat(entries("uploads")).singleElement().asString().startsWith(".netboot-upload-");
      upload.commit();
    }
    assertThat(root.resolve("uploads/log.txt")).hasContent("hello world");
    assertThat(entries("uploads")).containsExactly("log.txt");
  }

  @Test
  void closingWithoutCommitLeavesNothingBehind() throws Exception {
    TftpWritableFile upload = source.openForWrite(request("/uploads/log.txt"), -1);
    upload.write(bytes("partial"));
    upload.close();
    upload.close();
    assertThat(entries("uploads")).isEmpty();
    assertThatIllegalStateException().isThrownBy(upload::commit);
  }

  @Test
  void anUploadMayReachTheCapButNotPassIt() throws Exception {
    try (TftpWritableFile upload = source.openForWrite(request("full"), -1)) {
      upload.write(ByteBuffer.allocate((int) CAP));
      upload.commit();
    }
    assertThat(Files.size(root.resolve("full"))).isEqualTo(CAP);

    TftpWritableFile upload = source.openForWrite(request("over"), -1);
    upload.write(ByteBuffer.allocate((int) CAP - 1));
    assertRefused(() -> upload.write(ByteBuffer.allocate(2)), TftpErrorCode.DISK_FULL);
    upload.close();
    assertThat(entries()).containsExactlyInAnyOrder("uploads", "full");
  }

  @Test
  void aDeclaredSizeOverTheCapIsRefusedAtOpen() throws Exception {
    assertRefused(() -> source.openForWrite(request("big"), CAP + 1), TftpErrorCode.DISK_FULL);
    source.openForWrite(request("exact"), CAP).close();
    source.openForWrite(request("zero"), 0).close();
    assertThat(entries()).containsExactly("uploads");
    assertThatIllegalArgumentException().isThrownBy(
        () -> DirectoryFileSource.builder(root).maxWriteSize(-1));
  }

  @Test
  void anExistingFileIsRefusedUnlessOverwriteIsAllowed() throws Exception {
    Files.writeString(root.resolve("uploads/cfg"), "old");
    assertRefused(() -> source.openForWrite(request("uploads/cfg"), -1),
        TftpErrorCode.FILE_EXISTS);

    DirectoryFileSource overwriting =
        DirectoryFileSource.builder(root).allowWrite(true).allowOverwrite(true).build();
    try (TftpWritableFile upload = overwriting.openForWrite(request("uploads/cfg"), -1)) {
      upload.write(bytes("new"));
      // Until the commit, readers still get the old file.
      try (TftpReadableFile reader = overwriting.openForRead(request("uploads/cfg"))) {
        assertThat(readAll(reader)).asString(UTF_8).isEqualTo("old");
      }
      upload.commit();
    }
    assertThat(root.resolve("uploads/cfg")).hasContent("new");
  }

  @Test
  void aFileCreatedDuringTheUploadIsNotReplaced() throws Exception {
    TftpWritableFile upload = source.openForWrite(request("uploads/race"), -1);
    upload.write(bytes("late"));
    Files.writeString(root.resolve("uploads/race"), "first");
    assertThatExceptionOfType(FileAlreadyExistsException.class).isThrownBy(upload::commit);
    upload.close();
    assertThat(root.resolve("uploads/race")).hasContent("first");
    assertThat(entries("uploads")).containsExactly("race");
  }

  @Test
  void refusesUploadsThatEscapeOrTargetSpecialFiles() throws Exception {
    Files.createSymbolicLink(root.resolve("uploads/link"), Path.of("../elsewhere"));
    assertRefused(() -> source.openForWrite(request("../x"), -1), TftpErrorCode.ACCESS_VIOLATION);
    assertRefused(() -> source.openForWrite(request("uploads/link"), -1),
        TftpErrorCode.ACCESS_VIOLATION);
    assertRefused(() -> source.openForWrite(request("uploads"), -1),
        TftpErrorCode.ACCESS_VIOLATION);
    assertRefused(() -> source.openForWrite(request("missing/x"), -1),
        TftpErrorCode.FILE_NOT_FOUND);
    assertRefused(() -> source.openForWrite(request("uploads/.netboot-upload-1.part"), -1),
        TftpErrorCode.FILE_NOT_FOUND);
    assertThat(entries("uploads")).containsExactly("link");
  }

  @Test
  void caseInsensitiveUploadsFindTheExistingName() throws Exception {
    Files.writeString(root.resolve("uploads/Config.txt"), "old");
    DirectoryFileSource folding = DirectoryFileSource.builder(root).allowWrite(true)
        .allowOverwrite(true).caseInsensitive(true).build();
    try (TftpWritableFile upload = folding.openForWrite(request("UPLOADS/config.TXT"), -1)) {
      upload.write(bytes("new"));
      upload.commit();
    }
    assertThat(entries("uploads")).containsExactly("Config.txt");
    assertThat(root.resolve("uploads/Config.txt")).hasContent("new");
  }

  private static ByteBuffer bytes(String text) {
    return ByteBuffer.wrap(text.getBytes(UTF_8));
  }

  /** Lists the root, or the directory under it that is named, sorted. */
  private List<String> entries(String... dir) throws IOException {
    try (Stream<Path> list = Files.list(dir.length == 0 ? root : root.resolve(dir[0]))) {
      return list.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
