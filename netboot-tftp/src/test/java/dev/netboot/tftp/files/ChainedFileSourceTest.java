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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Several sources asked in turn. */
class ChainedFileSourceTest {
  private final List<String> asked = new ArrayList<>();

  private TftpFileSource serving(String label, String name) {
    return request -> {
      asked.add(label);
      if (!request.filename().equals(name)) {
        throw new TftpFileException(TftpErrorCode.FILE_NOT_FOUND, label + " has no " + name);
      }
      return new ByteArrayReadableFile(label.getBytes(UTF_8));
    };
  }

  private TftpFileSource refusing(String label, TftpErrorCode code) {
    return request -> {
      asked.add(label);
      throw new TftpFileException(code, label + " refuses");
    };
  }

  @Test
  void theFirstSourceThatHasTheFileServesIt() throws Exception {
    ChainedFileSource chain =
        ChainedFileSource.of(serving("one", "a"), serving("two", "b"), serving("three", "b"));
    try (TftpReadableFile file = chain.openForRead(request("b"))) {
      assertThat(readAll(file)).asString(UTF_8).isEqualTo("two");
    }
    assertThat(asked).containsExactly("one", "two");
  }

  @Test
  void notFoundOnlyWhenNoSourceHasIt() {
    ChainedFileSource chain = ChainedFileSource.of(serving("one", "a"), serving("two", "b"));
    assertRefused(() -> chain.openForRead(request("c")), TftpErrorCode.FILE_NOT_FOUND);
    assertThat(asked).containsExactly("one", "two");
    assertRefused(() -> ChainedFileSource.of().openForRead(request("c")),
        TftpErrorCode.FILE_NOT_FOUND);
  }

  @Test
  void anyOtherRefusalStopsTheChain() {
    ChainedFileSource chain = ChainedFileSource.builder()
        .add(refusing("guard", TftpErrorCode.ACCESS_VIOLATION))
        .add(serving("files", "a"))
        .build();
    assertRefused(() -> chain.openForRead(request("a")), TftpErrorCode.ACCESS_VIOLATION)
        .withMessage("guard refuses");
    assertThat(asked).containsExactly("guard");
    assertThat(chain.sources()).hasSize(2);
  }

  @Test
  void writesGoToTheWriteTargetOnly() throws Exception {
    List<String> written = new ArrayList<>();
    TftpFileSource target = new TftpFileSource() {
      @Override
      public TftpReadableFile openForRead(TftpRequestInfo request)
          throws TftpFileException {
        throw new TftpFileException(TftpErrorCode.FILE_NOT_FOUND, "write-only");
      }

      @Override
      public TftpWritableFile openForWrite(TftpRequestInfo request, long size) {
        written.add(request.filename());
        return new TftpWritableFile() {
          @Override
          public void write(ByteBuffer src) {}

          @Override
          public void commit() {}

          @Override
          public void close() {}
        };
      }
    };
    ChainedFileSource readOnly = ChainedFileSource.of(serving("one", "a"));
    assertRefused(() -> readOnly.openForWrite(request("up"), -1), TftpErrorCode.ACCESS_VIOLATION);
    ChainedFileSource chain =
        ChainedFileSource.builder().add(serving("one", "a")).writeTarget(target).build();
    chain.openForWrite(request("up"), -1).close();
    assertThat(written).containsExactly("up");
    assertThat(asked).isEmpty();
  }
}
