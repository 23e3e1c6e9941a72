package dev.netboot.tftp.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.netboot.tftp.TftpErrorCode;
import dev.netboot.tftp.TftpFileException;
import dev.netboot.tftp.TftpReadableFile;
import dev.netboot.tftp.TftpRequestInfo;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Map;
import org.assertj.core.api.ThrowableAssertAlternative;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Requests and reads shared by the file source tests. */
final class TestRequests {
  private TestRequests() {}

  static TftpRequestInfo request(String filename) {
    return request(filename, InetAddress.getLoopbackAddress());
  }

  static TftpRequestInfo request(String filename, InetAddress peer) {
    return new TftpRequestInfo(filename, "octet", Map.of(), new InetSocketAddress(peer, 40000));
  }

  /** Reads a whole file in small positional reads, as a transfer does block by block. */
  static byte[] readAll(TftpReadableFile file) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteBuffer block = ByteBuffer.allocate(7);
    long position = 0;
    int read;
    while ((read = file.read(position, block.clear())) >= 0) {
      out.write(block.array(), 0, read);
      position += read;
    }
    return out.toByteArray();
  }

  /** Asserts that the call fails with a file exception carrying {@code code}. */
  static ThrowableAssertAlternative<TftpFileException> assertRefused(
      ThrowingCallable call, TftpErrorCode code) {
    return assertThatExceptionOfType(TftpFileException.class)
        .isThrownBy(call)
        .satisfies(e -> assertThat(e.errorCode()).isEqualTo(code));
  }
}
