package dev.netboot.tftp.files;

import static dev.netboot.tftp.files.TestRequests.assertRefused;
import static dev.netboot.tftp.files.TestRequests.readAll;
import static dev.netboot.tftp.files.TestRequests.request;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.netboot.tftp.TftpErrorCode;
import dev.netboot.tftp.TftpReadableFile;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** Files held in memory. */
class InMemoryFileSourceTest {

  @Test
  void servesFilesByExactName() throws Exception {
    InMemoryFileSource source = InMemoryFileSource.builder()
        .add("pxelinux.0", bytes("boot"))
        .add("empty", new byte[0])
        .build();
    assertThat(content(source, "pxelinux.0")).isEqualTo("boot");
    assertThat(content(source, "/pxelinux.0")).isEqualTo("boot");
    assertThat(content(source, "empty")).isEmpty();
    assertRefused(() -> source.openForRead(request("PXELINUX.0")), TftpErrorCode.FILE_NOT_FOUND);
    assertRefused(() -> source.openForRead(request("other")), TftpErrorCode.FILE_NOT_FOUND);
    assertThat(source.names()).containsExactly("pxelinux.0", "empty");
  }

  @Test
  void keepsLeadingSlashesWhenAsked() throws Exception {
    InMemoryFileSource source = InMemoryFileSource.builder()
        .add("/abs", bytes("a")).stripLeadingSlash(false).build();
    assertThat(content(source, "/abs")).isEqualTo("a");
    assertRefused(() -> source.openForRead(request("abs")), TftpErrorCode.FILE_NOT_FOUND);
  }

  @Test
  void caseInsensitiveLookupPrefersExactThenFirstInOrder() throws Exception {
    InMemoryFileSource source = InMemoryFileSource.builder()
        .add("readme", bytes("lower"))
        .add("ReadMe", bytes("mixed"))
        .add("README", bytes("upper"))
        .caseInsensitive(true)
        .build();
    assertThat(content(source, "ReadMe")).isEqualTo("mixed");
    assertThat(content(source, "rEADME")).isEqualTo("upper");
  }

  @Test
  void copiesTheBytesItIsGiven() throws Exception {
    byte[] original = bytes("abc");
    InMemoryFileSource source = InMemoryFileSource.builder().add("f", original).build();
    original[0] = 'X';
    assertThat(content(source, "f")).isEqualTo("abc");
  }

  @Test
  void readsArePositional() throws Exception {
    InMemoryFileSource source = InMemoryFileSource.builder().add("f", bytes("0123456789")).build();
    try (TftpReadableFile file = source.openForRead(request("f"))) {
      ByteBuffer dst = ByteBuffer.allocate(4);
      assertThat(file.size()).isEqualTo(10);
      assertThat(file.read(8, dst)).isEqualTo(2);
      assertThat(file.read(10, dst.clear())).isEqualTo(-1);
      assertThat(file.read(3, dst.clear())).isEqualTo(4);
      assertThat(new String(dst.array(), UTF_8)).isEqualTo("3456");
      assertThatIllegalArgumentException().isThrownBy(() -> file.read(-1, dst.clear()));
    }
  }

  @Test
  void refusesWritesAndEmptyNames() {
    InMemoryFileSource source = InMemoryFileSource.builder().add("f", bytes("x")).build();
    assertRefused(() -> source.openForWrite(request("f"), 1), TftpErrorCode.ACCESS_VIOLATION);
    assertThatIllegalArgumentException().isThrownBy(
        () -> InMemoryFileSource.builder().add("", bytes("x")));
  }

  private static String content(InMemoryFileSource source, String name) throws Exception {
    try (TftpReadableFile file = source.openForRead(request(name))) {
      return new String(readAll(file), UTF_8);
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(UTF_8);
  }
}
