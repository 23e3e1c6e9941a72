package dev.netboot.tftp.files;

import static dev.netboot.tftp.files.TestRequests.assertRefused;
import static dev.netboot.tftp.files.TestRequests.readAll;
import static dev.netboot.tftp.files.TestRequests.request;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.netboot.tftp.TftpErrorCode;
import dev.netboot.tftp.TftpFileException;
import dev.netboot.tftp.TftpFileSource;
import dev.netboot.tftp.TftpReadableFile;
import dev.netboot.tftp.TftpRequestInfo;
import dev.netboot.tftp.TftpWritableFile;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Remap rules in front of another source. */
class RemappingFileSourceTest {
  private static final RemapRules RULES = RemapRules.parse(String.join("\n",
      "a \\.\\./ no\\ parent\\ paths",
      "rg \\\\ /                      # Windows separators",
      "ri ^/?boot/bcd$ Boot/BCD",
      "rP ^ incoming/"));

  @Test
  void theDelegateSeesTheRewrittenNameAndTheRestOfTheRequest() throws Exception {
    List<TftpRequestInfo> seen = new ArrayList<>();
    TftpFileSource recorder = request -> {
      seen.add(request);
      return new ByteArrayReadableFile(new byte[0]);
    };
    TftpRequestInfo original = new TftpRequestInfo("\\boot\\BCD", "netascii",
        Map.of("blksize", "1432"), request("x").peer());
    RemappingFileSource.of(recorder, RULES).openForRead(original).close();
    assertThat(seen).singleElement().satisfies(r -> {
      assertThat(r.filename()).isEqualTo("Boot/BCD");
      assertThat(r.mode()).isEqualTo("netascii");
      assertThat(r.options()).containsEntry("blksize", "1432");
      assertThat(r.peer()).isEqualTo(original.peer());
    });
  }

  @Test
  void aDenyRuleRefusesBeforeTheDelegateIsAsked() {
    TftpFileSource never = request -> {
      throw new AssertionError("delegate asked for " + request.filename());
    };
    assertRefused(() -> RemappingFileSource.of(never, RULES).openForRead(request("a/../b")),
        TftpErrorCode.ACCESS_VIOLATION).withMessage("no parent paths");
  }

  @Test
  void writesUsePutRules(@TempDir Path root) throws Exception {
    Files.createDirectories(root.resolve("incoming"));
    DirectoryFileSource directory = DirectoryFileSource.builder(root).allowWrite(true).build();
    try (TftpWritableFile upload =
        RemappingFileSource.of(directory, RULES).openForWrite(request("log"), 3)) {
      upload.write(ByteBuffer.wrap("abc".getBytes(UTF_8)));
      upload.commit();
    }
    assertThat(root.resolve("incoming/log")).hasContent("abc");
  }

  @Test
  void rulesCannotLeadOutOfADirectoryRoot(@TempDir Path base) throws Exception {
    Path root = Files.createDirectories(base.resolve("root"));
    Files.writeString(base.resolve("secret"), "outside");
    Files.writeString(root.resolve("inside"), "inside");
    TftpFileSource source = RemappingFileSource.of(DirectoryFileSource.builder(root).build(),
        RemapRules.parse("r ^secret$ ../secret\nr ^abs$ /inside"));
    assertRefused(() -> source.openForRead(request("secret")), TftpErrorCode.ACCESS_VIOLATION);
    try (TftpReadableFile file = source.openForRead(request("abs"))) {
      assertThat(readAll(file)).asString(UTF_8).isEqualTo("inside");
    }
  }

  @Test
  void theDelegatesRefusalPassesThrough() {
    TftpFileSource refusing = request -> {
      throw new TftpFileException(TftpErrorCode.FILE_NOT_FOUND, "no " + request.filename());
    };
    assertRefused(() -> RemappingFileSource.of(refusing, RULES).openForRead(request("BOOT/bcd")),
        TftpErrorCode.FILE_NOT_FOUND).withMessage("no Boot/BCD");
  }
}
