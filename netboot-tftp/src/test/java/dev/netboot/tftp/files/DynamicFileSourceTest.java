package dev.netboot.tftp.files;

import static dev.netboot.tftp.files.TestRequests.assertRefused;
import static dev.netboot.tftp.files.TestRequests.readAll;
import static dev.netboot.tftp.files.TestRequests.request;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.netboot.tftp.TftpErrorCode;
import dev.netboot.tftp.TftpFileException;
import dev.netboot.tftp.TftpReadableFile;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Files made per request. */
class DynamicFileSourceTest {
  private static final Pattern MAC_CONFIG =
      Pattern.compile("/?pxelinux\\.cfg/01-((?:[0-9a-f]{2}-){5}[0-9a-f]{2})");

  /** Writes a pxelinux config naming the client's MAC and address. */
  private static final DynamicFileSource PXELINUX_CONFIGS = DynamicFileSource.of(request -> {
    Matcher m = MAC_CONFIG.matcher(request.filename());
    if (!m.matches()) {
      return Optional.empty();
    }
    String config = "label " + m.group(1) + "\n  append ip="
        + request.peer().getAddress().getHostAddress() + "\n";
    return Optional.of(config.getBytes(UTF_8));
  });

  @Test
  void generatesAFilePerRequest() throws Exception {
    try (TftpReadableFile file =
        PXELINUX_CONFIGS.openForRead(request("pxelinux.cfg/01-52-54-00-12-34-56"))) {
      assertThat(new String(readAll(file), UTF_8))
          .isEqualTo("label 52-54-00-12-34-56\n  append ip=127.0.0.1\n");
      assertThat(file.size()).isEqualTo(readAll(file).length);
    }
  }

  @Test
  void emptyMeansNotFoundAtOnce() {
    for (String name : new String[] {"pxelinux.cfg/C0A80001", "pxelinux.cfg/default"}) {
      assertRefused(() -> PXELINUX_CONFIGS.openForRead(request(name)),
          TftpErrorCode.FILE_NOT_FOUND);
    }
  }

  @Test
  void theGeneratorsRefusalIsSentAsItIs() {
    DynamicFileSource refusing = DynamicFileSource.of(request -> {
      throw new TftpFileException(TftpErrorCode.NO_SUCH_USER, "who?");
    });
    assertRefused(() -> refusing.openForRead(request("x")), TftpErrorCode.NO_SUCH_USER)
        .withMessage("who?");
  }

  @Test
  void aFailingGeneratorCostsOneRequestOnly() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    DynamicFileSource flaky = DynamicFileSource.of(request -> {
      if (calls.incrementAndGet() == 1) {
        throw new IllegalStateException("bug");
      }
      return Optional.of(new byte[] {1});
    });
    assertRefused(() -> flaky.openForRead(request("x")), TftpErrorCode.NOT_DEFINED)
        .withMessage("cannot generate file");
    try (TftpReadableFile file = flaky.openForRead(request("x"))) {
      assertThat(readAll(file)).containsExactly(1);
    }
  }

  @Test
  void refusesWrites() {
    assertRefused(() -> PXELINUX_CONFIGS.openForWrite(request("x"), -1),
        TftpErrorCode.ACCESS_VIOLATION);
  }
}
