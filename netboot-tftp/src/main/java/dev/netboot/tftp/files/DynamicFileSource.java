package dev.netboot.tftp.files;

import dev.netboot.tftp.TftpErrorCode;
import dev.netboot.tftp.TftpFileException;
import dev.netboot.tftp.TftpFileSource;
import dev.netboot.tftp.TftpReadableFile;
import dev.netboot.tftp.TftpRequestInfo;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves files made per request, such as a {@code pxelinux.cfg/01-<mac>} written for the
 * client that asks. Writes are refused (error 2).
 */
public final class DynamicFileSource implements TftpFileSource {
  private static final Logger log = LoggerFactory.getLogger(DynamicFileSource.class);

  /** Makes the content of a requested file. */
  @FunctionalInterface
  public interface Generator {
    /**
     * Makes a file's content. Called on the server's I/O threads, possibly several at once: it
     * must be thread-safe and must not block for long.
     *
     * @param request the request, with the name exactly as the client sent it
     * @return the content, which the caller owns from then on (it is not copied), or empty if
     *     there is no such file (answered with error 1 at once)
     * @throws TftpFileException to answer with another TFTP error
     */
    Optional<byte[]> generate(TftpRequestInfo request) throws TftpFileException;
  }

  private final Generator generator;

  private DynamicFileSource(Generator generator) {
    this.generator = generator;
  }

  /**
   * Creates a source around a generator.
   *
   * @param generator what makes the files
   * @return the source
   */
  public static DynamicFileSource of(Generator generator) {
    return new DynamicFileSource(generator);
  }

  /**
   * Opens the generated file.
   *
   * @throws TftpFileException 1 if the generator has no such file, 0 if it failed unexpectedly,
   *     or the generator's own refusal
   */
  @Override
  public TftpReadableFile openForRead(TftpRequestInfo request) throws TftpFileException {
    Optional<byte[]> content;
    try {
      content = generator.generate(request);
    } catch (RuntimeException e) {
      // A bug in the embedder's generator must cost one request, not the server's I/O thread.
      log.warn("generating {} for {} failed", request.filename(), request.peer(), e);
      throw new TftpFileException(TftpErrorCode.NOT_DEFINED, "cannot generate file");
    }
    if (content.isEmpty()) {
      throw PathResolver.notFound();
    }
    return new ByteArrayReadableFile(content.get());
  }
}
